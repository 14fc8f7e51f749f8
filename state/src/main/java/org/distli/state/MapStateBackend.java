package org.distli.state;

import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * A base state held in maps, with no trie behind it: what code runs against when no state root is
 * wanted ({@code distli evm run}, EVM unit tests). It computes no roots, so {@link #rootAfter}
 * refuses: roots come from the state database in the trie module. Filled before use and then only
 * read, like any {@link StateBackend}; not thread-safe while being filled.
 */
public final class MapStateBackend implements StateBackend {
  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();
  private final Map<Hash, Bytes> code = new HashMap<>();

  /** Sets the account at {@code address}; its storage root is taken as given, not computed. */
  public MapStateBackend putAccount(Address address, Account account) {
    accounts.put(address, account);
    return this;
  }

  /** Sets one storage slot of {@code address}. */
  public MapStateBackend putStorage(Address address, UInt256 slot, UInt256 value) {
    storage.computeIfAbsent(address, a -> new HashMap<>()).put(slot, value);
    return this;
  }

  /** Stores {@code bytes} as code and returns its hash, for an account's code hash. */
  public Hash putCode(Bytes bytes) {
    Hash hash = Keccak256.hash(bytes);
    code.put(hash, bytes);
    return hash;
  }

  /** The empty trie's root while empty; otherwise {@link Hash#ZERO}: maps have no root. */
  @Override
  public Hash rootHash() {
    return accounts.isEmpty() ? Hash.EMPTY_TRIE_ROOT : Hash.ZERO;
  }

  @Override
  public Account account(Address address) {
    return accounts.get(address);
  }

  @Override
  public UInt256 storage(Address address, UInt256 slot) {
    return storage.getOrDefault(address, Map.of()).getOrDefault(slot, UInt256.ZERO);
  }

  @Override
  public Bytes code(Hash codeHash) {
    if (codeHash.equals(Hash.EMPTY_CODE)) {
      return Bytes.EMPTY;
    }
    Bytes found = code.get(codeHash);
    if (found == null) {
      throw new IllegalStateException("unknown code " + codeHash);
    }
    return found;
  }

  @Override
  public Hash rootAfter(StateChanges changes) {
    throw new UnsupportedOperationException(
        "a state held in maps has no trie: roots come from the state database");
  }
}
