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
 * recovery is the largest fixed cost per transaction and independent between transactions. A {@link
 * Job} can start as soon as a block arrives, on the helper threads, and the chain writer joins it
 * when it gets to the block: everyone takes small slices from one shared counter, so no transaction
 * is recovered twice and a helper that starts late simply takes fewer. Each transaction caches its
 * sender, so execution finds it ready. Invalid signatures are left for execution to report in
 * order.
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

  /** Starts recovering on the helper threads; {@link Job#finish} completes it. */
  public Job start(List<Transaction> transactions) {
    Job job = new Job(transactions);
    int tasks = Math.min(helpers, transactions.size() / (2 * SLICE));
    for (int i = 0; i < tasks; i++) {
      job.helpers.add(executor.submit(job::work));
    }
    return job;
  }

  /** Recovers every sender not yet known, with the helpers; returns when all are done. */
  public void recover(List<Transaction> transactions) {
    start(transactions).finish();
  }

  /** The recovery of one block's senders. */
  public static final class Job {
    private final List<Transaction> transactions;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Future<?>> helpers = new ArrayList<>(2);

    private Job(List<Transaction> transactions) {
      this.transactions = transactions;
    }

    /** Works on what is left, then waits for the helpers' slices in progress. */
    public void finish() {
      work();
      for (Future<?> future : helpers) {
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

    private void work() {
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
}
