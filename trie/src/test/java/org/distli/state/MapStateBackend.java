package org.distli.state;

import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/** A base state held in maps, for journal tests that need no trie. */
final class MapStateBackend implements StateBackend {
  final Map<Address, Account> accounts = new HashMap<>();
  final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();
  final Map<Hash, Bytes> code = new HashMap<>();

  @Override
  public Hash rootHash() {
    return Hash.ZERO;
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
    Bytes found = code.get(codeHash);
    if (found == null) {
      throw new IllegalStateException("unknown code " + codeHash);
    }
    return found;
  }

  @Override
  public Hash rootAfter(StateChanges changes) {
    throw new UnsupportedOperationException("no trie behind this backend");
  }
}
