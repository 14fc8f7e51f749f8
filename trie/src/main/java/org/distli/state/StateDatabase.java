package org.distli.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.storage.ClockCache;
import org.distli.storage.Column;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;
import org.distli.trie.MerklePatriciaTrie;
import org.distli.trie.NodeCache;
import org.distli.trie.NodeSink;
import org.distli.trie.NodeSource;

/**
 * The world state store: the state trie and storage tries, a flat copy of the latest state, and
 * enough history to read recent states and to switch the head to a sibling block.
 *
 * <ul>
 *   <li>Trie nodes are stored by position and hash ({@link NodeKeys}), tagged with the block that
 *       wrote them. A commit re-hashes and writes only the paths it touched.
 *   <li>The flat store holds every account by address and every slot by address and slot, as of the
 *       head, so that reads of the latest state do not walk the trie; caches sit in front of it.
 *   <li>Each block keeps, while it is in the history window, its root, the stored nodes it made
 *       stale, and the prior values of the flat entries it changed (its undo log). When a block
 *       leaves the window the nodes its successor made stale are deleted (unless a later block
 *       wrote them again) and its bookkeeping goes; archive mode deletes no node.
 *   <li>Everything a commit writes goes into one atomic batch, so a killed process reopens at its
 *       last committed block.
 * </ul>
 *
 * <p>Threading: one writer calls {@link #commit}; readers take {@link #at} a root from any thread.
 * A reader at the head reads the flat store and checks a version counter (a sequence lock) before
 * and after: when the writer moved the head in between, it reads the trie at its root instead, so a
 * reader's snapshot never changes under it.
 */
public final class StateDatabase implements AutoCloseable {
  /** Trie nodes by position and hash ({@link NodeKeys}): created block (8 bytes) | node RLP. */
  public static final Column TRIE_NODES = new Column("trie_nodes");

  /** Contract code by code hash; never pruned. */
  public static final Column CODE = new Column("code");

  /** The head's accounts: address (20 bytes) -> account RLP, as in the trie. */
  public static final Column FLAT_ACCOUNTS = new Column("flat_accounts");

  /** The head's storage: address (20) | slot (32) -> RLP of the minimal value bytes. */
  public static final Column FLAT_STORAGE = new Column("flat_storage");

  /** Readable state roots: root -> the last block number (8 bytes) whose state it is. */
  public static final Column STATE_ROOTS = new Column("state_roots");

  /**
   * Per block in the history window: block number (8) | kind (1) -> root (kind 0), stale node keys
   * (kind 1), flat undo log (kind 2).
   */
  public static final Column STATE_HISTORY = new Column("state_history");

  /** Bookkeeping: "head" -> block number (8) | root (32). */
  public static final Column STATE_META = new Column("state_meta");

  /** Blocks touching this many accounts hash their keys and build their hints in parallel. */
  private static final int PARALLEL_KEY_THRESHOLD = 256;

  /**
   * The head's account trie stays resolved in memory down to this depth (nibbles): five levels are
   * at most 69,905 branches, about 100 MB at full width (a state of a million accounts or more),
   * and walks through them need no cache lookups. Deeper nodes come from the node cache.
   */
  private static final int RETAINED_ACCOUNT_DEPTH = 5;

  private static final byte[] EMPTY = new byte[0];
  private static final byte HISTORY_ROOT = 0;
  private static final byte HISTORY_STALE = 1;
  private static final byte HISTORY_UNDO = 2;
  private static final byte[] HEAD_KEY = {'h', 'e', 'a', 'd'};
  private static final byte[] ACCOUNT_TRIE = NodeKeys.ownerPrefix(null);

  private final KeyValueStore store;
  private final boolean ownsStore;
  private final StateDatabaseConfig config;
  private final NodeCache nodeCache;
  private final ClockCache<Address, CachedAccount> accountCache;
  private final ClockCache<SlotKey, UInt256> storageCache;

  private volatile Head head;

  /** The head's account trie as the last commit left it in memory, or null. */
  private volatile LiveTrie headAccounts;

  private record LiveTrie(Hash root, MerklePatriciaTrie trie) {}

  /** Even: the flat store and caches hold the head's state. Odd: the writer is moving them. */
  private volatile long flatVersion;

  private final java.util.concurrent.atomic.LongAdder nodeReads =
      new java.util.concurrent.atomic.LongAdder();

  // Writer state, guarded by this.
  private final TreeMap<Long, Hash> retained = new TreeMap<>();
  // Null in archive mode (nothing is pruned) and for windows too long for it.
  private final NodeWriteIndex nodeWrites;
  private boolean commitPending;

  /** The latest committed state. */
  public record Head(long blockNumber, Hash root) {}

  private record CachedAccount(Account account) {}

  record SlotKey(Address address, UInt256 slot) {}

  private StateDatabase(KeyValueStore store, boolean ownsStore, StateDatabaseConfig config) {
    this.store = store;
    this.ownsStore = ownsStore;
    this.config = config;
    this.nodeWrites =
        config.archive() || config.historyBlocks() >= NodeWriteIndex.MAX_WINDOW
            ? null
            : new NodeWriteIndex();
    this.nodeCache = NodeCache.ofSize(config.nodeCacheBytes());
    int entries = config.flatCacheEntries();
    this.accountCache = entries == 0 ? null : new ClockCache<>(entries, account -> 1);
    this.storageCache = entries == 0 ? null : new ClockCache<>(entries, value -> 1);
    byte[] stored = store.get(STATE_META, HEAD_KEY);
    this.head = stored == null ? null : decodeHead(stored);
    store.forEachWithPrefix(
        STATE_HISTORY,
        new byte[0],
        (key, value) -> {
          if (key.length == 9 && key[8] == HISTORY_ROOT) {
            retained.put(readLong(key, 0), Hash.wrap(value));
          }
          return true;
        });
  }

  /** A state database in memory, for tests and one-off executions. */
  public static StateDatabase inMemory() {
    return inMemory(StateDatabaseConfig.DEFAULT);
  }

  public static StateDatabase inMemory(StateDatabaseConfig config) {
    return new StateDatabase(new InMemoryKeyValueStore(), true, config);
  }

  /** The state database in {@code store}, which the caller keeps and closes. */
  public static StateDatabase open(KeyValueStore store, StateDatabaseConfig config) {
    return new StateDatabase(store, false, config);
  }

  /** The columns this database writes. */
  public static List<Column> columns() {
    return List.of(
        TRIE_NODES, CODE, FLAT_ACCOUNTS, FLAT_STORAGE, STATE_ROOTS, STATE_HISTORY, STATE_META);
  }

  public StateDatabaseConfig config() {
    return config;
  }

  /** The latest committed state, if any was committed. */
  public Optional<Head> head() {
    return Optional.ofNullable(head);
  }

  /** Trie nodes read from the store so far (cache misses): for benchmarks and metrics. */
  public long nodeReads() {
    return nodeReads.sum();
  }

  /** The oldest block whose state is still readable (the head's when no history is kept). */
  public synchronized Optional<Long> oldestRetainedBlock() {
    return retained.isEmpty() ? Optional.empty() : Optional.of(retained.firstKey());
  }

  // ---- reading

  /**
   * The committed state at {@code stateRoot}, as an immutable snapshot any thread may read: from
   * the flat store when it is the head, by walking the tries otherwise. {@link
   * Hash#EMPTY_TRIE_ROOT} is always available: the empty state.
   *
   * @throws UnknownStateRootException when this database does not hold that state (never committed,
   *     or pruned)
   */
  public StateBackend at(Hash stateRoot) {
    if (stateRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
      return new TrieStateBackend(this, stateRoot);
    }
    long version = flatVersion;
    Head current = head;
    if (current != null && current.root.equals(stateRoot)) {
      if ((version & 1) == 0 && flatVersion == version) {
        return new FlatStateBackend(this, stateRoot, version);
      }
      return new TrieStateBackend(this, stateRoot);
    }
    if (store.get(STATE_ROOTS, stateRoot.toArray()) == null) {
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
    return (current != null && current.root.equals(stateRoot))
        || store.get(STATE_ROOTS, stateRoot.toArray()) != null;
  }

  /**
   * The EIP-1186 proof of an account and some of its slots in the state at {@code stateRoot}.
   *
   * @throws UnknownStateRootException when the state is not available
   */
  public StateProof proof(Hash stateRoot, Address address, List<UInt256> slots) {
    if (!isAvailable(stateRoot)) {
      throw new UnknownStateRootException(stateRoot);
    }
    byte[] accountKey = StateCodec.accountKey(address);
    MerklePatriciaTrie accounts = accountTrie(stateRoot);
    List<Bytes> accountProof = accounts.proof(Bytes.wrap(accountKey));
    byte[] rlp = accounts.get(accountKey);
    Account account = rlp == null ? null : Account.decode(rlp);
    Hash storageRoot = account == null ? Hash.EMPTY_TRIE_ROOT : account.storageRoot();
    MerklePatriciaTrie storage = storageTrie(accountKey, storageRoot);
    List<StateProof.StorageProof> storageProofs = new ArrayList<>(slots.size());
    for (UInt256 slot : slots) {
      byte[] slotKey = StateCodec.slotKey(slot);
      byte[] value = storage.get(slotKey);
      storageProofs.add(
          new StateProof.StorageProof(
              slot,
              value == null ? UInt256.ZERO : StateCodec.decodeStorageValue(value),
              storage.proof(Bytes.wrap(slotKey))));
    }
    return new StateProof(address, account, accountProof, storageProofs);
  }

  MerklePatriciaTrie accountTrie(Hash root) {
    LiveTrie live = headAccounts;
    if (live != null && live.root.equals(root)) {
      return live.trie.copy(false);
    }
    return new MerklePatriciaTrie(root, source(ACCOUNT_TRIE), nodeCache);
  }

  MerklePatriciaTrie storageTrie(byte[] accountKey, Hash root) {
    return new MerklePatriciaTrie(root, source(NodeKeys.ownerPrefix(accountKey)), nodeCache);
  }

  private MerklePatriciaTrie accountTrieForUpdate(Hash root) {
    LiveTrie live = headAccounts;
    if (live != null && live.root.equals(root)) {
      return live.trie.copy(true);
    }
    return MerklePatriciaTrie.forUpdate(root, source(ACCOUNT_TRIE), nodeCache)
        .retainLevels(RETAINED_ACCOUNT_DEPTH);
  }

  private NodeSource source(byte[] ownerPrefix) {
    return (path, hash) -> {
      nodeReads.increment();
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

  /** Whether readers that started at flat version {@code version} may still use the flat store. */
  boolean flatValid(long version) {
    return flatVersion == version;
  }

  /** The head's account from the caches or the flat store; callers check {@link #flatValid}. */
  Account latestAccount(Address address, long version) {
    if (accountCache != null) {
      CachedAccount cached = accountCache.get(address);
      if (cached != null) {
        return cached.account;
      }
    }
    byte[] rlp = store.get(FLAT_ACCOUNTS, address.toArray());
    Account account = rlp == null ? null : Account.decode(rlp);
    if (accountCache != null) {
      accountCache.put(address, new CachedAccount(account));
      if (flatVersion != version) {
        // The writer may have moved the head while this was read: do not leave it cached.
        accountCache.invalidate(address);
      }
    }
    return account;
  }

  UInt256 latestStorage(Address address, UInt256 slot, long version) {
    SlotKey key = storageCache == null ? null : new SlotKey(address, slot);
    if (key != null) {
      UInt256 cached = storageCache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    byte[] rlp = store.get(FLAT_STORAGE, flatStorageKey(address, slot));
    UInt256 value = rlp == null ? UInt256.ZERO : StateCodec.decodeStorageValue(rlp);
    if (key != null) {
      storageCache.put(key, value);
      if (flatVersion != version) {
        storageCache.invalidate(key);
      }
    }
    return value;
  }

  /** The root {@code changes} would give on top of {@code parentRoot}. Persists nothing. */
  Hash rootAfter(Hash parentRoot, StateChanges changes) {
    return apply(parentRoot, changes, null);
  }

  // ---- writing

  /**
   * Applies {@code changes} to the state at {@code parentRoot} as the state of block {@code
   * blockNumber}, writes it atomically, and returns the new state root. See {@link #commit(Hash,
   * StateChanges, long, WriteBatch)}.
   */
  public Hash commit(Hash parentRoot, StateChanges changes, long blockNumber) {
    try (WriteBatch batch = store.newBatch()) {
      Hash root = commit(parentRoot, changes, blockNumber, batch);
      batch.commit();
      return root;
    }
  }

  /**
   * Stages the state of block {@code blockNumber} in the caller's batch, so that block data and
   * state land together; the new state becomes the head when the batch is written. No other commit
   * may be staged before then.
   *
   * <p>The block normally follows the head ({@code blockNumber} above the head's, {@code
   * parentRoot} the head's root). A {@code blockNumber} at or below the head's replaces the blocks
   * from that number on (a reorganisation): {@code parentRoot} must then be the state of the block
   * before, which must still be in the history window.
   *
   * @throws IllegalArgumentException when {@code parentRoot} is not the state the block builds on
   */
  public synchronized Hash commit(
      Hash parentRoot, StateChanges changes, long blockNumber, WriteBatch batch) {
    if (commitPending) {
      throw new IllegalStateException("the previous state commit has not been written yet");
    }
    if (blockNumber < 0) {
      throw new IllegalArgumentException("negative block number " + blockNumber);
    }
    Head current = head;
    List<Long> reverted = new ArrayList<>();
    if (current == null) {
      if (!parentRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
        throw new IllegalArgumentException(
            "parent state root " + parentRoot + " is unknown: the state database is empty");
      }
    } else if (blockNumber > current.blockNumber) {
      if (!parentRoot.equals(current.root)) {
        throw new IllegalArgumentException(
            "parent state root "
                + parentRoot
                + " is not the head state "
                + current.root
                + " of block "
                + current.blockNumber);
      }
    } else {
      Map.Entry<Long, Hash> ancestor = retained.lowerEntry(blockNumber);
      if (ancestor == null) {
        throw new IllegalArgumentException(
            "cannot replace block " + blockNumber + ": its parent state is outside the history");
      }
      if (!parentRoot.equals(ancestor.getValue())) {
        throw new IllegalArgumentException(
            "parent state root "
                + parentRoot
                + " is not the state "
                + ancestor.getValue()
                + " of block "
                + ancestor.getKey());
      }
      reverted.addAll(retained.tailMap(blockNumber, true).descendingKeySet());
    }

    Commit commit = new Commit(batch, blockNumber, !reverted.isEmpty());
    for (long block : reverted) {
      commit.revert(block);
    }
    TreeMap<Long, Hash> retainedAfter = new TreeMap<>(retained);
    reverted.forEach(retainedAfter::remove);
    // Blocks leaving the window: pruned before the new block's writes are staged, so that a node
    // the new block writes again survives a deletion of its stale copy.
    Long predecessor = retainedAfter.lowerKey(blockNumber);
    long oldestKept = blockNumber - config.historyBlocks() + 1;
    List<Long> leaving = new ArrayList<>(retainedAfter.headMap(oldestKept, false).keySet());
    for (long block : leaving) {
      Long successor = retainedAfter.higherKey(block);
      commit.forget(block, retainedAfter.get(block), successor);
      retainedAfter.remove(block);
    }

    Hash root = apply(parentRoot, changes, commit);
    for (Map.Entry<Hash, Bytes> code : changes.code().entrySet()) {
      batch.put(CODE, code.getKey().toArray(), code.getValue().toArrayUnsafe());
    }
    commit.finish(root, predecessor != null && predecessor < oldestKept);
    retainedAfter.put(blockNumber, root);
    Head next = new Head(blockNumber, root);
    batch.put(STATE_META, HEAD_KEY, encodeHead(next));

    commitPending = true;
    batch.addListener(
        new WriteBatch.Listener() {
          @Override
          public void beforeWrite() {
            flatVersion++;
          }

          @Override
          public void afterWrite(boolean written) {
            synchronized (StateDatabase.this) {
              try {
                if (written) {
                  head = next;
                  headAccounts = new LiveTrie(root, commit.accountTrie);
                  if (nodeWrites != null) {
                    nodeWrites.record(
                        blockNumber,
                        commit.createdFingerprints,
                        commit.createdCount,
                        retainedAfter.firstKey() + 1);
                  }
                  retained.clear();
                  retained.putAll(retainedAfter);
                  commit.updateCaches();
                }
              } finally {
                commitPending = false;
                if ((flatVersion & 1) == 1) {
                  flatVersion++;
                }
              }
            }
          }
        });
    return root;
  }

  /** Applies changes to the tries; with a commit the writes are staged, else only hashed. */
  private Hash apply(Hash parentRoot, StateChanges changes, Commit commit) {
    MerklePatriciaTrie accounts = accountTrieForUpdate(parentRoot);
    List<Map.Entry<Address, StateChanges.AccountUpdate>> entries =
        new ArrayList<>(changes.accounts().entrySet());
    Head current = head;
    // On the head, the cached latest values let the trie rebuild leaves instead of reading them.
    boolean hinted = accountCache != null && current != null && current.root.equals(parentRoot);
    int count = entries.size();
    byte[][] keys = new byte[count][];
    byte[][] hints = hinted ? new byte[count][] : null;
    java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, count);
    if (count >= PARALLEL_KEY_THRESHOLD) {
      indexes = indexes.parallel();
    }
    indexes.forEach(
        i -> {
          Address address = entries.get(i).getKey();
          keys[i] = StateCodec.accountKey(address);
          if (hints != null) {
            hints[i] = accountHint(address);
          }
        });
    // Large blocks read the old accounts on all cores, and the update below reuses what they load.
    byte[][] oldValues = accounts.getAll(keys, hints);
    byte[][] newValues = new byte[count][];
    for (int i = 0; i < count; i++) {
      Map.Entry<Address, StateChanges.AccountUpdate> entry = entries.get(i);
      Address address = entry.getKey();
      StateChanges.AccountUpdate update = entry.getValue();
      byte[] key = keys[i];
      byte[] oldRlp = oldValues[i];
      Hash oldStorageRoot = oldRlp == null ? Hash.EMPTY_TRIE_ROOT : Account.storageRootOf(oldRlp);
      if (commit != null) {
        commit.accountWritten(address, oldRlp);
      }
      if (update.deleted()) {
        newValues[i] = EMPTY;
        if (commit != null) {
          commit.wipeStorage(address, key, oldStorageRoot);
          commit.flatAccount(address, null, null);
        }
        continue;
      }
      Hash storageRoot = oldStorageRoot;
      if (update.storageCleared()) {
        if (commit != null) {
          commit.wipeStorage(address, key, oldStorageRoot);
        }
        storageRoot = Hash.EMPTY_TRIE_ROOT;
      }
      NavigableMap<UInt256, UInt256> writes = update.storage();
      if (!writes.isEmpty()) {
        MerklePatriciaTrie storage = storageTrie(key, storageRoot);
        for (Map.Entry<UInt256, UInt256> write : writes.entrySet()) {
          UInt256 slot = write.getKey();
          UInt256 value = write.getValue();
          byte[] slotKey = StateCodec.slotKey(slot);
          byte[] encoded = value.isZero() ? null : StateCodec.encodeStorageValue(value);
          byte[] old = null;
          if (commit != null || encoded != null) {
            old = storage.get(slotKey, hinted ? slotHint(address, slot) : null);
          }
          if (commit != null) {
            commit.slotWritten(address, slot, old, encoded, value);
          }
          if (encoded == null) {
            storage.delete(slotKey);
          } else {
            storage.put(slotKey, encoded, old);
          }
        }
        storageRoot =
            commit == null
                ? storage.rootHash()
                : storage.commit(commit.sink(NodeKeys.ownerPrefix(key)));
      }
      Account account =
          new Account(update.nonce(), update.balance(), storageRoot, update.codeHash());
      byte[] rlp = account.encode();
      newValues[i] = rlp;
      if (commit != null) {
        commit.flatAccount(address, rlp, account);
      }
    }
    // The account trie last, all at once: large blocks update its subtrees in parallel.
    accounts.putAll(keys, newValues, oldValues);
    if (commit == null) {
      return accounts.rootHash();
    }
    commit.accountTrie = accounts;
    return accounts.commit(commit.sink(ACCOUNT_TRIE));
  }

  /** The cached latest encoding of an account, or null: a guess, checked by hash where used. */
  private byte[] accountHint(Address address) {
    CachedAccount cached = accountCache.get(address);
    return cached == null || cached.account == null ? null : cached.account.encode();
  }

  private byte[] slotHint(Address address, UInt256 slot) {
    UInt256 cached = storageCache.get(new SlotKey(address, slot));
    return cached == null || cached.isZero() ? null : StateCodec.encodeStorageValue(cached);
  }

  /** One commit being staged: its batch writes and what the caches learn once it is written. */
  private final class Commit {
    private final WriteBatch batch;
    private final long blockNumber;
    private final byte[] createdStamp;
    private final boolean reorganises;
    // Keys of the stored nodes this block made stale, each after its length byte.
    private final GrowableBytes stale = new GrowableBytes(1 << 16);
    private final UndoLog undo = new UndoLog();
    private final Set<Address> accountsRecorded = new HashSet<>();
    private final Set<Bytes> slotsRecorded = new HashSet<>();
    // Wiped storage tries: their stored nodes are stale unless this commit writes them again.
    private final Set<Bytes> wipedOwners = new HashSet<>();
    private final List<byte[]> wipedNodes = new ArrayList<>();
    private final Set<Bytes> createdInWiped = new HashSet<>();
    // Flat storage writes of reverted blocks, seen by wipes staged in the same batch.
    private final TreeMap<byte[], byte[]> storageOverlay = new TreeMap<>(Arrays::compareUnsigned);
    private final Map<Address, CachedAccount> accountUpdates = new HashMap<>();
    private final Map<SlotKey, UInt256> slotUpdates = new HashMap<>();
    private final Set<Address> wipedAddresses = new HashSet<>();
    // The committed account trie, kept in memory for the next block once this one is written.
    private MerklePatriciaTrie accountTrie;
    // Fingerprints of the node keys this commit writes, for the node write index.
    private long[] createdFingerprints = new long[256];
    private int createdCount;

    Commit(WriteBatch batch, long blockNumber, boolean reorganises) {
      this.batch = batch;
      this.blockNumber = blockNumber;
      this.createdStamp = longBytes(blockNumber);
      this.reorganises = reorganises;
    }

    NodeSink sink(byte[] ownerPrefix) {
      boolean wiped = wipedOwners.contains(Bytes.wrap(ownerPrefix));
      return new NodeSink() {
        @Override
        public void created(Bytes nibblePath, Hash hash, byte[] rlp) {
          created(nibblePath.toArrayUnsafe(), nibblePath.size(), hash, rlp);
        }

        @Override
        public void released(Bytes nibblePath, Hash hash) {
          released(nibblePath.toArrayUnsafe(), nibblePath.size(), hash);
        }

        @Override
        public void created(byte[] path, int depth, Hash hash, byte[] rlp) {
          byte[] key = NodeKeys.nodeKey(ownerPrefix, path, depth, hash);
          batch.put(TRIE_NODES, key, createdStamp, rlp);
          if (nodeWrites != null) {
            if (createdCount == createdFingerprints.length) {
              createdFingerprints = Arrays.copyOf(createdFingerprints, createdCount * 2);
            }
            createdFingerprints[createdCount++] = NodeWriteIndex.fingerprint(key);
          }
          if (wiped) {
            createdInWiped.add(Bytes.wrap(key));
          }
        }

        @Override
        public void released(byte[] path, int depth, Hash hash) {
          if (!config.archive()) {
            NodeKeys.writeNodeKey(stale, ownerPrefix, path, depth, hash);
          }
        }
      };
    }

    private void writeStaleKey(byte[] key) {
      stale.write(key.length);
      stale.write(key, 0, key.length);
    }

    /** Records the account's value before this block (first write wins). */
    void accountWritten(Address address, byte[] oldRlp) {
      if (accountsRecorded.add(address)) {
        undo.add(UndoLog.ACCOUNT, address.toArray(), oldRlp);
      }
    }

    void flatAccount(Address address, byte[] rlp, Account account) {
      if (rlp == null) {
        batch.delete(FLAT_ACCOUNTS, address.toArray());
      } else {
        batch.put(FLAT_ACCOUNTS, address.toArray(), rlp);
      }
      accountUpdates.put(address, new CachedAccount(account));
    }

    void slotWritten(
        Address address, UInt256 slot, byte[] oldEncoded, byte[] newEncoded, UInt256 value) {
      byte[] flatKey = flatStorageKey(address, slot);
      if (slotsRecorded.add(Bytes.wrap(flatKey))) {
        undo.add(UndoLog.SLOT, flatKey, oldEncoded);
      }
      if (newEncoded == null) {
        batch.delete(FLAT_STORAGE, flatKey);
      } else {
        batch.put(FLAT_STORAGE, flatKey, newEncoded);
      }
      slotUpdates.put(new SlotKey(address, slot), value);
    }

    /** Removes the account's storage from the flat store and marks its stored nodes stale. */
    void wipeStorage(Address address, byte[] accountKey, Hash oldStorageRoot) {
      if (oldStorageRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
        return;
      }
      wipedAddresses.add(address);
      byte[] prefix = address.toArray();
      TreeMap<byte[], byte[]> slots = new TreeMap<>(Arrays::compareUnsigned);
      store.forEachWithPrefix(
          FLAT_STORAGE,
          prefix,
          (key, value) -> {
            slots.put(key, value);
            return true;
          });
      byte[] upper = Arrays.copyOf(prefix, prefix.length + 33);
      Arrays.fill(upper, prefix.length, upper.length, (byte) 0xff);
      for (Map.Entry<byte[], byte[]> overlaid :
          storageOverlay.subMap(prefix, true, upper, true).entrySet()) {
        if (overlaid.getValue() == null) {
          slots.remove(overlaid.getKey());
        } else {
          slots.put(overlaid.getKey(), overlaid.getValue());
        }
      }
      for (Map.Entry<byte[], byte[]> slot : slots.entrySet()) {
        if (slotsRecorded.add(Bytes.wrap(slot.getKey()))) {
          undo.add(UndoLog.SLOT, slot.getKey(), slot.getValue());
        }
        batch.delete(FLAT_STORAGE, slot.getKey());
      }
      if (!config.archive()) {
        byte[] ownerPrefix = NodeKeys.ownerPrefix(accountKey);
        wipedOwners.add(Bytes.wrap(ownerPrefix));
        store.forEachWithPrefix(
            TRIE_NODES,
            ownerPrefix,
            (key, value) -> {
              wipedNodes.add(key);
              return true;
            });
      }
    }

    /** Stages the undo of a block being replaced: its flat writes and its history go. */
    void revert(long block) {
      byte[] log = store.get(STATE_HISTORY, historyKey(block, HISTORY_UNDO));
      if (log == null) {
        throw new IllegalStateException("no undo log for block " + block + " in the history");
      }
      UndoLog.forEach(
          log,
          (kind, key, value) -> {
            Column column = kind == UndoLog.ACCOUNT ? FLAT_ACCOUNTS : FLAT_STORAGE;
            if (value == null) {
              batch.delete(column, key);
            } else {
              batch.put(column, key, value);
            }
            if (kind == UndoLog.SLOT) {
              storageOverlay.put(key, value);
            }
          });
      // The nodes it made stale belong to states that stay; the nodes it wrote are left in place.
      for (byte kind : new byte[] {HISTORY_ROOT, HISTORY_STALE, HISTORY_UNDO}) {
        batch.delete(STATE_HISTORY, historyKey(block, kind));
      }
    }

    /**
     * Stages the removal of a block that leaves the history window: its state stops being readable,
     * so the nodes its successor made stale can go.
     */
    void forget(long block, Hash root, Long successor) {
      byte[] rootKey = root.toArray();
      byte[] indexed = store.get(STATE_ROOTS, rootKey);
      if (!config.archive() && indexed != null && readLong(indexed, 0) == block) {
        batch.delete(STATE_ROOTS, rootKey);
      }
      batch.delete(STATE_HISTORY, historyKey(block, HISTORY_ROOT));
      batch.delete(STATE_HISTORY, historyKey(block, HISTORY_UNDO));
      if (successor == null || config.archive()) {
        return; // the successor is the block being committed: its stale nodes go right away
      }
      byte[] staleKey = historyKey(successor, HISTORY_STALE);
      byte[] staleList = store.get(STATE_HISTORY, staleKey);
      if (staleList != null) {
        deleteStale(staleList, successor);
        batch.delete(STATE_HISTORY, staleKey);
      }
    }

    /** Deletes the listed nodes unless a block after {@code staleSince} wrote them again. */
    private void deleteStale(byte[] list, long staleSince) {
      // The write index answers for most nodes; the others are read back for their created block.
      boolean indexed = nodeWrites != null && nodeWrites.coversWritesAfter(staleSince);
      List<byte[]> keys = new ArrayList<>();
      for (int o = 0; o < list.length; ) {
        int length = list[o] & 0xff;
        byte[] key = Arrays.copyOfRange(list, o + 1, o + 1 + length);
        o += 1 + length;
        if (indexed && nodeWrites.lastWrite(NodeWriteIndex.fingerprint(key)) <= staleSince) {
          batch.delete(TRIE_NODES, key);
        } else {
          keys.add(key);
        }
      }
      List<byte[]> values = store.getAll(TRIE_NODES, keys);
      for (int i = 0; i < keys.size(); i++) {
        byte[] value = values.get(i);
        if (value != null && readLong(value, 0) <= staleSince) {
          batch.delete(TRIE_NODES, keys.get(i));
        }
      }
    }

    void finish(Hash root, boolean predecessorLeaving) {
      for (byte[] key : wipedNodes) {
        if (!createdInWiped.contains(Bytes.wrap(key))) {
          writeStaleKey(key);
        }
      }
      byte[] staleList = stale.toByteArray();
      if (predecessorLeaving && staleList.length > 0) {
        // No retained state needs the nodes this block replaced: delete them now. Nothing wrote
        // them after they went stale, so no check is needed.
        for (int o = 0; o < staleList.length; ) {
          int length = staleList[o] & 0xff;
          batch.delete(TRIE_NODES, Arrays.copyOfRange(staleList, o + 1, o + 1 + length));
          o += 1 + length;
        }
      } else if (staleList.length > 0) {
        batch.put(STATE_HISTORY, historyKey(blockNumber, HISTORY_STALE), staleList);
      }
      batch.put(STATE_HISTORY, historyKey(blockNumber, HISTORY_ROOT), root.toArray());
      batch.put(STATE_HISTORY, historyKey(blockNumber, HISTORY_UNDO), undo.toByteArray());
      batch.put(STATE_ROOTS, root.toArray(), longBytes(blockNumber));
    }

    /** Runs once the batch is written, with the flat version odd. */
    void updateCaches() {
      if (accountCache == null) {
        return;
      }
      if (reorganises) {
        accountCache.invalidateAll();
        storageCache.invalidateAll();
        return;
      }
      if (!wipedAddresses.isEmpty()) {
        storageCache.invalidateIf(key -> wipedAddresses.contains(key.address()));
      }
      accountCache.putAll(accountUpdates);
      storageCache.putAll(slotUpdates);
    }
  }

  /** The flat undo log of one block: (kind, key, value before the block or absent) entries. */
  static final class UndoLog {
    static final byte ACCOUNT = 0;
    static final byte SLOT = 1;
    private final GrowableBytes out = new GrowableBytes(1 << 12);

    interface Visitor {
      void visit(byte kind, byte[] key, byte[] valueOrNull);
    }

    void add(byte kind, byte[] key, byte[] valueOrNull) {
      out.write(kind);
      out.write(key.length);
      out.write(key, 0, key.length);
      int length = valueOrNull == null ? -1 : valueOrNull.length;
      out.write(length >>> 24);
      out.write(length >>> 16);
      out.write(length >>> 8);
      out.write(length);
      if (valueOrNull != null) {
        out.write(valueOrNull, 0, valueOrNull.length);
      }
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    static void forEach(byte[] log, Visitor visitor) {
      int o = 0;
      while (o < log.length) {
        byte kind = log[o];
        int keyLength = log[o + 1] & 0xff;
        byte[] key = Arrays.copyOfRange(log, o + 2, o + 2 + keyLength);
        o += 2 + keyLength;
        int length =
            ((log[o] & 0xff) << 24)
                | ((log[o + 1] & 0xff) << 16)
                | ((log[o + 2] & 0xff) << 8)
                | (log[o + 3] & 0xff);
        o += 4;
        byte[] value = null;
        if (length >= 0) {
          value = Arrays.copyOfRange(log, o, o + length);
          o += length;
        }
        visitor.visit(kind, key, value);
      }
    }
  }

  // ---- keys and bookkeeping values

  static byte[] flatStorageKey(Address address, UInt256 slot) {
    byte[] key = new byte[Address.SIZE + 32];
    address.copyTo(key, 0);
    System.arraycopy(slot.toArrayUnsafe(), 0, key, Address.SIZE, 32);
    return key;
  }

  private static byte[] historyKey(long block, byte kind) {
    byte[] key = Arrays.copyOf(longBytes(block), 9);
    key[8] = kind;
    return key;
  }

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

  /** Drops the caches; the store is closed too when this database created it. */
  @Override
  public void close() {
    nodeCache.clear();
    if (accountCache != null) {
      accountCache.invalidateAll();
      storageCache.invalidateAll();
    }
    if (ownsStore) {
      store.close();
    }
  }
}
