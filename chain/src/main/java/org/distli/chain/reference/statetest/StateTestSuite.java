package org.distli.chain.reference.statetest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.distli.evm.Fork;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.tracing.Tracer;

/**
 * Runs every state test under a set of files and folders: what {@code distli evm state-test} and
 * the conformance test suite do.
 */
public final class StateTestSuite {
  private final StateTestRunner runner;

  public StateTestSuite() {
    this.runner = new StateTestRunner(new TransactionProcessor());
  }

  /** Totals, and the failed cases in file order. */
  public record Summary(int passed, int failed, List<StateTestRunner.CaseResult> failures) {}

  /** The {@code .json} files under the given files and folders, sorted by path. */
  public static List<Path> files(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** Runs the tests of one file. Unreadable files count as one failed case. */
  public List<StateTestRunner.CaseResult> runFile(Path file, Fork onlyFork, Tracer tracer) {
    List<StateTest> tests;
    try {
      tests = StateTestParser.parse(file);
    } catch (IOException | RuntimeException e) {
      return List.of(
          new StateTestRunner.CaseResult(
              file.toString(), "-", -1, -1, -1, false, null, null, "unreadable: " + e, 0));
    }
    List<StateTestRunner.CaseResult> results = new ArrayList<>();
    for (StateTest test : tests) {
      try {
        results.addAll(runner.run(test, onlyFork, tracer));
      } catch (RuntimeException e) {
        results.add(
            new StateTestRunner.CaseResult(
                test.name(), "-", -1, -1, -1, false, null, null, "crashed: " + e, 0));
      }
    }
    return results;
  }

  /** Submits every file, largest first; the futures are in file order. */
  public List<Future<List<StateTestRunner.CaseResult>>> submitLargestFirst(
      ExecutorService pool, List<Path> files, Fork onlyFork) {
    List<Integer> order = new ArrayList<>();
    long[] sizes = new long[files.size()];
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
      try {
        sizes[i] = Files.size(files.get(i));
      } catch (IOException e) {
        sizes[i] = 0;
      }
    }
    order.sort((a, b) -> Long.compare(sizes[b], sizes[a]));
    List<Future<List<StateTestRunner.CaseResult>>> futures = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      futures.add(null);
    }
    for (int i : order) {
      Path file = files.get(i);
      futures.set(i, pool.submit(() -> runFile(file, onlyFork, null)));
    }
    return futures;
  }

  /**
   * Runs every file, on {@code threads} threads (1 with a tracer, so that traces do not
   * interleave), reporting each failure to {@code onFailure} in file order.
   */
  public Summary run(
      List<Path> paths,
      Fork onlyFork,
      Tracer tracer,
      int threads,
      Consumer<StateTestRunner.CaseResult> onFailure) {
    List<Path> files = files(paths);
    List<StateTestRunner.CaseResult> failures = new ArrayList<>();
    int passed = 0;
    int failed = 0;
    if (tracer != null || threads <= 1) {
      for (Path file : files) {
        for (StateTestRunner.CaseResult result : runFile(file, onlyFork, tracer)) {
          if (result.passed()) {
            passed++;
          } else {
            failed++;
            failures.add(result);
            onFailure.accept(result);
          }
        }
      }
      return new Summary(passed, failed, failures);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // Largest files first, so that a long one does not run alone at the end; results are still
      // reported in file order.
      List<Future<List<StateTestRunner.CaseResult>>> pending =
          submitLargestFirst(pool, files, onlyFork);
      for (Future<List<StateTestRunner.CaseResult>> future : pending) {
        for (StateTestRunner.CaseResult result : future.get()) {
          if (result.passed()) {
            passed++;
          } else {
            failed++;
            failures.add(result);
            onFailure.accept(result);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Summary(passed, failed, failures);
  }
}
