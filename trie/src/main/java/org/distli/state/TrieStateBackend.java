package org.distli.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.trie.MerklePatriciaTrie;

/** The state at one root read by walking its tries: any retained root, latest or historical. */
final class TrieStateBackend implements StateBackend {
  private final StateDatabase database;
  private final Hash root;
  private final MerklePatriciaTrie accounts;

  TrieStateBackend(StateDatabase database, Hash root) {
    this.database = database;
    this.root = root;
    this.accounts = database.accountTrie(root);
  }

  @Override
  public Hash rootHash() {
    return root;
  }

  @Override
  public Account account(Address address) {
    byte[] rlp = accounts.get(StateCodec.accountKey(address));
    return rlp == null ? null : Account.decode(rlp);
  }

  @Override
  public UInt256 storage(Address address, UInt256 slot) {
    byte[] accountKey = StateCodec.accountKey(address);
    byte[] rlp = accounts.get(accountKey);
    if (rlp == null) {
      return UInt256.ZERO;
    }
    Hash storageRoot = Account.decode(rlp).storageRoot();
    if (storageRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
      return UInt256.ZERO;
    }
    byte[] value = database.storageTrie(accountKey, storageRoot).get(StateCodec.slotKey(slot));
    return value == null ? UInt256.ZERO : StateCodec.decodeStorageValue(value);
  }

  @Override
  public Bytes code(Hash codeHash) {
    return database.code(codeHash);
  }

  @Override
  public Hash rootAfter(StateChanges changes) {
    return database.rootAfter(root, changes);
  }
}
