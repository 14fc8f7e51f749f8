package org.distli.rpc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that execute calls, so that event loops only parse HTTP and move bytes. A bounded
 * queue: when it is full the server answers "busy" instead of piling up work without limit.
 */
final class WorkerPool {
  private final ThreadPoolExecutor executor;

  WorkerPool(int threads, int queueCapacity) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "rpc-worker-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            factory,
            new ThreadPoolExecutor.AbortPolicy());
    executor.prestartAllCoreThreads();
  }

  /** Queues {@code task}; false when the queue is full. */
  boolean submit(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException busy) {
      return false;
    }
  }

  void shutdown() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
