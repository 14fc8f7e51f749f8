package org.distli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.Test;

class StateDatabaseTest {
  static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");

  static StateChanges.AccountUpdate account(long nonce, long balance, Map<Long, Long> storage) {
    TreeMap<UInt256, UInt256> slots = new TreeMap<>();
    storage.forEach((k, v) -> slots.put(UInt256.valueOf(k), UInt256.valueOf(v)));
    return new StateChanges.AccountUpdate(
        false, nonce, Wei.of(balance), Hash.EMPTY_CODE, false, slots);
  }

  @Test
  void emptyRootIsTheEmptyState() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      StateBackend empty = db.at(Hash.EMPTY_TRIE_ROOT);
      assertNull(empty.account(ALICE));
      assertEquals(UInt256.ZERO, empty.storage(ALICE, UInt256.ONE));
      assertEquals(Hash.EMPTY_TRIE_ROOT, empty.rootAfter(StateChanges.NONE));
    }
  }

  @Test
  void committedStateReadsBackAndMatchesRootAfter() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      StateChanges changes =
          new StateChanges(
              Map.of(ALICE, account(1, 100, Map.of(1L, 42L, 2L, 0L)), BOB, account(0, 5, Map.of())),
              Map.of());
      Hash expected = db.at(Hash.EMPTY_TRIE_ROOT).rootAfter(changes);
      Hash root = db.commit(Hash.EMPTY_TRIE_ROOT, changes, 0);
      assertEquals(expected, root);
      StateBackend state = db.at(root);
      assertEquals(root, state.rootHash());
      Account alice = state.account(ALICE);
      assertEquals(1, alice.nonce());
      assertEquals(Wei.of(100), alice.balance());
      assertEquals(UInt256.valueOf(42), state.storage(ALICE, UInt256.ONE));
      assertEquals(UInt256.ZERO, state.storage(ALICE, UInt256.valueOf(2)));
      assertEquals(Hash.EMPTY_TRIE_ROOT, state.account(BOB).storageRoot());
    }
  }

  @Test
  void journaledStateOverTheDatabaseCommitsItsChanges() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      JournaledWorldState world = new JournaledWorldState(db.at(Hash.EMPTY_TRIE_ROOT));
      Bytes code = Bytes.fromHexString("0x6001600055");
      world.setCode(ALICE, code);
      world.setStorage(ALICE, UInt256.ONE, UInt256.valueOf(7));
      world.setBalance(BOB, Wei.of(9));
      world.finalizeTransaction(true);
      Hash root = db.commit(Hash.EMPTY_TRIE_ROOT, world.changes(), 1);
      assertEquals(world.rootHash(), root);
      JournaledWorldState next = new JournaledWorldState(db.at(root));
      assertEquals(code, next.getCode(ALICE));
      assertEquals(Keccak256.hash(code), next.getCodeHash(ALICE));
      assertEquals(UInt256.valueOf(7), next.getStorage(ALICE, UInt256.ONE));
      assertEquals(Wei.of(9), next.getBalance(BOB));
    }
  }

  @Test
  void deletionRemovesAccountAndStorage() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash first =
          db.commit(
              Hash.EMPTY_TRIE_ROOT,
              new StateChanges(Map.of(ALICE, account(1, 1, Map.of(1L, 1L))), Map.of()),
              1);
      Hash second =
          db.commit(
              first,
              new StateChanges(Map.of(ALICE, StateChanges.AccountUpdate.deletion()), Map.of()),
              2);
      assertEquals(Hash.EMPTY_TRIE_ROOT, second);
      assertNull(db.at(second).account(ALICE));
      assertEquals(UInt256.valueOf(1), db.at(first).storage(ALICE, UInt256.ONE), "history stays");
    }
  }

  @Test
  void storageClearedWipesEarlierSlots() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash first =
          db.commit(
              Hash.EMPTY_TRIE_ROOT,
              new StateChanges(Map.of(ALICE, account(1, 1, Map.of(1L, 1L, 2L, 2L))), Map.of()),
              1);
      TreeMap<UInt256, UInt256> slots = new TreeMap<>(Map.of(UInt256.valueOf(3), UInt256.ONE));
      StateChanges recreate =
          new StateChanges(
              Map.of(
                  ALICE,
                  new StateChanges.AccountUpdate(
                      false, 1, Wei.of(1), Hash.EMPTY_CODE, true, slots)),
              Map.of());
      Hash second = db.commit(first, recreate, 2);
      StateBackend state = db.at(second);
      assertEquals(UInt256.ZERO, state.storage(ALICE, UInt256.ONE));
      assertEquals(UInt256.ONE, state.storage(ALICE, UInt256.valueOf(3)));
      Hash onlySlot3 =
          StateDatabase.inMemory()
              .commit(
                  Hash.EMPTY_TRIE_ROOT,
                  new StateChanges(Map.of(ALICE, account(1, 1, Map.of(3L, 1L))), Map.of()),
                  1);
      assertEquals(onlySlot3, second);
    }
  }

  @Test
  void unknownRootIsRefusedClearly() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash unknown = Hash.fromHex("0x" + "12".repeat(32));
      UnknownStateRootException e =
          assertThrows(UnknownStateRootException.class, () -> db.at(unknown));
      assertTrue(e.getMessage().contains(unknown.toHexString()));
    }
  }

  @Test
  void commitOnAStaleParentIsRefused() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash first =
          db.commit(
              Hash.EMPTY_TRIE_ROOT,
              new StateChanges(Map.of(ALICE, account(1, 1, Map.of())), Map.of()),
              1);
      assertThrows(
          IllegalArgumentException.class,
          () -> db.commit(Hash.EMPTY_TRIE_ROOT, StateChanges.NONE, 2));
      assertEquals(first, db.head().orElseThrow().root());
    }
  }
}
