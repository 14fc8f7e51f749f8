package org.distli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournaledWorldStateTest {
  private static final Address ALICE =
      Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final UInt256 SLOT = UInt256.valueOf(7);

  private MapStateBackend base;
  private JournaledWorldState state;

  @BeforeEach
  void setUp() {
    base = new MapStateBackend();
    base.putAccount(
        ALICE, new Account(5, Wei.of(1000), Hash.fromHex("0x" + "11".repeat(32)), Hash.EMPTY_CODE));
    base.putStorage(ALICE, SLOT, UInt256.valueOf(42));
    state = new JournaledWorldState(base);
  }

  @Test
  void readsFallThroughToTheBase() {
    assertTrue(state.exists(ALICE));
    assertEquals(5, state.getNonce(ALICE));
    assertEquals(Wei.of(1000), state.getBalance(ALICE));
    assertEquals(UInt256.valueOf(42), state.getStorage(ALICE, SLOT));
    assertFalse(state.exists(BOB));
    assertEquals(Hash.ZERO, state.getCodeHash(BOB));
    assertTrue(state.changes().accounts().isEmpty(), "reads change nothing");
  }

  @Test
  void revertUndoesNestedFramesInOrder() {
    int outer = state.checkpoint();
    state.setBalance(ALICE, Wei.of(900));
    state.setStorage(ALICE, SLOT, UInt256.valueOf(1));
    int inner = state.checkpoint();
    state.setBalance(ALICE, Wei.of(800));
    state.setStorage(ALICE, SLOT, UInt256.valueOf(2));
    state.setBalance(BOB, Wei.of(100));
    state.revertToCheckpoint(inner);
    assertEquals(Wei.of(900), state.getBalance(ALICE));
    assertEquals(UInt256.valueOf(1), state.getStorage(ALICE, SLOT));
    assertFalse(state.exists(BOB), "an account created inside a reverted frame is gone");
    state.revertToCheckpoint(outer);
    assertEquals(Wei.of(1000), state.getBalance(ALICE));
    assertEquals(UInt256.valueOf(42), state.getStorage(ALICE, SLOT));
  }

  @Test
  void committedStorageIsTheValueAtTransactionStart() {
    state.setStorage(ALICE, SLOT, UInt256.valueOf(1));
    assertEquals(UInt256.valueOf(42), state.getCommittedStorage(ALICE, SLOT));
    state.finalizeTransaction(true);
    assertEquals(UInt256.valueOf(1), state.getCommittedStorage(ALICE, SLOT));
    state.setStorage(ALICE, SLOT, UInt256.valueOf(2));
    assertEquals(UInt256.valueOf(1), state.getCommittedStorage(ALICE, SLOT));
  }

  @Test
  void touchedEmptyAccountsAreRemovedAtTransactionEnd() {
    state.touch(BOB);
    state.setBalance(ALICE, Wei.of(1000));
    state.finalizeTransaction(true);
    assertFalse(state.exists(BOB));
    state.setBalance(BOB, Wei.ZERO);
    state.finalizeTransaction(false);
    assertTrue(state.exists(BOB), "before Spurious Dragon empty accounts stay");
  }

  @Test
  void revertedTouchDoesNotRemoveAnEmptyAccount() {
    base.putAccount(BOB, Account.EMPTY);
    state = new JournaledWorldState(base);
    int checkpoint = state.checkpoint();
    state.touch(BOB);
    state.revertToCheckpoint(checkpoint);
    state.finalizeTransaction(true);
    assertTrue(state.exists(BOB));
  }

  @Test
  void createAccountKeepsBalanceAndDropsStorage() {
    state.createAccount(ALICE);
    assertEquals(Wei.of(1000), state.getBalance(ALICE));
    assertEquals(0, state.getNonce(ALICE));
    assertEquals(UInt256.ZERO, state.getStorage(ALICE, SLOT));
    assertFalse(state.hasStorage(ALICE));
    StateChanges.AccountUpdate update = state.changes().accounts().get(ALICE);
    assertTrue(update.storageCleared());
  }

  @Test
  void revertOfDeletionRestoresTheAccountWithItsStorage() {
    state.setStorage(ALICE, SLOT, UInt256.valueOf(9));
    int checkpoint = state.checkpoint();
    state.deleteAccount(ALICE);
    assertFalse(state.exists(ALICE));
    state.revertToCheckpoint(checkpoint);
    assertTrue(state.exists(ALICE));
    assertEquals(UInt256.valueOf(9), state.getStorage(ALICE, SLOT));
  }

  @Test
  void changesCarryNewCodeAndStorageWrites() {
    Bytes code = Bytes.fromHexString("0x6001600055");
    state.setCode(BOB, code);
    state.setStorage(BOB, SLOT, UInt256.ONE);
    state.finalizeTransaction(true);
    StateChanges changes = state.changes();
    Hash codeHash = Keccak256.hash(code);
    assertEquals(code, changes.code().get(codeHash));
    StateChanges.AccountUpdate bob = changes.accounts().get(BOB);
    assertEquals(codeHash, bob.codeHash());
    assertEquals(UInt256.ONE, bob.storage().get(SLOT));
    assertEquals(code, state.getCode(BOB));
  }

  @Test
  void undoActionsRunOnRevert() {
    boolean[] undone = {false};
    int checkpoint = state.checkpoint();
    state.onRevert(() -> undone[0] = true);
    state.revertToCheckpoint(checkpoint);
    assertTrue(undone[0]);
  }

  @Test
  void deletedAccountIsReportedAsDeletion() {
    state.deleteAccount(ALICE);
    state.finalizeTransaction(true);
    assertTrue(state.changes().accounts().get(ALICE).deleted());
  }
}
