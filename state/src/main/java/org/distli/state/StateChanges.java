package org.distli.state;

import java.util.Map;
import java.util.NavigableMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * The net effect of executing transactions on a state: what a commit writes and what the next state
 * root is computed from.
 *
 * @param accounts every account whose entry changed, with its new fields and storage writes
 * @param code new contract code by hash
 */
public record StateChanges(Map<Address, AccountUpdate> accounts, Map<Hash, Bytes> code) {
  public StateChanges {
    accounts = Map.copyOf(accounts);
    code = Map.copyOf(code);
  }

  public static final StateChanges NONE = new StateChanges(Map.of(), Map.of());

  public static Builder builder() {
    return new Builder();
  }

  /** Collects accounts created from scratch, as a genesis allocation or a test pre-state lists. */
  public static final class Builder {
    private final Map<Address, AccountUpdate> accounts = new java.util.HashMap<>();
    private final Map<Hash, Bytes> code = new java.util.HashMap<>();

    private Builder() {}

    /** An account with exactly these fields, code and storage (nothing kept from before). */
    public Builder newAccount(
        Address address,
        long nonce,
        Wei balance,
        Bytes accountCode,
        Map<UInt256, UInt256> storage) {
      Hash codeHash = Hash.EMPTY_CODE;
      if (!accountCode.isEmpty()) {
        codeHash = org.distli.crypto.Keccak256.hash(accountCode);
        code.put(codeHash, accountCode);
      }
      accounts.put(
          address,
          new AccountUpdate(
              false, nonce, balance, codeHash, true, new java.util.TreeMap<>(storage)));
      return this;
    }

    public StateChanges build() {
      return new StateChanges(accounts, code);
    }
  }

  /**
   * The new state of one account.
   *
   * @param deleted the account no longer exists (self-destructed or removed as empty, EIP-161); its
   *     storage goes with it and the other fields are ignored
   * @param storageCleared the account was (re)created from scratch: storage held before must be
   *     wiped before {@code storage} is applied
   * @param storage slot writes; a zero value deletes the slot
   */
  public record AccountUpdate(
      boolean deleted,
      long nonce,
      Wei balance,
      Hash codeHash,
      boolean storageCleared,
      NavigableMap<UInt256, UInt256> storage) {

    public static AccountUpdate deletion() {
      return new AccountUpdate(
          true, 0, Wei.ZERO, Hash.EMPTY_CODE, true, java.util.Collections.emptyNavigableMap());
    }
  }
}
