package org.distli.txpool;

import static org.distli.txpool.PoolFixtures.CHAIN_ID;
import static org.distli.txpool.PoolFixtures.GWEI;
import static org.distli.txpool.PoolFixtures.SPEC;
import static org.distli.txpool.PoolFixtures.gwei;
import static org.distli.txpool.PoolFixtures.head;
import static org.distli.txpool.PoolFixtures.key;
import static org.distli.txpool.PoolFixtures.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionError;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TransactionPoolTest {
  private final PoolFixtures.MapState state = new PoolFixtures.MapState();

  private TransactionPool pool(TxPoolConfig config) {
    return new TransactionPool(config, SPEC, head(10), state, () -> 2_000);
  }

  private TransactionPool pool() {
    return pool(TxPoolConfig.DEFAULT);
  }

  private SecretKey funded(int i) {
    SecretKey key = key(i);
    state.fund(key.address(), 0, Wei.ofEther(100));
    return key;
  }

  private static void refused(TransactionError error, Executable add) {
    InvalidTransactionException e = assertThrows(InvalidTransactionException.class, add);
    assertEquals(error, e.error(), e.getMessage());
    assertTrue(e.getMessage().startsWith(error.message()), e.getMessage());
  }

  @Test
  void theNextNonceIsPendingAndAGapIsQueuedUntilItCloses() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    List<Transaction> announced = new CopyOnWriteArrayList<>();
    pool.subscribePending(announced::addAll);

    assertTrue(pool.add(transfer(alice, 0, 1)).pending());
    AddResult gap = pool.add(transfer(alice, 2, 1));
    assertFalse(gap.pending());
    assertEquals(1, pool.pendingCount());
    assertEquals(1, pool.queuedCount());
    assertEquals(OptionalLong.of(1), pool.pendingNonce(alice.address()));

    Transaction closer = transfer(alice, 1, 1);
    assertTrue(pool.add(closer).pending());
    assertEquals(3, pool.pendingCount());
    assertEquals(0, pool.queuedCount());
    assertEquals(OptionalLong.of(3), pool.pendingNonce(alice.address()));
    assertEquals(
        3, announced.size(), "each transaction is announced once, when it becomes pending");
  }

  @Test
  void aDuplicateIsAlreadyKnown() {
    TransactionPool pool = pool();
    Transaction tx = transfer(funded(1), 0, 1);
    pool.add(tx);
    refused(TransactionError.ALREADY_KNOWN, () -> pool.add(tx));
  }

  @Test
  void aReplacementNeedsTenPercentMoreFeeCapAndTip() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    Transaction original = transfer(alice, 0, gwei(10), gwei(100));
    pool.add(original);

    refused(
        TransactionError.REPLACEMENT_UNDERPRICED,
        () -> pool.add(transfer(alice, 0, gwei(10).add(Wei.of(1)), gwei(200))));
    refused(
        TransactionError.REPLACEMENT_UNDERPRICED,
        () -> pool.add(transfer(alice, 0, gwei(11), gwei(109))));

    Transaction replacement = transfer(alice, 0, gwei(11), gwei(110));
    AddResult result = pool.add(replacement);
    assertEquals(Optional.of(original.hash()), result.replaced());
    assertTrue(result.pending());
    assertFalse(pool.contains(original.hash()));
    assertEquals(1, pool.size());
    assertEquals(1, pool.pendingCount());
  }

  @Test
  void aNonceTheAccountHasPassedIsTooLow() {
    TransactionPool pool = pool();
    SecretKey alice = key(1);
    state.fund(alice.address(), 5, Wei.ofEther(1));
    InvalidTransactionException e =
        assertThrows(InvalidTransactionException.class, () -> pool.add(transfer(alice, 4, 1)));
    assertEquals("nonce too low: address " + alice.address() + ", tx: 4 state: 5", e.getMessage());
    assertTrue(pool.add(transfer(alice, 5, 1)).pending());
  }

  @Test
  void aSenderWhoCannotPayGasTimesPricePlusValueIsRefused() {
    TransactionPool pool = pool();
    SecretKey poor = key(1);
    state.fund(poor.address(), 0, Wei.of(21_000L * 100));
    refused(TransactionError.INSUFFICIENT_FUNDS, () -> pool.add(transfer(poor, 0, 1)));
    assertEquals(0, pool.size());
  }

  @Test
  void aTipBelowTheMinimumIsUnderpriced() {
    TransactionPool pool = pool(TxPoolConfig.DEFAULT.withMinTip(gwei(2)));
    SecretKey alice = funded(1);
    InvalidTransactionException e =
        assertThrows(InvalidTransactionException.class, () -> pool.add(transfer(alice, 0, 1)));
    assertEquals(
        "transaction underpriced: gas tip cap 1000000000, minimum needed 2000000000",
        e.getMessage());
    assertTrue(pool.add(transfer(alice, 0, 2)).pending());
  }

  @Test
  void statelessRulesUseGethsWording() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    Transaction wrongChain =
        Transaction.builder(TransactionType.DYNAMIC_FEE)
            .chainId(CHAIN_ID + 1)
            .nonce(0)
            .maxPriorityFeePerGas(GWEI)
            .maxFeePerGas(gwei(10))
            .gasLimit(21_000)
            .to(PoolFixtures.RECIPIENT)
            .sign(alice, CHAIN_ID + 1);
    refused(TransactionError.INVALID_CHAIN_ID, () -> pool.add(wrongChain));

    Transaction tooMuchGas =
        Transaction.builder(TransactionType.DYNAMIC_FEE)
            .chainId(CHAIN_ID)
            .nonce(0)
            .maxPriorityFeePerGas(GWEI)
            .maxFeePerGas(gwei(10))
            .gasLimit(30_000_001)
            .to(PoolFixtures.RECIPIENT)
            .sign(alice, CHAIN_ID);
    refused(TransactionError.EXCEEDS_BLOCK_GAS_LIMIT, () -> pool.add(tooMuchGas));

    Transaction tooLittleGas =
        Transaction.builder(TransactionType.DYNAMIC_FEE)
            .chainId(CHAIN_ID)
            .nonce(0)
            .maxPriorityFeePerGas(GWEI)
            .maxFeePerGas(gwei(10))
            .gasLimit(20_999)
            .to(PoolFixtures.RECIPIENT)
            .sign(alice, CHAIN_ID);
    refused(TransactionError.INTRINSIC_GAS_TOO_LOW, () -> pool.add(tooLittleGas));

    Transaction huge =
        Transaction.builder(TransactionType.DYNAMIC_FEE)
            .chainId(CHAIN_ID)
            .nonce(0)
            .maxPriorityFeePerGas(GWEI)
            .maxFeePerGas(gwei(10))
            .gasLimit(10_000_000)
            .to(PoolFixtures.RECIPIENT)
            .data(Bytes.wrap(new byte[TxPoolConfig.DEFAULT_MAX_TRANSACTION_SIZE]))
            .sign(alice, CHAIN_ID);
    refused(TransactionError.OVERSIZED_DATA, () -> pool.add(huge));
    assertEquals(0, pool.size());
  }

  @Test
  void aSenderAtItsLimitIsRefusedUnlessItClosesAGap() {
    TransactionPool pool = pool(TxPoolConfig.DEFAULT.withLimits(100, 3));
    SecretKey alice = funded(1);
    pool.add(transfer(alice, 0, 1));
    pool.add(transfer(alice, 2, 1));
    Transaction furthest = transfer(alice, 3, 1);
    pool.add(furthest);
    refused(TransactionError.ACCOUNT_LIMIT_EXCEEDED, () -> pool.add(transfer(alice, 4, 1)));

    assertTrue(pool.add(transfer(alice, 1, 1)).pending());
    assertFalse(pool.contains(furthest.hash()), "the furthest-out transaction made way");
    assertEquals(3, pool.pendingCount());
  }

  @Test
  void aFullPoolEvictsItsCheapestForABetterPayerAndRefusesAWorseOne() {
    TransactionPool pool = pool(TxPoolConfig.DEFAULT.withLimits(3, 10));
    Transaction cheap = transfer(funded(1), 0, 1);
    pool.add(cheap);
    pool.add(transfer(funded(2), 0, 5));
    pool.add(transfer(funded(3), 0, 5));

    refused(TransactionError.UNDERPRICED, () -> pool.add(transfer(funded(4), 0, 1)));
    assertTrue(pool.contains(cheap.hash()));

    pool.add(transfer(funded(5), 0, 3));
    assertFalse(pool.contains(cheap.hash()));
    assertEquals(3, pool.size());
  }

  @Test
  void evictionFollowsTheEffectiveTipAtTheLatestBaseFee() {
    TransactionPool pool = pool(TxPoolConfig.DEFAULT.withLimits(2, 10));
    Transaction capped = transfer(funded(1), 0, gwei(5), gwei(6));
    Transaction generous = transfer(funded(2), 0, gwei(2), gwei(100));
    pool.add(capped);
    pool.add(generous);
    // At a base fee of 5 gwei the capped transaction pays only 1 gwei of tip.
    BlockHeader expensive = head(11).toBuilder().baseFee(gwei(5)).build();
    pool.onNewHead(expensive, state, List.of());
    pool.add(transfer(funded(3), 0, gwei(3), gwei(100)));
    assertFalse(pool.contains(capped.hash()));
    assertTrue(pool.contains(generous.hash()));
  }

  @Test
  void blocksTakeTheBestTipFirstAndEachSendersNoncesInOrder() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    SecretKey bob = funded(2);
    SecretKey carol = funded(3);
    Transaction a0 = transfer(alice, 0, 1);
    Transaction a1 = transfer(alice, 1, 9);
    Transaction b0 = transfer(bob, 0, 5);
    Transaction c0 = transfer(carol, 0, 3);
    Transaction c1 = transfer(carol, 1, 2);
    for (Transaction tx : List.of(a0, a1, b0, c0, c1)) {
      pool.add(tx);
    }
    PendingSelection selection = pool.pendingSelection(GWEI);
    List<Transaction> order = new ArrayList<>();
    Transaction next;
    while ((next = selection.next()) != null) {
      order.add(next);
    }
    assertEquals(List.of(b0, c0, c1, a0, a1), order);
  }

  @Test
  void skippingASenderDropsItsLaterTransactionsFromTheBlock() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    SecretKey bob = funded(2);
    pool.add(transfer(alice, 0, 5));
    pool.add(transfer(alice, 1, 5));
    Transaction b0 = transfer(bob, 0, 1);
    pool.add(b0);
    PendingSelection selection = pool.pendingSelection(GWEI);
    assertEquals(alice.address(), selection.next().sender());
    selection.skipSender();
    assertEquals(b0, selection.next());
    assertNull(selection.next());
  }

  @Test
  void transactionsBelowTheBaseFeeWaitForACheaperBlock() {
    TransactionPool pool = pool();
    Transaction lowCap = transfer(funded(1), 0, gwei(1), gwei(2));
    pool.add(lowCap);
    assertNull(pool.pendingSelection(gwei(3)).next());
    assertEquals(lowCap, pool.pendingSelection(gwei(2)).next());
  }

  @Test
  void aNewHeadRemovesIncludedTransactionsAndRevalidatesTheirSenders() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    SecretKey bob = funded(2);
    Transaction a0 = transfer(alice, 0, 1);
    Transaction a1 = transfer(alice, 1, 1);
    Transaction a2 = transfer(alice, 2, 1);
    Transaction b0 = transfer(bob, 0, 1);
    Transaction b1 = transfer(bob, 1, 1);
    for (Transaction tx : List.of(a0, a1, a2, b0, b1)) {
      pool.add(tx);
    }
    // Block 11 includes a0 and b0; bob's balance is gone afterwards (spent elsewhere).
    state.fund(alice.address(), 1, Wei.ofEther(99));
    state.fund(bob.address(), 1, Wei.of(1));
    pool.onNewHead(head(11), state, List.of(a0, b0));

    assertFalse(pool.contains(a0.hash()));
    assertFalse(pool.contains(b0.hash()));
    assertFalse(pool.contains(b1.hash()), "bob can no longer pay");
    assertTrue(pool.contains(a1.hash()));
    assertEquals(2, pool.pendingCount());
    assertEquals(OptionalLong.of(3), pool.pendingNonce(alice.address()));
    assertEquals(OptionalLong.empty(), pool.pendingNonce(bob.address()));
  }

  @Test
  void aHeadThatMovesANoncePastQueuedOnesDropsTheStaleAndPromotesTheRest() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    Transaction a0 = transfer(alice, 0, 1);
    Transaction a2 = transfer(alice, 2, 1);
    pool.add(a0);
    pool.add(a2);
    List<Transaction> announced = new CopyOnWriteArrayList<>();
    pool.subscribePending(announced::addAll);
    // Another node's block included alice's nonces 0 and 1 (a1 never reached this pool).
    state.fund(alice.address(), 2, Wei.ofEther(99));
    pool.onNewHead(head(11), state, List.of(a0, transfer(alice, 1, 7)));
    assertEquals(1, pool.pendingCount());
    assertEquals(0, pool.queuedCount());
    assertEquals(List.of(a2), announced);
  }

  @Test
  void concurrentSubmissionsFromManyThreadsAreAllAccountedFor() throws Exception {
    TransactionPool pool = pool();
    int senders = 16;
    int perSender = 50;
    List<List<Transaction>> bySender = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      SecretKey key = funded(s);
      List<Transaction> txs = new ArrayList<>();
      for (int n = perSender - 1; n >= 0; n--) { // highest nonce first: all queued until the end
        txs.add(transfer(key, n, 1 + s % 3));
      }
      bySender.add(txs);
    }
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (List<Transaction> txs : bySender) {
      done.add(
          threads.submit(
              () -> {
                for (int i = 0; i < txs.size(); i += 10) {
                  pool.addAll(txs.subList(i, i + 10));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    threads.shutdown();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(senders * perSender, pool.size());
    assertEquals(senders * perSender, pool.pendingCount());
    for (int s = 0; s < senders; s++) {
      assertEquals(OptionalLong.of(perSender), pool.pendingNonce(key(s).address()));
    }
  }

  @Test
  void aBatchReportsEachTransactionsOutcomeInOrder() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    Transaction ok = transfer(alice, 0, 1);
    List<SubmissionOutcome> outcomes = pool.addAll(List.of(ok, ok, transfer(alice, 1, 1)));
    assertTrue(outcomes.get(0).accepted());
    assertEquals(TransactionError.ALREADY_KNOWN, outcomes.get(1).error().error());
    assertTrue(outcomes.get(2).result().pending());
  }

  @Test
  void aQueuedTransactionWhoseGapNeverClosesExpiresButPendingOnesStay() {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(10_000);
    TransactionPool pool =
        new TransactionPool(
            TxPoolConfig.DEFAULT.withQueuedLifetimeSeconds(3_600), SPEC, head(10), state, now::get);
    SecretKey alice = funded(1);
    Transaction pending = transfer(alice, 0, 1);
    Transaction queued = transfer(alice, 5, 1);
    pool.add(pending);
    pool.add(queued);
    now.addAndGet(3_599);
    pool.onNewHead(head(11), state, List.of());
    assertTrue(pool.contains(queued.hash()));
    now.addAndGet(61); // past the lifetime, and the sweep runs at most once a minute
    pool.onNewHead(head(12), state, List.of());
    assertFalse(pool.contains(queued.hash()));
    assertTrue(pool.contains(pending.hash()));
    assertEquals(1, pool.pendingCount());
    assertEquals(0, pool.queuedCount());
  }

  @Test
  void removingAFailedTransactionQueuesTheSendersLaterOnes() {
    TransactionPool pool = pool();
    SecretKey alice = funded(1);
    Transaction a0 = transfer(alice, 0, 1);
    pool.add(a0);
    pool.add(transfer(alice, 1, 1));
    pool.removeAll(List.of(a0.hash()));
    assertEquals(0, pool.pendingCount());
    assertEquals(1, pool.queuedCount());
  }
}
