package org.distli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.storage.WriteBatch;
import org.junit.jupiter.api.Test;

class StateDatabaseHistoryTest {

  @Test
  void flatStoreAndTrieAgreeAfterEveryBlock() {
    RandomBlocks blocks = new RandomBlocks(1, 60, 25);
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash root = Hash.EMPTY_TRIE_ROOT;
      for (long n = 0; n < 40; n++) {
        root = db.commit(root, blocks.next(n), n);
        assertEquals(blocks.expectedRoot(), root, "root of block " + n);
        StateBackend latest = db.at(root);
        assertInstanceOf(FlatStateBackend.class, latest, "the head is read from the flat store");
        blocks.assertMatches(latest);
        blocks.assertMatches(new TrieStateBackend(db, root));
      }
    }
  }

  @Test
  void windowKeepsRecentStatesReadableAndForgetsOlderOnes() {
    RandomBlocks blocks = new RandomBlocks(2, 40, 15);
    RandomBlocks replay = new RandomBlocks(2, 40, 15);
    StateDatabaseConfig config = StateDatabaseConfig.DEFAULT.withHistoryBlocks(5);
    try (StateDatabase db = StateDatabase.inMemory(config)) {
      List<Hash> roots = new ArrayList<>();
      Hash root = Hash.EMPTY_TRIE_ROOT;
      for (long n = 0; n < 30; n++) {
        root = db.commit(root, blocks.next(n), n);
        roots.add(root);
      }
      assertEquals(25L, db.oldestRetainedBlock().orElseThrow());
      for (int n = 0; n < 30; n++) {
        replay.next(n);
        if (n >= 25) {
          replay.assertMatches(db.at(roots.get(n)));
        } else if (!roots.subList(25, 30).contains(roots.get(n))) {
          Hash old = roots.get(n);
          assertThrows(UnknownStateRootException.class, () -> db.at(old));
        }
      }
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3, 8})
  void pruningLeavesExactlyTheNodesOfTheRetainedState(int window) {
    RandomBlocks blocks = new RandomBlocks(3, 50, 20);
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    StateDatabaseConfig config = StateDatabaseConfig.DEFAULT.withHistoryBlocks(window);
    Hash root = Hash.EMPTY_TRIE_ROOT;
    try (StateDatabase db = StateDatabase.open(store, config)) {
      for (long n = 0; n < 60; n++) {
        root = db.commit(root, blocks.next(n), n);
      }
      // Blocks that change nothing push the older states out of the window.
      for (long n = 60; n < 60 + window; n++) {
        assertEquals(root, db.commit(root, StateChanges.NONE, n));
      }
    }
    InMemoryKeyValueStore fresh = new InMemoryKeyValueStore();
    try (StateDatabase db = StateDatabase.open(fresh, config)) {
      assertEquals(root, db.commit(Hash.EMPTY_TRIE_ROOT, blocks.asGenesis(), 0));
    }
    assertEquals(
        fresh.size(StateDatabase.TRIE_NODES),
        store.size(StateDatabase.TRIE_NODES),
        "a pruned database holds the same nodes as one built from the head state alone");
    try (StateDatabase reopened = StateDatabase.open(store, config)) {
      blocks.assertMatches(new TrieStateBackend(reopened, root));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 5})
  void nodesWrittenAgainSurviveThePruningOfTheirStaleCopies(int window) {
    // Every account flips between two balances, so each block writes again exactly the nodes the
    // block before it made stale: pruning must keep them all.
    StateDatabaseConfig config = StateDatabaseConfig.DEFAULT.withHistoryBlocks(window);
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    Hash root = Hash.EMPTY_TRIE_ROOT;
    Map<Address, StateChanges.AccountUpdate> state = Map.of();
    try (StateDatabase db = StateDatabase.open(store, config)) {
      for (long n = 0; n < 24; n++) {
        Map<Address, StateChanges.AccountUpdate> updates = new java.util.HashMap<>();
        for (int i = 0; i < 40; i++) {
          updates.put(
              RandomBlocks.address(i),
              new StateChanges.AccountUpdate(
                  false,
                  i,
                  Wei.of(1 + (n + i) % 2),
                  Hash.EMPTY_CODE,
                  false,
                  new java.util.TreeMap<>()));
        }
        state = updates;
        root = db.commit(root, new StateChanges(updates, Map.of()), n);
        TrieStateBackend trie = new TrieStateBackend(db, root);
        for (Map.Entry<Address, StateChanges.AccountUpdate> account : updates.entrySet()) {
          assertEquals(account.getValue().balance(), trie.account(account.getKey()).balance());
        }
      }
      for (long n = 24; n < 24 + window; n++) {
        assertEquals(root, db.commit(root, StateChanges.NONE, n));
      }
    }
    InMemoryKeyValueStore fresh = new InMemoryKeyValueStore();
    try (StateDatabase db = StateDatabase.open(fresh, config)) {
      assertEquals(root, db.commit(Hash.EMPTY_TRIE_ROOT, new StateChanges(state, Map.of()), 0));
    }
    assertEquals(
        fresh.size(StateDatabase.TRIE_NODES),
        store.size(StateDatabase.TRIE_NODES),
        "nothing of the head state was deleted, nothing stale was left");
  }

  @Test
  void rocksDbDatabaseReopensWithItsHeadAndHistory(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    RandomBlocks blocks = new RandomBlocks(8, 40, 15);
    RandomBlocks replay = new RandomBlocks(8, 40, 15);
    StateDatabaseConfig config = StateDatabaseConfig.DEFAULT.withHistoryBlocks(3);
    List<Hash> roots = new ArrayList<>();
    Hash root = Hash.EMPTY_TRIE_ROOT;
    try (var store =
            org.distli.storage.RocksDbKeyValueStore.open(
                dir, org.distli.storage.RocksDbConfig.DEFAULT);
        StateDatabase db = StateDatabase.open(store, config)) {
      for (long n = 0; n < 10; n++) {
        root = db.commit(root, blocks.next(n), n);
        roots.add(root);
      }
    }
    try (var store =
            org.distli.storage.RocksDbKeyValueStore.open(
                dir, org.distli.storage.RocksDbConfig.DEFAULT);
        StateDatabase db = StateDatabase.open(store, config)) {
      assertEquals(new StateDatabase.Head(9, root), db.head().orElseThrow());
      assertEquals(7L, db.oldestRetainedBlock().orElseThrow());
      for (int n = 0; n < 10; n++) {
        replay.next(n);
        if (n >= 7) {
          replay.assertMatches(db.at(roots.get(n)));
        }
      }
      for (long n = 10; n < 14; n++) {
        root = db.commit(root, blocks.next(n), n);
      }
      assertEquals(11L, db.oldestRetainedBlock().orElseThrow());
      blocks.assertMatches(db.at(root));
      Hash old = roots.get(7);
      assertThrows(UnknownStateRootException.class, () -> db.at(old));
    }
  }

  @Test
  void archiveModeKeepsEveryState() {
    RandomBlocks blocks = new RandomBlocks(4, 30, 10);
    RandomBlocks replay = new RandomBlocks(4, 30, 10);
    StateDatabaseConfig config = StateDatabaseConfig.DEFAULT.withHistoryBlocks(2).withArchive(true);
    try (StateDatabase db = StateDatabase.inMemory(config)) {
      List<Hash> roots = new ArrayList<>();
      Hash root = Hash.EMPTY_TRIE_ROOT;
      for (long n = 0; n < 20; n++) {
        root = db.commit(root, blocks.next(n), n);
        roots.add(root);
      }
      for (int n = 0; n < 20; n++) {
        replay.next(n);
        replay.assertMatches(db.at(roots.get(n)));
      }
    }
  }

  @Test
  void siblingBlockReplacesTheHead() {
    RandomBlocks original = new RandomBlocks(5, 40, 15);
    RandomBlocks fork = new RandomBlocks(5, 40, 15);
    try (StateDatabase db = StateDatabase.inMemory()) {
      List<Hash> roots = new ArrayList<>();
      Hash root = Hash.EMPTY_TRIE_ROOT;
      for (long n = 0; n < 8; n++) {
        root = db.commit(root, original.next(n), n);
        roots.add(root);
        if (n < 5) {
          fork.next(n);
        }
      }
      // The fork builds blocks 5.. on block 4 with different contents.
      RandomBlocks forkSource = new RandomBlocks(99, 40, 15);
      forkSource.state.putAll(fork.state);
      Hash forkRoot = roots.get(4);
      for (long n = 5; n < 7; n++) {
        forkRoot = db.commit(forkRoot, forkSource.next(n), n);
      }
      assertEquals(new StateDatabase.Head(6, forkRoot), db.head().orElseThrow());
      assertEquals(forkSource.expectedRoot(), forkRoot);
      forkSource.assertMatches(db.at(forkRoot));
      forkSource.assertMatches(new TrieStateBackend(db, forkRoot));
      Hash parentOfFork = roots.get(4);
      assertThrows(
          IllegalArgumentException.class,
          () -> db.commit(roots.get(7), StateChanges.NONE, 7),
          "the abandoned head is no parent");
      assertEquals(forkRoot, db.commit(forkRoot, StateChanges.NONE, 7));
      assertTrue(db.isAvailable(parentOfFork));
    }
  }

  @Test
  void readerKeepsItsSnapshotWhileTheWriterMovesOn() {
    RandomBlocks blocks = new RandomBlocks(6, 30, 20);
    RandomBlocks before = new RandomBlocks(6, 30, 20);
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash root = db.commit(Hash.EMPTY_TRIE_ROOT, blocks.next(0), 0);
      before.next(0);
      StateBackend snapshot = db.at(root);
      snapshot.account(RandomBlocks.address(0)); // warm the caches at the old version
      for (long n = 1; n < 4; n++) {
        root = db.commit(root, blocks.next(n), n);
      }
      before.assertMatches(snapshot);
      blocks.assertMatches(db.at(root));
    }
  }

  @Test
  void stagedCommitMovesTheHeadOnlyWhenItsBatchIsWritten() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      InMemoryKeyValueStore unused = new InMemoryKeyValueStore();
      StateChanges changes =
          new StateChanges(
              Map.of(
                  RandomBlocks.address(1),
                  new StateChanges.AccountUpdate(
                      false, 1, Wei.of(5), Hash.EMPTY_CODE, false, new java.util.TreeMap<>())),
              Map.of());
      Hash staged;
      try (WriteBatch batch = unused.newBatch()) {
        staged = db.commit(Hash.EMPTY_TRIE_ROOT, changes, 1, batch);
        assertThrows(
            IllegalStateException.class, () -> db.commit(staged, StateChanges.NONE, 2, batch));
        // closed without commit: discarded
      }
      assertTrue(db.head().isEmpty());
      assertThrows(UnknownStateRootException.class, () -> db.at(staged));
      assertEquals(staged, db.commit(Hash.EMPTY_TRIE_ROOT, changes, 1));
      assertEquals(Wei.of(5), db.at(staged).account(RandomBlocks.address(1)).balance());
    }
  }

  @Test
  void proofsOfAccountsAndSlotsVerify() {
    RandomBlocks blocks = new RandomBlocks(7, 30, 25);
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash root = db.commit(Hash.EMPTY_TRIE_ROOT, blocks.next(0), 0);
      root = db.commit(root, blocks.next(1), 1);
      List<UInt256> slots =
          List.of(UInt256.ZERO, UInt256.ONE, UInt256.valueOf(5), UInt256.MAX_VALUE);
      for (int i = 0; i < 30; i++) {
        StateProof proof = db.proof(root, RandomBlocks.address(i), slots);
        proof.verify(root);
        RandomBlocks.ModelAccount model = blocks.state.get(RandomBlocks.address(i));
        assertEquals(model == null, proof.account() == null);
        for (StateProof.StorageProof slot : proof.storageProofs()) {
          UInt256 expected =
              model == null ? UInt256.ZERO : model.storage.getOrDefault(slot.slot(), UInt256.ZERO);
          assertEquals(expected, slot.value());
        }
      }
      StateProof proof = db.proof(root, RandomBlocks.address(0), slots);
      Hash otherRoot = db.commit(root, blocks.next(2), 2);
      if (!otherRoot.equals(root)) {
        assertThrows(RuntimeException.class, () -> proof.verify(otherRoot));
      }
    }
  }
}
