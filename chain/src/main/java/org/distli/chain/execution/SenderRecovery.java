package org.distli.chain.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;

/**
 * Recovers the senders of a block's transactions ahead of execution, on several threads: signature
 * recovery is the largest fixed cost per transaction and independent between transactions. The
 * caller and the helper threads take small slices from a shared counter, so a helper that starts
 * late (busy with other work) just takes fewer. Each transaction caches its sender, so execution
 * later finds it ready. Invalid signatures are left for execution to report in order.
 */
public final class SenderRecovery {
  private static final int SLICE = 16;

  private final ExecutorService executor;
  private final int helpers;

  /**
   * @param executor threads that recover beside the caller; null for none
   * @param helpers how many helper tasks to start per block
   */
  public SenderRecovery(ExecutorService executor, int helpers) {
    this.executor = executor;
    this.helpers = executor == null ? 0 : Math.max(0, helpers);
  }

  /** Recovers every sender not yet known; returns when all are done. */
  public void recover(List<Transaction> transactions) {
    int count = transactions.size();
    AtomicInteger next = new AtomicInteger();
    int tasks = Math.min(helpers, count / (2 * SLICE));
    List<Future<?>> futures = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      futures.add(executor.submit(() -> work(transactions, next)));
    }
    work(transactions, next);
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        throw new IllegalStateException("sender recovery failed", e.getCause());
      }
    }
  }

  private static void work(List<Transaction> transactions, AtomicInteger next) {
    int count = transactions.size();
    for (int start = next.getAndAdd(SLICE); start < count; start = next.getAndAdd(SLICE)) {
      int end = Math.min(count, start + SLICE);
      for (int i = start; i < end; i++) {
        Transaction tx = transactions.get(i);
        if (!tx.isSenderRecovered()) {
          try {
            tx.sender();
          } catch (InvalidTransactionException invalid) {
            // reported when the transaction is validated in order
          }
        }
      }
    }
  }
}
