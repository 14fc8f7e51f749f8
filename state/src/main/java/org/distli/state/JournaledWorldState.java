package org.distli.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * {@link WorldState} as a cache of account objects over a {@link StateBackend}, with an undo
 * journal.
 *
 * <p>Each account is one {@link AccountObject} in {@link #accounts}. Field changes mutate the
 * object and journal the previous value; creating or deleting an account replaces the object and
 * journals the one it replaced, so that a revert puts back the old object with its storage intact.
 * Storage has three layers per object: {@code dirty} (written by the current transaction), {@code
 * pending} (written by earlier transactions on this state) and the base, which a {@code fresh}
 * object (one created or deleted here) never consults.
 *
 * <p>The addresses named by the journal entries of a transaction are the accounts it touched, which
 * is what EIP-161 cleanup needs; reverted entries leave the journal, so a reverted touch does not
 * count.
 */
public final class JournaledWorldState implements WorldState {
  private final StateBackend base;
  private final HashMap<Address, AccountObject> accounts = new HashMap<>();
  private final ArrayList<JournalEntry> journal = new ArrayList<>();
  private Hash cachedRoot;

  public JournaledWorldState(StateBackend base) {
    this.base = base;
    this.cachedRoot = base.rootHash();
  }

  // ---- accounts

  @Override
  public boolean exists(Address address) {
    return load(address).exists;
  }

  @Override
  public boolean isEmpty(Address address) {
    return load(address).isEmpty();
  }

  @Override
  public long getNonce(Address address) {
    return load(address).nonce;
  }

  @Override
  public void setNonce(Address address, long nonce) {
    AccountObject account = loadForWrite(address);
    journal.add(new NonceChange(account, account.nonce));
    account.nonce = nonce;
  }

  @Override
  public Wei getBalance(Address address) {
    return load(address).balance;
  }

  @Override
  public void setBalance(Address address, Wei balance) {
    AccountObject account = loadForWrite(address);
    journal.add(new BalanceChange(account, account.balance));
    account.balance = balance;
  }

  @Override
  public Bytes getCode(Address address) {
    AccountObject account = load(address);
    if (account.code == null) {
      account.code =
          account.codeHash.equals(Hash.EMPTY_CODE) ? Bytes.EMPTY : base.code(account.codeHash);
    }
    return account.code;
  }

  @Override
  public Hash getCodeHash(Address address) {
    AccountObject account = load(address);
    return account.exists ? account.codeHash : Hash.ZERO;
  }

  @Override
  public void setCode(Address address, Bytes code) {
    AccountObject account = loadForWrite(address);
    journal.add(new CodeChange(account, account.codeHash, account.code, account.codeChanged));
    account.code = code;
    account.codeHash = code.isEmpty() ? Hash.EMPTY_CODE : Keccak256.hash(code);
    account.codeChanged = true;
  }

  // ---- storage

  @Override
  public UInt256 getStorage(Address address, UInt256 slot) {
    AccountObject account = load(address);
    UInt256 value = account.dirty.get(slot);
    return value != null ? value : committed(account, slot);
  }

  @Override
  public UInt256 getCommittedStorage(Address address, UInt256 slot) {
    return committed(load(address), slot);
  }

  private UInt256 committed(AccountObject account, UInt256 slot) {
    UInt256 value = account.pending.get(slot);
    if (value != null) {
      return value;
    }
    if (account.fresh || !account.existsInBase) {
      return UInt256.ZERO;
    }
    value = account.baseCache.get(slot);
    if (value == null) {
      value = base.storage(account.address, slot);
      account.baseCache.put(slot, value);
    }
    return value;
  }

  @Override
  public void setStorage(Address address, UInt256 slot, UInt256 value) {
    AccountObject account = loadForWrite(address);
    journal.add(new StorageChange(account, slot, account.dirty.get(slot)));
    account.dirty.put(slot, value);
  }

  @Override
  public boolean hasStorage(Address address) {
    AccountObject account = load(address);
    for (UInt256 value : account.dirty.values()) {
      if (!value.isZero()) {
        return true;
      }
    }
    for (UInt256 value : account.pending.values()) {
      if (!value.isZero()) {
        return true;
      }
    }
    // Like geth, the base storage root is what counts: slots zeroed earlier in this block do not
    // make the root empty until the block is committed.
    return !account.fresh
        && account.existsInBase
        && !account.baseStorageRoot.equals(Hash.EMPTY_TRIE_ROOT);
  }

  // ---- life cycle

  @Override
  public void createAccount(Address address) {
    AccountObject previous = load(address);
    AccountObject created = AccountObject.fresh(address, true);
    if (previous.exists) {
      created.balance = previous.balance;
    }
    replace(previous, created);
  }

  @Override
  public void deleteAccount(Address address) {
    replace(load(address), AccountObject.fresh(address, false));
  }

  @Override
  public void touch(Address address) {
    load(address);
    journal.add(new Touch(address));
    cachedRoot = null;
  }

  private void replace(AccountObject previous, AccountObject replacement) {
    journal.add(new Replacement(previous));
    accounts.put(previous.address, replacement);
    cachedRoot = null;
  }

  // ---- journal

  @Override
  public int checkpoint() {
    return journal.size();
  }

  @Override
  public void revertToCheckpoint(int checkpoint) {
    if (checkpoint < 0 || checkpoint > journal.size()) {
      throw new IllegalArgumentException(
          "checkpoint " + checkpoint + " outside the journal of " + journal.size() + " entries");
    }
    for (int i = journal.size() - 1; i >= checkpoint; i--) {
      journal.remove(i).undo(this);
    }
    cachedRoot = null;
  }

  @Override
  public void onRevert(Runnable undo) {
    journal.add(new CustomUndo(undo));
  }

  @Override
  public void finalizeTransaction(boolean clearEmptyTouched) {
    Set<Address> touched = new HashSet<>();
    for (JournalEntry entry : journal) {
      Address address = entry.address();
      if (address != null) {
        touched.add(address);
      }
    }
    journal.clear();
    for (Address address : touched) {
      AccountObject account = accounts.get(address);
      if (clearEmptyTouched && account.exists && account.isEmpty()) {
        accounts.put(address, AccountObject.fresh(address, false));
        continue;
      }
      if (!account.dirty.isEmpty()) {
        account.pending.putAll(account.dirty);
        account.dirty.clear();
      }
    }
    cachedRoot = null;
  }

  @Override
  public Hash rootHash() {
    if (cachedRoot == null) {
      cachedRoot = base.rootAfter(changes());
    }
    return cachedRoot;
  }

  @Override
  public StateChanges changes() {
    Map<Address, StateChanges.AccountUpdate> updates = new HashMap<>();
    Map<Hash, Bytes> code = new HashMap<>();
    for (AccountObject account : accounts.values()) {
      if (!account.modified) {
        continue;
      }
      if (!account.exists) {
        if (account.existsInBase || account.fresh) {
          updates.put(account.address, StateChanges.AccountUpdate.deletion());
        }
        continue;
      }
      TreeMap<UInt256, UInt256> storage = new TreeMap<>(account.pending);
      storage.putAll(account.dirty);
      updates.put(
          account.address,
          new StateChanges.AccountUpdate(
              false, account.nonce, account.balance, account.codeHash, account.fresh, storage));
      if (account.codeChanged && !account.codeHash.equals(Hash.EMPTY_CODE)) {
        code.put(account.codeHash, account.code);
      }
    }
    return new StateChanges(updates, code);
  }

  // ---- loading

  private AccountObject load(Address address) {
    AccountObject account = accounts.get(address);
    if (account == null) {
      account = AccountObject.fromBase(address, base.account(address));
      accounts.put(address, account);
    }
    return account;
  }

  /** Loads for a change: brings an absent account into existence, as the first write to it does. */
  private AccountObject loadForWrite(Address address) {
    AccountObject account = load(address);
    if (!account.exists) {
      journal.add(new Existence(account, account.modified));
      account.exists = true;
      account.nonce = 0;
      account.balance = Wei.ZERO;
      account.codeHash = Hash.EMPTY_CODE;
      account.code = Bytes.EMPTY;
    }
    account.modified = true;
    cachedRoot = null;
    return account;
  }

  private static final class AccountObject {
    final Address address;

    /** Whether the base state may hold storage for this object (never for a fresh one). */
    final boolean existsInBase;

    final Hash baseStorageRoot;

    /** Created or deleted on this state: storage starts empty and the base is never consulted. */
    final boolean fresh;

    boolean exists;
    boolean modified;
    long nonce;
    Wei balance;
    Hash codeHash;
    Bytes code; // loaded lazily
    boolean codeChanged;

    final HashMap<UInt256, UInt256> dirty = new HashMap<>();
    final HashMap<UInt256, UInt256> pending = new HashMap<>();
    final HashMap<UInt256, UInt256> baseCache = new HashMap<>();

    private AccountObject(Address address, boolean existsInBase, Hash storageRoot, boolean fresh) {
      this.address = address;
      this.existsInBase = existsInBase;
      this.baseStorageRoot = storageRoot;
      this.fresh = fresh;
    }

    static AccountObject fromBase(Address address, Account account) {
      if (account == null) {
        AccountObject absent = new AccountObject(address, false, Hash.EMPTY_TRIE_ROOT, false);
        absent.balance = Wei.ZERO;
        absent.codeHash = Hash.EMPTY_CODE;
        absent.code = Bytes.EMPTY;
        return absent;
      }
      AccountObject loaded = new AccountObject(address, true, account.storageRoot(), false);
      loaded.exists = true;
      loaded.nonce = account.nonce();
      loaded.balance = account.balance();
      loaded.codeHash = account.codeHash();
      return loaded;
    }

    /** A replacement object: a new empty account ({@code exists}) or a deleted one. */
    static AccountObject fresh(Address address, boolean exists) {
      AccountObject fresh = new AccountObject(address, false, Hash.EMPTY_TRIE_ROOT, true);
      fresh.exists = exists;
      fresh.modified = true;
      fresh.balance = Wei.ZERO;
      fresh.codeHash = Hash.EMPTY_CODE;
      fresh.code = Bytes.EMPTY;
      return fresh;
    }

    boolean isEmpty() {
      return !exists || (nonce == 0 && balance.isZero() && codeHash.equals(Hash.EMPTY_CODE));
    }
  }

  // ---- journal entries: each knows the account it touched (or none) and how to undo itself

  private sealed interface JournalEntry {
    /** The account this entry touched, for EIP-161; null for EVM bookkeeping. */
    Address address();

    void undo(JournaledWorldState state);
  }

  private record NonceChange(AccountObject account, long previous) implements JournalEntry {
    public Address address() {
      return account.address;
    }

    public void undo(JournaledWorldState state) {
      account.nonce = previous;
    }
  }

  private record BalanceChange(AccountObject account, Wei previous) implements JournalEntry {
    public Address address() {
      return account.address;
    }

    public void undo(JournaledWorldState state) {
      account.balance = previous;
    }
  }

  private record CodeChange(
      AccountObject account, Hash previousHash, Bytes previousCode, boolean previouslyChanged)
      implements JournalEntry {
    public Address address() {
      return account.address;
    }

    public void undo(JournaledWorldState state) {
      account.codeHash = previousHash;
      account.code = previousCode;
      account.codeChanged = previouslyChanged;
    }
  }

  /** {@code previous} is null when the slot had no value in the current transaction's writes. */
  private record StorageChange(AccountObject account, UInt256 slot, UInt256 previous)
      implements JournalEntry {
    public Address address() {
      return account.address;
    }

    public void undo(JournaledWorldState state) {
      if (previous == null) {
        account.dirty.remove(slot);
      } else {
        account.dirty.put(slot, previous);
      }
    }
  }

  private record Existence(AccountObject account, boolean previouslyModified)
      implements JournalEntry {
    public Address address() {
      return account.address;
    }

    public void undo(JournaledWorldState state) {
      account.exists = false;
      account.modified = previouslyModified;
    }
  }

  private record Replacement(AccountObject previous) implements JournalEntry {
    public Address address() {
      return previous.address;
    }

    public void undo(JournaledWorldState state) {
      state.accounts.put(previous.address, previous);
    }
  }

  private record Touch(Address address) implements JournalEntry {
    public void undo(JournaledWorldState state) {}
  }

  private record CustomUndo(Runnable action) implements JournalEntry {
    public Address address() {
      return null;
    }

    public void undo(JournaledWorldState state) {
      action.run();
    }
  }
}
