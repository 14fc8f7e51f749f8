package org.distli.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * The mutable world state the EVM executes against: accounts, code and storage over a committed
 * base, with a journal so that a reverted call frame undoes exactly its own changes. Not
 * thread-safe: one block or one call is executed by one thread.
 *
 * <p>Transaction-scoped EVM bookkeeping that is not state (warm sets, transient storage, logs,
 * refunds) stays in the EVM, which can hang its own undo actions on this journal with {@link
 * #onRevert(Runnable)} so that one {@link #revertToCheckpoint(int)} undoes everything.
 */
public interface WorldState {

  /** Whether the account exists in the state, empty or not. */
  boolean exists(Address address);

  /** True when the account does not exist or is empty in the EIP-161 sense. */
  boolean isEmpty(Address address);

  long getNonce(Address address);

  /** Creates the account when absent. */
  void setNonce(Address address, long nonce);

  Wei getBalance(Address address);

  /** Creates the account when absent. */
  void setBalance(Address address, Wei balance);

  /** Creates the account when absent. */
  default void addBalance(Address address, Wei amount) {
    setBalance(address, getBalance(address).add(amount));
  }

  /**
   * @throws ArithmeticException when the balance is smaller than {@code amount}
   */
  default void subtractBalance(Address address, Wei amount) {
    setBalance(address, getBalance(address).subtract(amount));
  }

  /** The account's code; empty when it has none or does not exist. */
  Bytes getCode(Address address);

  /** {@link Hash#EMPTY_CODE} for an account without code, {@link Hash#ZERO} for none at all. */
  Hash getCodeHash(Address address);

  /** Creates the account when absent. */
  void setCode(Address address, Bytes code);

  /** The current value of a storage slot. */
  UInt256 getStorage(Address address, UInt256 slot);

  /**
   * The value of a slot at the start of the current transaction: EIP-2200's "original value", which
   * SSTORE pricing and refunds compare against.
   */
  UInt256 getCommittedStorage(Address address, UInt256 slot);

  /** Creates the account when absent. */
  void setStorage(Address address, UInt256 slot, UInt256 value);

  /** Whether the account has any non-zero storage: part of the CREATE collision rule (EIP-7610). */
  boolean hasStorage(Address address);

  /**
   * Makes a fresh account at {@code address}: nonce 0, no code, empty storage. The balance is kept,
   * since value may have been sent to the address before the contract was created there.
   */
  void createAccount(Address address);

  /** Removes the account with its storage (SELFDESTRUCT at the end of a transaction). */
  void deleteAccount(Address address);

  /**
   * Marks the account touched without changing it, as a zero-value CALL does; touched empty
   * accounts are removed at the end of the transaction (EIP-161).
   */
  void touch(Address address);

  /**
   * Marks the current point of the journal; returns its id for {@link #revertToCheckpoint(int)}.
   */
  int checkpoint();

  /** Undoes every change (and runs every undo action) recorded since {@code checkpoint}. */
  void revertToCheckpoint(int checkpoint);

  /** Registers an undo action that runs if the current checkpoint is reverted. */
  void onRevert(Runnable undo);

  /**
   * Ends a transaction: removes touched accounts that are empty when {@code clearEmptyTouched}
   * (EIP-161, from Spurious Dragon), makes the current storage the committed storage for the next
   * transaction, and empties the journal. Checkpoints taken before it are no longer valid.
   */
  void finalizeTransaction(boolean clearEmptyTouched);

  /** The state root of the current state; call after {@link #finalizeTransaction(boolean)}. */
  Hash rootHash();

  /** The net changes against the base state, for committing. */
  StateChanges changes();
}
