package org.distli.trie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;

/**
 * The Merkle Patricia trie of the Yellow Paper (appendix D) over byte-string keys.
 *
 * <p>An instance is one working copy: it starts at a root (empty or a stored root hash), loads
 * nodes on demand from a {@link NodeSource} through a shared {@link NodeCache}, and updates build
 * new nodes along the changed paths only, so {@link #rootHash()} re-hashes just those. {@link
 * #commit(NodeSink)} hands the new nodes to the store together with the stored nodes they replaced
 * (for pruning).
 *
 * <p>Not thread-safe for writes; any number of threads may read an instance nobody writes to.
 */
public final class MerklePatriciaTrie {
  private final NodeSource source;
  private final NodeCache cache;
  private Node root;
  private final ArrayList<StaleNode> released = new ArrayList<>();
  // Nodes this instance loaded, when it is a single writer's working copy: the read and then the
  // write of a key walk the same path, and this spares the second walk the shared cache.
  private final java.util.HashMap<Hash, Node> loaded;
  private int modifications;
  // Depth from which a commit leaves nodes to the cache (referenced by hash): the nodes above it
  // stay resolved in memory for the next working copy. Zero: keep whatever the commit built.
  private int retainedDepth;
  // The per-subtree working copies of the last getAll, reused by putAll for their loaded nodes.
  private MerklePatriciaTrie[] subtreeWorkers;

  /** Past this many changes since the last commit, the root's subtrees are hashed in parallel. */
  private static final int PARALLEL_HASHING_THRESHOLD = 2000;

  /** A replaced stored node; {@code next} chains others of the same hash during a commit. */
  private static final class StaleNode {
    final byte[] path;
    final Hash hash;
    StaleNode next;
    boolean rebuilt;

    StaleNode(byte[] path, Hash hash) {
      this.path = path;
      this.hash = hash;
    }
  }

  /** An empty trie held in memory. */
  public MerklePatriciaTrie() {
    this(Hash.EMPTY_TRIE_ROOT, NodeSource.NONE, NodeCache.none());
  }

  public MerklePatriciaTrie(Hash rootHash, NodeSource source, NodeCache cache) {
    this(rootHash, source, cache, false);
  }

  private MerklePatriciaTrie(Hash rootHash, NodeSource source, NodeCache cache, boolean writer) {
    this(
        rootHash.equals(Hash.EMPTY_TRIE_ROOT) ? null : new Node.Ref(rootHash),
        source,
        cache,
        writer);
  }

  private MerklePatriciaTrie(Node root, NodeSource source, NodeCache cache, boolean writer) {
    this.source = source;
    this.cache = cache;
    this.root = root;
    this.loaded = writer ? new java.util.HashMap<>() : null;
  }

  /**
   * A working copy for one writer thread that updates many keys and commits: it also keeps every
   * node it loads until it is dropped. Never share it between threads.
   */
  public static MerklePatriciaTrie forUpdate(Hash rootHash, NodeSource source, NodeCache cache) {
    return new MerklePatriciaTrie(rootHash, source, cache, true);
  }

  /**
   * Makes later commits keep the nodes above {@code depth} nibbles resolved in memory and refer to
   * the deeper ones by hash (they stay in the cache and the store): a trie kept across commits then
   * holds a bounded top of the tree, so that walks of later {@link #copy copies} through it need no
   * cache lookups. Returns this trie.
   */
  public MerklePatriciaTrie retainLevels(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("retained depth must be positive, got " + depth);
    }
    this.retainedDepth = depth;
    return this;
  }

  /**
   * A new trie at this trie's committed root that shares the nodes this one holds in memory: a
   * writer's working copy ({@code forUpdate}, see {@link #forUpdate}) or a reader's. This trie must
   * have no uncommitted changes, and nobody may write to it any more: it is then immutable and any
   * thread may copy it.
   */
  public MerklePatriciaTrie copy(boolean forUpdate) {
    if (modifications != 0 || !released.isEmpty()) {
      throw new IllegalStateException("a trie with uncommitted changes cannot be copied");
    }
    MerklePatriciaTrie copy = new MerklePatriciaTrie(root, source, cache, forUpdate);
    copy.retainedDepth = retainedDepth;
    return copy;
  }

  public Hash rootHash() {
    if (root == null) {
      return Hash.EMPTY_TRIE_ROOT;
    }
    hashInParallelIfLarge();
    return root.hash();
  }

  /** Hashes the subtrees under a root branch on several threads when many keys changed. */
  private void hashInParallelIfLarge() {
    if (modifications < PARALLEL_HASHING_THRESHOLD || !(root instanceof Node.Branch branch)) {
      return;
    }
    java.util.stream.IntStream.range(0, 16)
        .parallel()
        .forEach(
            i -> {
              Node child = branch.child(i);
              if (child != null && !child.stored) {
                child.hash();
              }
            });
  }

  public boolean isEmpty() {
    return root == null;
  }

  // ---- reads

  /** The value under {@code key}, or null when there is none. */
  public Bytes get(Bytes key) {
    byte[] value = get(key.toArrayUnsafe());
    return value == null ? null : Bytes.wrap(value);
  }

  /** The value under {@code key}, or null; the returned array must not be modified. */
  public byte[] get(byte[] key) {
    return get(key, null);
  }

  /**
   * Like {@link #get(byte[])}, given the value the caller expects (from a flat copy of the state,
   * possibly stale): a leaf not in memory is then first rebuilt from the key and that value and
   * used when its hash matches the parent's reference, which spares a storage read. The hash check
   * makes a wrong guess harmless.
   */
  public byte[] get(byte[] key, byte[] expectedValue) {
    return lookup(root, Nibbles.fromBytes(key), 0, expectedValue);
  }

  /** The value under the key {@code nibbles} in the subtree at {@code node}, {@code pos} deep. */
  private byte[] lookup(Node node, byte[] nibbles, int pos, byte[] expectedValue) {
    while (node != null) {
      if (node instanceof Node.Ref ref) {
        node = resolve(ref, nibbles, pos, expectedValue);
      }
      switch (node) {
        case Node.Leaf leaf -> {
          return matchesRest(leaf.path, nibbles, pos) ? leaf.value : null;
        }
        case Node.Extension extension -> {
          if (!startsWith(nibbles, pos, extension.path)) {
            return null;
          }
          pos += extension.path.length;
          node = extension.child;
        }
        case Node.Branch branch -> {
          if (pos == nibbles.length) {
            return branch.value;
          }
          node = branch.child(nibbles[pos++]);
        }
        case Node.Ref ref -> throw new IllegalStateException("unresolved " + ref.target());
      }
    }
    return null;
  }

  /**
   * The values under many keys (null where absent), like {@link #get(byte[], byte[])} for each. On
   * a writer's working copy ({@link #forUpdate}) large batches under a branch root read the root's
   * sixteen subtrees on separate threads, and a following {@link #putAll} of the same keys reuses
   * the nodes they loaded.
   *
   * @param expectedValues per key, the value the caller expects it holds, or null
   */
  public byte[][] getAll(byte[][] keys, byte[][] expectedValues) {
    byte[][] values = new byte[keys.length][];
    Node.Branch branch = parallelRoot(keys);
    if (branch == null) {
      for (int i = 0; i < keys.length; i++) {
        values[i] = get(keys[i], expectedValues == null ? null : expectedValues[i]);
      }
      return values;
    }
    int[][] groups = groupByFirstNibble(keys);
    MerklePatriciaTrie[] workers = subtreeWorkers();
    java.util.stream.IntStream.range(0, 16)
        .parallel()
        .forEach(
            nibble -> {
              MerklePatriciaTrie worker = workers[nibble];
              Node child = branch.child(nibble);
              for (int i : groups[nibble]) {
                byte[] hint = expectedValues == null ? null : expectedValues[i];
                values[i] = worker.lookup(child, Nibbles.fromBytes(keys[i]), 1, hint);
              }
            });
    return values;
  }

  /** The root branch when a batch of {@code keys} is worth splitting by subtree, else null. */
  private Node.Branch parallelRoot(byte[][] keys) {
    if (keys.length < PARALLEL_UPDATE_THRESHOLD) {
      return null;
    }
    for (byte[] key : keys) {
      if (key.length == 0) {
        return null;
      }
    }
    Node current = root;
    if (current instanceof Node.Ref ref) {
      current = resolve(ref, Nibbles.EMPTY, 0, null);
    }
    return current instanceof Node.Branch branch ? branch : null;
  }

  private static int[][] groupByFirstNibble(byte[][] keys) {
    int[] counts = new int[16];
    for (byte[] key : keys) {
      counts[(key[0] >> 4) & 0xf]++;
    }
    int[][] groups = new int[16][];
    for (int i = 0; i < 16; i++) {
      groups[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (int i = 0; i < keys.length; i++) {
      int nibble = (keys[i][0] >> 4) & 0xf;
      groups[nibble][counts[nibble]++] = i;
    }
    return groups;
  }

  /** One working copy per root subtree, kept until the next commit for the nodes they load. */
  private MerklePatriciaTrie[] subtreeWorkers() {
    MerklePatriciaTrie[] workers = subtreeWorkers;
    if (workers == null) {
      workers = new MerklePatriciaTrie[16];
      for (int i = 0; i < 16; i++) {
        workers[i] = new MerklePatriciaTrie((Node) null, source, cache, loaded != null);
      }
      if (loaded != null) {
        subtreeWorkers = workers; // a reader's trie stays free of state any thread could race on
      }
    }
    return workers;
  }

  /**
   * The proof for {@code key} in the shape of EIP-1186: the RLP of every node on the path to the
   * key that is referenced by hash, starting with the root. It proves the value or its absence.
   */
  public List<Bytes> proof(Bytes key) {
    byte[] nibbles = Nibbles.fromBytes(key.toArrayUnsafe());
    List<Bytes> proof = new ArrayList<>();
    Node node = root;
    boolean hashed = true;
    int pos = 0;
    while (node != null) {
      if (node instanceof Node.Ref ref) {
        node = resolve(ref, nibbles, pos, null);
      }
      if (hashed) {
        proof.add(Bytes.wrap(node.rlp()));
      }
      Node next = null;
      switch (node) {
        case Node.Leaf leaf -> {}
        case Node.Extension extension -> {
          if (startsWith(nibbles, pos, extension.path)) {
            pos += extension.path.length;
            next = extension.child;
          }
        }
        case Node.Branch branch -> {
          if (pos < nibbles.length) {
            next = branch.child(nibbles[pos++]);
          }
        }
        case Node.Ref ref -> throw new IllegalStateException("unresolved " + ref.target());
      }
      hashed = next != null && next.isHashed();
      node = next;
    }
    return proof;
  }

  /**
   * Visits the entries with keys from {@code from} (inclusive) in ascending key order, until the
   * visitor returns false.
   */
  public void visit(Bytes from, BiPredicate<Bytes, Bytes> visitor) {
    visit(root, new byte[128], 0, Nibbles.fromBytes(from.toArrayUnsafe()), true, visitor);
  }

  private boolean visit(
      Node node,
      byte[] path,
      int depth,
      byte[] from,
      boolean bounded,
      BiPredicate<Bytes, Bytes> visitor) {
    if (node == null) {
      return true;
    }
    if (node instanceof Node.Ref ref) {
      node = resolve(ref, path, depth, null);
    }
    switch (node) {
      case Node.Leaf leaf -> {
        int end = depth + leaf.path.length;
        path = ensureCapacity(path, end);
        System.arraycopy(leaf.path, 0, path, depth, leaf.path.length);
        if (bounded && compareKeys(path, end, from) < 0) {
          return true;
        }
        return visitor.test(Bytes.wrap(Nibbles.toBytes(path, end)), Bytes.wrap(leaf.value));
      }
      case Node.Extension extension -> {
        int end = depth + extension.path.length;
        path = ensureCapacity(path, end);
        System.arraycopy(extension.path, 0, path, depth, extension.path.length);
        if (bounded) {
          int c = comparePrefix(path, end, from);
          if (c < 0) {
            return true;
          }
          bounded = c == 0;
        }
        return visit(extension.child, path, end, from, bounded, visitor);
      }
      case Node.Branch branch -> {
        if (branch.value != null && (!bounded || compareKeys(path, depth, from) >= 0)) {
          if (!visitor.test(Bytes.wrap(Nibbles.toBytes(path, depth)), Bytes.wrap(branch.value))) {
            return false;
          }
        }
        path = ensureCapacity(path, depth + 1);
        for (int i = 0; i < 16; i++) {
          Node child = branch.child(i);
          if (child == null) {
            continue;
          }
          path[depth] = (byte) i;
          boolean childBounded = bounded;
          if (bounded) {
            int c = comparePrefix(path, depth + 1, from);
            if (c < 0) {
              continue;
            }
            childBounded = c == 0;
          }
          if (!visit(child, path, depth + 1, from, childBounded, visitor)) {
            return false;
          }
        }
        return true;
      }
      case Node.Ref ref -> throw new IllegalStateException("unresolved " + ref.target());
    }
  }

  /** Orders a full key against {@code from}: a proper prefix sorts first. */
  private static int compareKeys(byte[] path, int length, byte[] from) {
    int c = Arrays.compare(path, 0, length, from, 0, from.length);
    return Integer.signum(c);
  }

  /**
   * Compares the prefix {@code path[0..length)} of a subtree with {@code from}: negative when every
   * key of the subtree sorts before {@code from}, positive when every key sorts after it, zero when
   * the subtree may hold keys on both sides.
   */
  private static int comparePrefix(byte[] path, int length, byte[] from) {
    int common = Math.min(length, from.length);
    int c = Arrays.compare(path, 0, common, from, 0, common);
    if (c != 0) {
      return Integer.signum(c);
    }
    return length > from.length ? 1 : 0;
  }

  private static byte[] ensureCapacity(byte[] path, int length) {
    return length <= path.length ? path : Arrays.copyOf(path, Math.max(length, path.length * 2));
  }

  // ---- writes

  /** Sets {@code key} to {@code value}; an empty value deletes the key. */
  public void put(Bytes key, Bytes value) {
    put(key.toArrayUnsafe(), value.toArrayUnsafe());
  }

  /** Sets {@code key} to {@code value} (not copied: the caller must not modify it afterwards). */
  public void put(byte[] key, byte[] value) {
    put(key, value, null);
  }

  /**
   * Like {@link #put(byte[], byte[])}, given the value the caller expects the key to hold now (see
   * {@link #get(byte[], byte[])}).
   */
  public void put(byte[] key, byte[] value, byte[] expectedOldValue) {
    if (value.length == 0) {
      delete(key);
      return;
    }
    root = insert(root, Nibbles.fromBytes(key), 0, value, expectedOldValue);
    modifications++;
  }

  public void delete(Bytes key) {
    delete(key.toArrayUnsafe());
  }

  public void delete(byte[] key) {
    root = remove(root, Nibbles.fromBytes(key), 0);
    modifications++;
  }

  /** Below this many keys, {@link #putAll} does not bother with threads. */
  private static final int PARALLEL_UPDATE_THRESHOLD = 1024;

  /**
   * Sets many keys at once: like calling {@link #put(byte[], byte[], byte[])} for each (an empty
   * value deletes), in any order, since distinct keys do not interact. Large batches under a branch
   * root update the root's sixteen subtrees on separate threads; they share nothing but the caches.
   *
   * @param expectedOldValues per key, the value the caller expects it holds now, or null
   */
  public void putAll(byte[][] keys, byte[][] values, byte[][] expectedOldValues) {
    Node.Branch branch = parallelRoot(keys);
    if (branch == null) {
      for (int i = 0; i < keys.length; i++) {
        put(keys[i], values[i], expectedOldValues == null ? null : expectedOldValues[i]);
      }
      return;
    }
    int[][] groups = groupByFirstNibble(keys);
    MerklePatriciaTrie[] workers = subtreeWorkers();
    Node[] original = branch.childrenCopy();
    Node[] children = original.clone();
    java.util.stream.IntStream.range(0, 16)
        .parallel()
        .forEach(
            nibble -> {
              MerklePatriciaTrie worker = workers[nibble];
              Node child = children[nibble];
              for (int i : groups[nibble]) {
                byte[] nibbles = Nibbles.fromBytes(keys[i]);
                byte[] hint = expectedOldValues == null ? null : expectedOldValues[i];
                child =
                    values[i].length == 0
                        ? worker.remove(child, nibbles, 1)
                        : worker.insert(child, nibbles, 1, values[i], hint);
              }
              children[nibble] = child;
            });
    modifications += keys.length;
    boolean changed = !Arrays.equals(children, original);
    if (changed) {
      release(branch, Nibbles.EMPTY, 0);
    }
    for (MerklePatriciaTrie worker : workers) {
      released.addAll(worker.released);
      worker.released.clear();
    }
    if (changed) {
      root = collapse(children, branch.value, Nibbles.EMPTY, 0);
    }
  }

  private Node insert(Node node, byte[] key, int pos, byte[] value, byte[] hint) {
    if (node == null) {
      return new Node.Leaf(Nibbles.slice(key, pos, key.length), value);
    }
    Node original = node;
    if (node instanceof Node.Ref ref) {
      node = resolve(ref, key, pos, hint);
    }
    int remaining = key.length - pos;
    switch (node) {
      case Node.Leaf leaf -> {
        int common = Nibbles.commonPrefix(leaf.path, key, pos);
        if (common == leaf.path.length && common == remaining) {
          if (Arrays.equals(leaf.value, value)) {
            return original;
          }
          release(leaf, key, pos);
          return new Node.Leaf(leaf.path, value);
        }
        release(leaf, key, pos);
        Node[] children = new Node[16];
        byte[] branchValue = null;
        if (common == leaf.path.length) {
          branchValue = leaf.value;
        } else {
          children[leaf.path[common]] =
              new Node.Leaf(Nibbles.slice(leaf.path, common + 1, leaf.path.length), leaf.value);
        }
        if (common == remaining) {
          branchValue = value;
        } else {
          children[key[pos + common]] =
              new Node.Leaf(Nibbles.slice(key, pos + common + 1, key.length), value);
        }
        Node branch = new Node.Branch(children, branchValue);
        return common == 0
            ? branch
            : new Node.Extension(Nibbles.slice(leaf.path, 0, common), branch);
      }
      case Node.Extension extension -> {
        int common = Nibbles.commonPrefix(extension.path, key, pos);
        if (common == extension.path.length) {
          Node child = insert(extension.child, key, pos + common, value, hint);
          if (child == extension.child) {
            return original;
          }
          release(extension, key, pos);
          return new Node.Extension(extension.path, child);
        }
        release(extension, key, pos);
        Node[] children = new Node[16];
        byte[] branchValue = null;
        int rest = extension.path.length - common - 1;
        children[extension.path[common]] =
            rest == 0
                ? extension.child
                : new Node.Extension(
                    Nibbles.slice(extension.path, common + 1, extension.path.length),
                    extension.child);
        if (common == remaining) {
          branchValue = value;
        } else {
          children[key[pos + common]] =
              new Node.Leaf(Nibbles.slice(key, pos + common + 1, key.length), value);
        }
        Node branch = new Node.Branch(children, branchValue);
        return common == 0
            ? branch
            : new Node.Extension(Nibbles.slice(extension.path, 0, common), branch);
      }
      case Node.Branch branch -> {
        if (remaining == 0) {
          if (Arrays.equals(branch.value, value)) {
            return original;
          }
          release(branch, key, pos);
          return new Node.Branch(branch.childrenCopy(), value);
        }
        int nibble = key[pos];
        Node before = branch.child(nibble);
        Node child = insert(before, key, pos + 1, value, hint);
        if (child == before) {
          return original;
        }
        release(branch, key, pos);
        Node[] children = branch.childrenCopy();
        children[nibble] = child;
        return new Node.Branch(children, branch.value);
      }
      case Node.Ref ref -> throw new IllegalStateException("unresolved " + ref.target());
    }
  }

  private Node remove(Node node, byte[] key, int pos) {
    if (node == null) {
      return null;
    }
    Node original = node;
    if (node instanceof Node.Ref ref) {
      node = resolve(ref, key, pos, null);
    }
    switch (node) {
      case Node.Leaf leaf -> {
        if (!matchesRest(leaf.path, key, pos)) {
          return original;
        }
        release(leaf, key, pos);
        return null;
      }
      case Node.Extension extension -> {
        if (!startsWith(key, pos, extension.path)) {
          return original;
        }
        Node child = remove(extension.child, key, pos + extension.path.length);
        if (child == extension.child) {
          return original;
        }
        release(extension, key, pos);
        return switch (child) {
          case null -> null;
          case Node.Leaf leaf ->
              new Node.Leaf(Nibbles.concat(extension.path, leaf.path), leaf.value);
          case Node.Extension inner ->
              new Node.Extension(Nibbles.concat(extension.path, inner.path), inner.child);
          default -> new Node.Extension(extension.path, child);
        };
      }
      case Node.Branch branch -> {
        if (pos == key.length) {
          if (branch.value == null) {
            return original;
          }
          release(branch, key, pos);
          return collapse(branch.childrenCopy(), null, key, pos);
        }
        int nibble = key[pos];
        Node before = branch.child(nibble);
        Node child = remove(before, key, pos + 1);
        if (child == before) {
          return original;
        }
        release(branch, key, pos);
        Node[] children = branch.childrenCopy();
        children[nibble] = child;
        return collapse(children, branch.value, key, pos);
      }
      case Node.Ref ref -> throw new IllegalStateException("unresolved " + ref.target());
    }
  }

  /** A branch left with fewer than two entries becomes a leaf or an extension. */
  private Node collapse(Node[] children, byte[] value, byte[] key, int pos) {
    int count = 0;
    int only = -1;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null) {
        count++;
        only = i;
      }
    }
    if (count >= 2 || (count == 1 && value != null)) {
      return new Node.Branch(children, value);
    }
    if (count == 0) {
      return value == null ? null : new Node.Leaf(Nibbles.EMPTY, value);
    }
    byte[] childPath = Arrays.copyOf(key, pos + 1);
    childPath[pos] = (byte) only;
    Node child = children[only];
    Node resolved = child instanceof Node.Ref ref ? resolve(ref, childPath, pos + 1, null) : child;
    return switch (resolved) {
      case Node.Leaf leaf -> {
        release(leaf, childPath, pos + 1);
        yield new Node.Leaf(Nibbles.prepend(only, leaf.path), leaf.value);
      }
      case Node.Extension extension -> {
        release(extension, childPath, pos + 1);
        yield new Node.Extension(Nibbles.prepend(only, extension.path), extension.child);
      }
      default -> new Node.Extension(new byte[] {(byte) only}, resolved);
    };
  }

  private void release(Node node, byte[] path, int depth) {
    if (node.stored) {
      released.add(new StaleNode(Arrays.copyOf(path, depth), node.hash()));
    }
  }

  // ---- commit

  /**
   * Hands every node written since the last commit to {@code sink}, with the stored nodes they
   * replaced, and returns the root hash. The trie goes on from the committed root.
   */
  public Hash commit(NodeSink sink) {
    Hash hash = Hash.EMPTY_TRIE_ROOT;
    // A stored node can be replaced and then rebuilt identically at the same place before the
    // commit (a key added and removed again): it is not stale then.
    java.util.HashMap<Hash, StaleNode> stale = new java.util.HashMap<>(released.size() * 2);
    for (StaleNode node : released) {
      node.next = stale.put(node.hash, node);
    }
    if (root != null) {
      hashInParallelIfLarge();
      hash = root.hash();
      write(root, new byte[128], 0, sink, true, stale);
    }
    for (StaleNode node : released) {
      if (!node.rebuilt) {
        sink.released(node.path, node.path.length, node.hash);
      }
    }
    released.clear();
    modifications = 0;
    subtreeWorkers = null;
    if (loaded != null) {
      loaded.clear();
    }
    return hash;
  }

  private void write(
      Node node,
      byte[] path,
      int depth,
      NodeSink sink,
      boolean isRoot,
      java.util.Map<Hash, StaleNode> stale) {
    if (node.stored || (!isRoot && !node.isHashed())) {
      return; // already stored with its subtree, or inlined in its parent
    }
    switch (node) {
      case Node.Extension extension -> {
        int end = depth + extension.path.length;
        path = ensureCapacity(path, end);
        System.arraycopy(extension.path, 0, path, depth, extension.path.length);
        write(extension.child, path, end, sink, false, stale);
        if (retainedDepth > 0 && end >= retainedDepth) {
          extension.child = Node.refTo(extension.child);
        }
      }
      case Node.Branch branch -> {
        path = ensureCapacity(path, depth + 1);
        Node[] children = branch.children; // a new branch always holds its children
        for (int i = 0; i < 16; i++) {
          Node child = children[i];
          if (child != null) {
            path[depth] = (byte) i;
            write(child, path, depth + 1, sink, false, stale);
          }
        }
        if (retainedDepth > 0 && depth + 1 >= retainedDepth) {
          // The children are stored: this branch now reads them from its encoding, which lets go
          // of them (they stay in the cache) and makes it small.
          branch.compact();
        }
      }
      default -> {}
    }
    Hash hash = node.hash();
    if (!stale.isEmpty()) {
      for (StaleNode same = stale.get(hash); same != null; same = same.next) {
        if (!same.rebuilt && Arrays.equals(same.path, 0, same.path.length, path, 0, depth)) {
          same.rebuilt = true;
        }
      }
    }
    sink.created(path, depth, hash, node.rlp());
    node.stored = true;
    if (!(node instanceof Node.Leaf)) {
      // Leaves are not cached: the state database rebuilds them from its latest values, and they
      // would crowd out the branches every walk goes through.
      cache.put(hash, node.detached());
    }
  }

  // ---- helpers

  /**
   * The node {@code ref} points to at {@code path[0..depth)}. When {@code path} is a whole key and
   * {@code expectedValue} is given, a leaf holding that value for the rest of the key is tried
   * before storage.
   */
  private Node resolve(Node.Ref ref, byte[] path, int depth, byte[] expectedValue) {
    Node node;
    if (loaded != null) {
      node = loaded.get(ref.target());
      if (node != null) {
        return node;
      }
    }
    node = cache.get(ref.target());
    if (node != null) {
      if (loaded != null) {
        loaded.put(ref.target(), node);
      }
      return node;
    }
    if (expectedValue != null && path.length > depth) {
      Node.Leaf guess = new Node.Leaf(Nibbles.slice(path, depth, path.length), expectedValue);
      if (guess.isHashed() && guess.hash().equals(ref.target())) {
        guess.stored = true;
        if (loaded != null) {
          loaded.put(ref.target(), guess);
        }
        return guess;
      }
    }
    byte[] encoded = source.load(Bytes.wrap(path, 0, depth), ref.target());
    if (encoded == null) {
      throw new MissingNodeException(ref.target(), Nibbles.toHex(path, depth));
    }
    node = Node.decode(encoded, ref.target());
    node.stored = true;
    cache.put(ref.target(), node);
    if (loaded != null) {
      loaded.put(ref.target(), node);
    }
    return node;
  }

  private static boolean startsWith(byte[] key, int pos, byte[] path) {
    if (key.length - pos < path.length) {
      return false;
    }
    return Arrays.equals(key, pos, pos + path.length, path, 0, path.length);
  }

  private static boolean matchesRest(byte[] path, byte[] key, int pos) {
    return key.length - pos == path.length
        && Arrays.equals(key, pos, key.length, path, 0, path.length);
  }
}
