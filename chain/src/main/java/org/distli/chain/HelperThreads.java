package org.distli.chain;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.distli.chain.execution.SenderRecovery;

/**
 * The threads beside the writer ("sender-recovery-N", cores - 1) for the work of a block that needs
 * no state: sender recovery, the transactions root, the receipts root. Work is stolen rather than
 * waited for: a result the writer needs before a helper started it is computed by the writer
 * itself, so the writer never queues behind helper work.
 */
final class HelperThreads implements AutoCloseable {
  /** A value computed on a helper thread, or by whoever asks for it first. */
  @FunctionalInterface
  interface Background<T> {
    T get();
  }

  private final ExecutorService threads;
  private final SenderRecovery senderRecovery;

  /**
   * @param count helper threads; 0 for none (everything runs on the writer)
   */
  HelperThreads(int count) {
    int threadCount = Math.max(0, count);
    AtomicInteger counter = new AtomicInteger();
    this.threads =
        threadCount == 0
            ? null
            : Executors.newFixedThreadPool(
                threadCount,
                r -> {
                  Thread t = new Thread(r, "sender-recovery-" + counter.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
    this.senderRecovery = new SenderRecovery(threads, threadCount);
  }

  SenderRecovery senderRecovery() {
    return senderRecovery;
  }

  /**
   * Runs {@code task} on a helper thread, or on the thread that asks for the result if no helper
   * has started it by then.
   */
  <T> Background<T> background(Callable<T> task) {
    StealableTask<T> stealable = new StealableTask<>(task);
    if (threads != null) {
      threads.execute(stealable::runIfUnclaimed);
    }
    return stealable::get;
  }

  @Override
  public void close() {
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  /** A task run once, by a helper or by whoever needs its result first. */
  private static final class StealableTask<T> {
    private final Callable<T> task;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    StealableTask(Callable<T> task) {
      this.task = task;
    }

    void runIfUnclaimed() {
      if (claimed.compareAndSet(false, true)) {
        try {
          result.complete(task.call());
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      }
    }

    T get() {
      runIfUnclaimed();
      try {
        return result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(e.getCause());
      }
    }
  }
}
