package org.distli.chain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.distli.chain.validation.InvalidBlockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that mutates the chain ("chain-writer"): tasks run one at a time in submission
 * order, so imports, builds and marker moves need no locks. A task submitted from the writer itself
 * (a listener calling back into the chain) runs at once instead of waiting behind itself.
 */
final class ChainWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainWriter.class);

  /** A writer task that may refuse a block. */
  @FunctionalInterface
  interface Task<T> {
    T run() throws InvalidBlockException;
  }

  private final ExecutorService thread;
  private volatile Thread writerThread;

  ChainWriter() {
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "chain-writer");
              t.setDaemon(true);
              writerThread = t;
              return t;
            });
  }

  /** Runs {@code task} on the writer; the future fails with what the task threw. */
  <T> CompletableFuture<T> submit(Task<T> task) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (Thread.currentThread() == writerThread) {
      complete(future, task);
      return future;
    }
    thread.execute(() -> complete(future, task));
    return future;
  }

  /**
   * Runs {@code task} on the writer and waits for it.
   *
   * @throws InvalidBlockException what the task threw
   */
  <T> T call(Task<T> task) throws InvalidBlockException {
    return await(submit(task));
  }

  /**
   * Like {@link #call} for a task that refuses no block: an InvalidBlockException (a pruned parent
   * state while building) becomes an IllegalStateException.
   */
  <T> T callUnchecked(Task<T> task) {
    try {
      return call(task);
    } catch (InvalidBlockException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static <T> void complete(CompletableFuture<T> future, Task<T> task) {
    try {
      future.complete(task.run());
    } catch (Throwable t) {
      future.completeExceptionally(t);
    }
  }

  /**
   * Waits for a writer future, rethrowing what its task threw.
   *
   * @throws InvalidBlockException when the task refused a block
   */
  static <T> T await(CompletableFuture<T> future) throws InvalidBlockException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidBlockException invalid) {
        throw invalid;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new CompletionException(cause);
    }
  }

  /** Stops after the tasks already submitted (waiting up to 30 s). */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the chain writer did not finish within 30s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
