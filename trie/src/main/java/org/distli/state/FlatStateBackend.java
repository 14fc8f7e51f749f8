package org.distli.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * The head state read from the flat store and its caches, without walking the trie. Each read
 * checks the database's flat version before and after (a sequence lock): once the writer has moved
 * the head on, this snapshot answers from the trie at its own root, which stays intact while the
 * root is in the history window.
 */
final class FlatStateBackend implements StateBackend {
  private final StateDatabase database;
  private final Hash root;
  private final long version;
  private volatile TrieStateBackend trie;

  FlatStateBackend(StateDatabase database, Hash root, long version) {
    this.database = database;
    this.root = root;
    this.version = version;
  }

  private TrieStateBackend trie() {
    TrieStateBackend backend = trie;
    if (backend == null) {
      backend = new TrieStateBackend(database, root);
      trie = backend;
    }
    return backend;
  }

  @Override
  public Hash rootHash() {
    return root;
  }

  @Override
  public Account account(Address address) {
    if (database.flatValid(version)) {
      Account account = database.latestAccount(address, version);
      if (database.flatValid(version)) {
        return account;
      }
    }
    return trie().account(address);
  }

  @Override
  public UInt256 storage(Address address, UInt256 slot) {
    if (database.flatValid(version)) {
      UInt256 value = database.latestStorage(address, slot, version);
      if (database.flatValid(version)) {
        return value;
      }
    }
    return trie().storage(address, slot);
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
