package org.distli.chain.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;

/**
 * Recovers the senders of a block's transactions ahead of execution, on several threads: signature
 * recovery is the largest fixed cost per transaction and independent between transactions. Each
 * transaction caches its sender, so execution later finds it ready. Invalid signatures are left for
 * execution to report in order.
 */
public final class SenderRecovery {
  private static final int MIN_CHUNK = 64;

  private final ExecutorService executor;
  private final int parallelism;

  /**
   * @param executor threads that recover in parallel with the caller
   * @param parallelism how many chunks to split a block into (the caller takes one)
   */
  public SenderRecovery(ExecutorService executor, int parallelism) {
    this.executor = executor;
    this.parallelism = Math.max(1, parallelism);
  }

  /** Recovers every sender not yet known; returns when all are done. */
  public void recover(List<Transaction> transactions) {
    int count = transactions.size();
    int chunks = Math.min(parallelism, Math.max(1, count / MIN_CHUNK));
    if (chunks <= 1 || executor == null) {
      recoverRange(transactions, 0, count);
      return;
    }
    int chunkSize = (count + chunks - 1) / chunks;
    List<Future<?>> futures = new ArrayList<>(chunks - 1);
    for (int c = 1; c < chunks; c++) {
      int from = c * chunkSize;
      int to = Math.min(count, from + chunkSize);
      futures.add(executor.submit(() -> recoverRange(transactions, from, to)));
    }
    recoverRange(transactions, 0, Math.min(count, chunkSize));
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

  private static void recoverRange(List<Transaction> transactions, int from, int to) {
    for (int i = from; i < to; i++) {
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
