package org.distli.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.storage.Column;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;
import org.distli.trie.MerklePatriciaTrie;
import org.distli.trie.NodeCache;
import org.distli.trie.NodeSink;
import org.distli.trie.NodeSource;

/**
 * The world state store: tries in a {@link KeyValueStore}, one committed state per block.
 *
 * <p>One writer (the chain) calls {@link #commit}; any number of readers take {@link #at} a root.
 */
public final class StateDatabase implements AutoCloseable {
  /** Trie nodes by position and hash ({@link NodeKeys}): value = created block (8) | RLP. */
  public static final Column TRIE_NODES = new Column("trie_nodes");

  /** Contract code by code hash. */
  public static final Column CODE = new Column("code");

  /** Known state roots: root -> the last block number (8 bytes) whose state it is. */
  public static final Column STATE_ROOTS = new Column("state_roots");

  /** Bookkeeping: the head (block number and root). */
  public static final Column STATE_META = new Column("state_meta");

  private static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACCOUNT_TRIE = NodeKeys.ownerPrefix(null);

  private final KeyValueStore store;
  private final boolean ownsStore;
  private final StateDatabaseConfig config;
  private final NodeCache nodeCache;
  private volatile Head head;
  private boolean commitPending;

  /** The latest committed state. */
  public record Head(long blockNumber, Hash root) {}

  private StateDatabase(KeyValueStore store, boolean ownsStore, StateDatabaseConfig config) {
    this.store = store;
    this.ownsStore = ownsStore;
    this.config = config;
    this.nodeCache = NodeCache.ofSize(config.nodeCacheBytes());
    byte[] stored = store.get(STATE_META, HEAD_KEY);
    this.head = stored == null ? null : decodeHead(stored);
  }

  /** A state database in memory, for tests and one-off executions. */
  public static StateDatabase inMemory() {
    return new StateDatabase(new InMemoryKeyValueStore(), true, StateDatabaseConfig.DEFAULT);
  }

  /** The state database in {@code store}, which the caller keeps and closes. */
  public static StateDatabase open(KeyValueStore store, StateDatabaseConfig config) {
    return new StateDatabase(store, false, config);
  }

  /** The columns this database uses, for stores that want them declared up front. */
  public static List<Column> columns() {
    return List.of(TRIE_NODES, CODE, STATE_ROOTS, STATE_META);
  }

  public StateDatabaseConfig config() {
    return config;
  }

  /** The latest committed state, if any was committed. */
  public Optional<Head> head() {
    return Optional.ofNullable(head);
  }

  // ---- reading

  /**
   * The committed state at {@code stateRoot}, as an immutable snapshot any thread may read. {@link
   * Hash#EMPTY_TRIE_ROOT} is always available: the empty state.
   *
   * @throws UnknownStateRootException when this database does not hold that state (never committed,
   *     or pruned)
   */
  public StateBackend at(Hash stateRoot) {
    if (!isAvailable(stateRoot)) {
      throw new UnknownStateRootException(stateRoot);
    }
    return new TrieStateBackend(this, stateRoot);
  }

  /** Whether {@link #at} can serve {@code stateRoot}. */
  public boolean isAvailable(Hash stateRoot) {
    if (stateRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
      return true;
    }
    Head current = head;
    if (current != null && current.root.equals(stateRoot)) {
      return true;
    }
    return store.get(STATE_ROOTS, stateRoot.toArray()) != null;
  }

  MerklePatriciaTrie accountTrie(Hash root) {
    return new MerklePatriciaTrie(root, source(ACCOUNT_TRIE), nodeCache);
  }

  MerklePatriciaTrie storageTrie(byte[] accountKey, Hash root) {
    return new MerklePatriciaTrie(root, source(NodeKeys.ownerPrefix(accountKey)), nodeCache);
  }

  private NodeSource source(byte[] ownerPrefix) {
    return (path, hash) -> {
      byte[] stored = store.get(TRIE_NODES, NodeKeys.nodeKey(ownerPrefix, path, hash));
      return stored == null ? null : Arrays.copyOfRange(stored, 8, stored.length);
    };
  }

  Bytes code(Hash codeHash) {
    if (codeHash.equals(Hash.EMPTY_CODE)) {
      return Bytes.EMPTY;
    }
    byte[] code = store.get(CODE, codeHash.toArray());
    if (code == null) {
      throw new IllegalStateException("unknown code " + codeHash + ": the database is incomplete");
    }
    return Bytes.wrap(code);
  }

  /** The root {@code changes} would give on top of {@code parentRoot}. Persists nothing. */
  Hash rootAfter(Hash parentRoot, StateChanges changes) {
    return apply(parentRoot, changes, null);
  }

  // ---- writing

  /**
   * Applies {@code changes} to the state at {@code parentRoot} as the state of block {@code
   * blockNumber}, writes it, and returns the new state root.
   */
  public Hash commit(Hash parentRoot, StateChanges changes, long blockNumber) {
    try (WriteBatch batch = store.newBatch()) {
      Hash root = commit(parentRoot, changes, blockNumber, batch);
      batch.commit();
      return root;
    }
  }

  /**
   * Like {@link #commit(Hash, StateChanges, long)} but stages the writes in the caller's batch, so
   * that block data and state land atomically together. The new state becomes the head when the
   * batch is written; no other commit may be staged before then.
   *
   * @throws IllegalArgumentException when {@code parentRoot} is not the head's root
   */
  public synchronized Hash commit(
      Hash parentRoot, StateChanges changes, long blockNumber, WriteBatch batch) {
    if (commitPending) {
      throw new IllegalStateException("the previous state commit has not been written yet");
    }
    Head current = head;
    Hash expectedParent = current == null ? Hash.EMPTY_TRIE_ROOT : current.root;
    if (!parentRoot.equals(expectedParent)) {
      throw new IllegalArgumentException(
          "parent state root "
              + parentRoot
              + " is not the head state "
              + expectedParent
              + (current == null ? " (empty database)" : " of block " + current.blockNumber));
    }
    if (current != null && blockNumber <= current.blockNumber) {
      throw new IllegalArgumentException(
          "block " + blockNumber + " does not follow the head block " + current.blockNumber);
    }
    Hash root = apply(parentRoot, changes, new Writer(batch, blockNumber));
    for (Map.Entry<Hash, Bytes> code : changes.code().entrySet()) {
      batch.put(CODE, code.getKey().toArray(), code.getValue().toArrayUnsafe());
    }
    Head next = new Head(blockNumber, root);
    batch.put(STATE_ROOTS, root.toArray(), longBytes(blockNumber));
    batch.put(STATE_META, HEAD_KEY, encodeHead(next));
    commitPending = true;
    batch.addListener(
        written -> {
          synchronized (StateDatabase.this) {
            commitPending = false;
            if (written) {
              head = next;
            }
          }
        });
    return root;
  }

  /** Applies changes to the tries; with a writer the new nodes are staged, else only hashed. */
  private Hash apply(Hash parentRoot, StateChanges changes, Writer writer) {
    MerklePatriciaTrie accounts = accountTrie(parentRoot);
    List<Map.Entry<Address, StateChanges.AccountUpdate>> updates =
        new ArrayList<>(changes.accounts().entrySet());
    for (Map.Entry<Address, StateChanges.AccountUpdate> entry : updates) {
      byte[] key = StateCodec.accountKey(entry.getKey());
      StateChanges.AccountUpdate update = entry.getValue();
      byte[] oldRlp = accounts.get(key);
      Account old = oldRlp == null ? null : StateCodec.decodeAccount(oldRlp);
      if (update.deleted()) {
        accounts.delete(key);
        continue;
      }
      Hash storageRoot =
          old == null || update.storageCleared() ? Hash.EMPTY_TRIE_ROOT : old.storageRoot();
      if (!update.storage().isEmpty()) {
        MerklePatriciaTrie storage = storageTrie(key, storageRoot);
        update
            .storage()
            .forEach(
                (slot, value) -> {
                  byte[] slotKey = StateCodec.slotKey(slot);
                  if (value.isZero()) {
                    storage.delete(slotKey);
                  } else {
                    storage.put(slotKey, StateCodec.encodeStorageValue(value));
                  }
                });
        storageRoot =
            writer == null
                ? storage.rootHash()
                : storage.commit(writer.sink(NodeKeys.ownerPrefix(key)));
      }
      accounts.put(
          key,
          StateCodec.encodeAccount(
              update.nonce(), update.balance(), storageRoot, update.codeHash()));
    }
    return writer == null ? accounts.rootHash() : accounts.commit(writer.sink(ACCOUNT_TRIE));
  }

  /** Stages one commit's trie nodes in a batch. */
  private static final class Writer {
    private final WriteBatch batch;
    private final byte[] createdBlock;

    Writer(WriteBatch batch, long blockNumber) {
      this.batch = batch;
      this.createdBlock = longBytes(blockNumber);
    }

    NodeSink sink(byte[] ownerPrefix) {
      return new NodeSink() {
        @Override
        public void created(Bytes nibblePath, Hash hash, byte[] rlp) {
          byte[] value = new byte[8 + rlp.length];
          System.arraycopy(createdBlock, 0, value, 0, 8);
          System.arraycopy(rlp, 0, value, 8, rlp.length);
          batch.put(TRIE_NODES, NodeKeys.nodeKey(ownerPrefix, nibblePath, hash), value);
        }

        @Override
        public void released(Bytes nibblePath, Hash hash) {}
      };
    }
  }

  // ---- encoding of bookkeeping values

  static byte[] longBytes(long value) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (value >>> (56 - 8 * i));
    }
    return out;
  }

  static long readLong(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (in[offset + i] & 0xff);
    }
    return value;
  }

  private static byte[] encodeHead(Head head) {
    byte[] out = new byte[40];
    System.arraycopy(longBytes(head.blockNumber), 0, out, 0, 8);
    head.root.copyTo(out, 8);
    return out;
  }

  private static Head decodeHead(byte[] stored) {
    return new Head(readLong(stored, 0), Hash.wrap(Arrays.copyOfRange(stored, 8, 40)));
  }

  @Override
  public void close() {
    nodeCache.clear();
    if (ownsStore) {
      store.close();
    }
  }
}
