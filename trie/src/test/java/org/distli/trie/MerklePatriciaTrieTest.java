package org.distli.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {

  /** A node store in a map, keyed like the state database: path then hash. */
  private static final class MapStore implements NodeSource, NodeSink {
    final Map<Bytes, byte[]> nodes = new HashMap<>();
    final List<Bytes> released = new ArrayList<>();

    @Override
    public byte[] load(Bytes path, Hash hash) {
      return nodes.get(Bytes.concatenate(path, hash.toBytes()));
    }

    @Override
    public void created(Bytes path, Hash hash, byte[] rlp) {
      nodes.put(Bytes.concatenate(path, hash.toBytes()), rlp);
    }

    @Override
    public void released(Bytes path, Hash hash) {
      released.add(Bytes.concatenate(path, hash.toBytes()));
    }
  }

  private static Bytes b(String text) {
    return Bytes.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void emptyTrieHasTheEmptyRoot() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    assertEquals(Hash.EMPTY_TRIE_ROOT, trie.rootHash());
    assertNull(trie.get(b("anything")));
    trie.put(b("a"), b("1"));
    trie.delete(b("a"));
    assertEquals(Hash.EMPTY_TRIE_ROOT, trie.rootHash(), "deleting the last key empties the trie");
  }

  @Test
  void keysThatArePrefixesOfOthersKeepTheirValues() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    trie.put(b("do"), b("verb"));
    trie.put(b("dog"), b("puppy"));
    trie.put(b("doge"), b("coin"));
    trie.put(b(""), b("root value"));
    assertEquals(b("verb"), trie.get(b("do")));
    assertEquals(b("puppy"), trie.get(b("dog")));
    assertEquals(b("coin"), trie.get(b("doge")));
    assertEquals(b("root value"), trie.get(Bytes.EMPTY));
    assertNull(trie.get(b("d")));
    trie.delete(b("dog"));
    assertEquals(b("coin"), trie.get(b("doge")));
    assertNull(trie.get(b("dog")));
  }

  @Test
  void emptyValueDeletesAndMissingDeleteChangesNothing() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    trie.put(b("horse"), b("stallion"));
    Hash root = trie.rootHash();
    trie.delete(b("horses"));
    trie.delete(b("h"));
    assertEquals(root, trie.rootHash());
    trie.put(b("horse"), Bytes.EMPTY);
    assertEquals(Hash.EMPTY_TRIE_ROOT, trie.rootHash());
  }

  @Test
  void rootDoesNotDependOnInsertionOrderOrDeletedKeys() {
    Random random = new Random(7);
    Map<Bytes, Bytes> reference = new HashMap<>();
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    List<Bytes> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add(Bytes.random(1 + random.nextInt(4), random));
    }
    for (int i = 0; i < 3000; i++) {
      Bytes key = keys.get(random.nextInt(keys.size()));
      if (random.nextInt(3) == 0) {
        trie.delete(key);
        reference.remove(key);
      } else {
        Bytes value = Bytes.random(1 + random.nextInt(40), random);
        trie.put(key, value);
        reference.put(key, value);
      }
    }
    MerklePatriciaTrie fresh = new MerklePatriciaTrie();
    new TreeMap<>(reference).forEach(fresh::put);
    assertEquals(fresh.rootHash(), trie.rootHash());
    reference.forEach((key, value) -> assertEquals(value, trie.get(key)));
  }

  @Test
  void committedTrieReopensFromItsRootAndReleasesOnlyReplacedNodes() {
    Random random = new Random(11);
    MapStore store = new MapStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(Hash.EMPTY_TRIE_ROOT, store, NodeCache.none());
    Map<Bytes, Bytes> reference = new HashMap<>();
    Hash root = Hash.EMPTY_TRIE_ROOT;
    for (int round = 0; round < 20; round++) {
      trie = new MerklePatriciaTrie(root, store, NodeCache.none());
      for (int i = 0; i < 50; i++) {
        Bytes key = Bytes32Keys.random(random);
        if (!reference.isEmpty() && random.nextInt(4) == 0) {
          Bytes existing =
              new ArrayList<>(reference.keySet()).get(random.nextInt(reference.size()));
          trie.delete(existing);
          reference.remove(existing);
        } else {
          Bytes value = Bytes.random(1 + random.nextInt(60), random);
          trie.put(key, value);
          reference.put(key, value);
        }
      }
      store.released.clear();
      Set<Bytes> before = new HashSet<>(store.nodes.keySet());
      root = trie.commit(store);
      // Every released node was stored before this commit; dropping them all leaves the new root
      // complete.
      for (Bytes stale : store.released) {
        assertTrue(before.contains(stale), "released a node that was never stored");
        store.nodes.remove(stale);
      }
      MerklePatriciaTrie reopened = new MerklePatriciaTrie(root, store, NodeCache.none());
      reference.forEach((key, value) -> assertEquals(value, reopened.get(key)));
    }
  }

  private static final class Bytes32Keys {
    static Bytes random(Random random) {
      return Bytes.random(32, random);
    }
  }

  @Test
  void expectedValuesSpareLeafReadsAndWrongOnesAreHarmless() {
    MapStore store = new MapStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(Hash.EMPTY_TRIE_ROOT, store, NodeCache.none());
    Random random = new Random(9);
    List<Bytes> keys = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Bytes key = Bytes.random(32, random);
      keys.add(key);
      trie.put(key, Bytes.random(40 + random.nextInt(40), random));
    }
    Hash root = trie.commit(store);
    int[] loads = {0};
    NodeSource counting =
        (path, hash) -> {
          loads[0]++;
          return store.load(path, hash);
        };
    Bytes key = keys.get(17);
    byte[] value = trie.get(key.toArrayUnsafe());
    MerklePatriciaTrie cold = new MerklePatriciaTrie(root, counting, NodeCache.none());
    cold.get(key.toArrayUnsafe());
    int withoutHint = loads[0];
    loads[0] = 0;
    assertEquals(Bytes.wrap(value), Bytes.wrap(cold.get(key.toArrayUnsafe(), value)));
    assertTrue(loads[0] < withoutHint, "the right expected value spares the leaf read");
    byte[] wrong = Bytes.random(50, random).toArray();
    assertEquals(Bytes.wrap(value), Bytes.wrap(cold.get(key.toArrayUnsafe(), wrong)));
    MerklePatriciaTrie updated = MerklePatriciaTrie.forUpdate(root, counting, NodeCache.none());
    MerklePatriciaTrie reference = new MerklePatriciaTrie(root, store, NodeCache.none());
    byte[] next = Bytes.random(60, random).toArray();
    updated.put(key.toArrayUnsafe(), next, wrong);
    reference.put(key.toArrayUnsafe(), next);
    Bytes other = keys.get(18);
    updated.put(other.toArrayUnsafe(), next, trie.get(other.toArrayUnsafe()));
    reference.put(other.toArrayUnsafe(), next);
    assertEquals(reference.rootHash(), updated.rootHash());
  }

  @Test
  void parallelBatchUpdateEqualsOneByOneUpdates() {
    Random random = new Random(21);
    MapStore store = new MapStore();
    MerklePatriciaTrie base = new MerklePatriciaTrie(Hash.EMPTY_TRIE_ROOT, store, NodeCache.none());
    List<byte[]> existing = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      byte[] key = Bytes.random(32, random).toArray();
      existing.add(key);
      base.put(key, Bytes.random(40, random).toArray());
    }
    Hash root = base.commit(store);
    int n = 3000;
    byte[][] keys = new byte[n][];
    byte[][] values = new byte[n][];
    byte[][] hints = new byte[n][];
    java.util.Set<Bytes> seen = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      byte[] key;
      do {
        key =
            random.nextBoolean()
                ? existing.get(random.nextInt(existing.size()))
                : Bytes.random(32, random).toArray();
      } while (!seen.add(Bytes.wrap(key)));
      keys[i] = key;
      values[i] = random.nextInt(5) == 0 ? new byte[0] : Bytes.random(45, random).toArray();
      byte[] old = base.get(key);
      hints[i] = old != null && random.nextInt(4) == 0 ? Bytes.random(40, random).toArray() : old;
    }
    MerklePatriciaTrie oneByOne = new MerklePatriciaTrie(root, store, NodeCache.none());
    for (int i = 0; i < n; i++) {
      oneByOne.put(keys[i], values[i]);
    }
    MerklePatriciaTrie batched =
        MerklePatriciaTrie.forUpdate(root, store, NodeCache.ofSize(64 << 20));
    batched.putAll(keys, values, hints);
    assertEquals(oneByOne.rootHash(), batched.rootHash());
    MapStore sequentialSink = new MapStore();
    MapStore batchedSink = new MapStore();
    oneByOne.commit(sequentialSink);
    batched.commit(batchedSink);
    assertEquals(sequentialSink.nodes.keySet(), batchedSink.nodes.keySet(), "the same new nodes");
    assertEquals(
        new java.util.HashSet<>(sequentialSink.released),
        new java.util.HashSet<>(batchedSink.released),
        "the same stale nodes");
  }

  @Test
  void missingNodeFailsWithGethWording() {
    MapStore store = new MapStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(Hash.EMPTY_TRIE_ROOT, store, NodeCache.none());
    for (int i = 0; i < 20; i++) {
      trie.put(Bytes.of(i, i), Bytes.random(40));
    }
    Hash root = trie.commit(store);
    store.nodes.clear();
    MerklePatriciaTrie reopened = new MerklePatriciaTrie(root, store, NodeCache.none());
    MissingNodeException e =
        assertThrows(MissingNodeException.class, () -> reopened.get(Bytes.of(1, 1)));
    assertTrue(e.getMessage().startsWith("missing trie node "), e.getMessage());
  }

  @Test
  void proofsProveValuesAndAbsence() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    Random random = new Random(3);
    List<Bytes> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Bytes key = Bytes.random(32, random);
      keys.add(key);
      trie.put(key, Bytes.random(1 + random.nextInt(5), random));
    }
    Hash root = trie.rootHash();
    for (Bytes key : keys) {
      assertEquals(Optional.of(trie.get(key)), MerkleProof.verify(root, key, trie.proof(key)));
    }
    Bytes absent = Bytes.random(32, random);
    assertEquals(Optional.empty(), MerkleProof.verify(root, absent, trie.proof(absent)));
  }

  @Test
  void tamperedOrIncompleteProofIsRejected() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    for (int i = 0; i < 100; i++) {
      trie.put(Bytes.of(i, 0, i), Bytes.random(40));
    }
    Bytes key = Bytes.of(5, 0, 5);
    List<Bytes> proof = trie.proof(key);
    assertTrue(proof.size() >= 2);
    List<Bytes> truncated = proof.subList(0, proof.size() - 1);
    assertThrows(
        MerkleProof.InvalidProofException.class,
        () -> MerkleProof.verify(trie.rootHash(), key, truncated));
    List<Bytes> tampered = new ArrayList<>(proof);
    Bytes last = tampered.get(tampered.size() - 1);
    tampered.set(
        tampered.size() - 1, Bytes.concatenate(last.slice(0, last.size() - 1), Bytes.of(1)));
    assertThrows(
        MerkleProof.InvalidProofException.class,
        () -> MerkleProof.verify(trie.rootHash(), key, tampered));
    Hash otherRoot = Hash.fromHex("0x" + "ab".repeat(32));
    assertThrows(
        MerkleProof.InvalidProofException.class, () -> MerkleProof.verify(otherRoot, key, proof));
  }

  @Test
  void visitWalksKeysInOrderFromTheStartKey() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    TreeMap<String, String> reference = new TreeMap<>();
    for (String key : List.of("a", "ab", "abc", "b", "ba", "c", "cab", "d")) {
      trie.put(b(key), b("v" + key));
      reference.put(key, "v" + key);
    }
    List<String> seen = new ArrayList<>();
    trie.visit(
        b("ab"),
        (key, value) -> {
          seen.add(new String(key.toArrayUnsafe(), java.nio.charset.StandardCharsets.UTF_8));
          return seen.size() < 4;
        });
    assertEquals(List.of("ab", "abc", "b", "ba"), seen);
    List<String> all = new ArrayList<>();
    trie.visit(
        Bytes.EMPTY,
        (key, value) -> {
          all.add(new String(key.toArrayUnsafe(), java.nio.charset.StandardCharsets.UTF_8));
          return true;
        });
    assertEquals(new ArrayList<>(reference.keySet()), all);
  }

  @Test
  void orderedListRootMatchesAKnownTransactionsRoot() {
    // An empty list is the empty trie; one item under rlp(0) = 0x80.
    assertEquals(Hash.EMPTY_TRIE_ROOT, TrieRoots.orderedListRoot(List.of()));
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    List<Bytes> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(Bytes.random(10 + i % 50));
    }
    for (int i = 0; i < items.size(); i++) {
      Bytes key =
          i == 0
              ? Bytes.of(0x80)
              : i < 0x80
                  ? Bytes.of(i)
                  : Bytes.concatenate(Bytes.of(0x80 + 2), Bytes.ofUnsignedShort(i));
      if (i >= 0x80 && i < 0x100) {
        key = Bytes.of(0x81, i);
      }
      trie.put(key, items.get(i));
    }
    assertEquals(trie.rootHash(), TrieRoots.orderedListRoot(items));
    assertFalse(TrieRoots.orderedListRoot(items.subList(0, 1)).equals(Hash.EMPTY_TRIE_ROOT));
  }
}
