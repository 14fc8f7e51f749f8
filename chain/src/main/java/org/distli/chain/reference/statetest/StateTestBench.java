package org.distli.chain.reference.statetest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.Fork;
import org.distli.evm.InvalidTransactionException;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateBackend;

/**
 * Measures interpreter speed on benchmark programs written as state tests: each case's transaction
 * runs repeatedly on a fresh world state over the same pre-state, first for a warm-up period, then
 * for a number of measured runs whose median is reported. The first run's post-state root is
 * checked against the test's, so that a fast wrong answer does not pass.
 *
 * <p>Besides wall-clock time it measures the thread's CPU time, which other processes on a busy
 * machine disturb much less.
 */
public final class StateTestBench {
  private final TransactionProcessor processor = new TransactionProcessor();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long warmupMillis;
  private final int runs;

  public StateTestBench(long warmupMillis, int runs) {
    this.warmupMillis = warmupMillis;
    this.runs = runs;
  }

  /** One program's figures; {@code error} says why it could not be measured or was wrong. */
  public record Measurement(
      String name,
      String fork,
      long gasUsed,
      double medianMillis,
      double mgasPerSecond,
      double cpuMgasPerSecond,
      String error) {

    public String format() {
      if (error != null && gasUsed == 0) {
        return "%-32s %-9s %s".formatted(name, fork, "error: " + error);
      }
      return "%-32s %-9s %12d %12.3f %10.1f %10.1f%s"
          .formatted(
              name,
              fork,
              gasUsed,
              medianMillis,
              mgasPerSecond,
              cpuMgasPerSecond,
              error == null ? "" : "  " + error);
    }
  }

  public static String header() {
    return "%-32s %-9s %12s %12s %10s %10s"
        .formatted("program", "fork", "gas used", "median ms", "Mgas/s", "cpu Mgas/s");
  }

  /** Measures every case of every test in the file. */
  public List<Measurement> run(Path file) {
    List<StateTest> tests;
    try {
      tests = StateTestParser.parse(file);
    } catch (IOException | RuntimeException e) {
      return List.of(new Measurement(file.toString(), "-", 0, 0, 0, 0, "unreadable: " + e));
    }
    List<Measurement> results = new ArrayList<>();
    for (StateTest test : tests) {
      Map.Entry<String, List<StateTest.Expectation>> post =
          test.post().entrySet().iterator().next();
      for (StateTest.Expectation expected : post.getValue()) {
        results.add(measure(test, post.getKey(), expected));
      }
    }
    return results;
  }

  /** Measures one case of a test, named "test/label" when the test has several inputs. */
  private Measurement measure(StateTest test, String forkName, StateTest.Expectation expected) {
    Fork fork = Fork.parse(forkName);
    String label = test.dataLabels().get(expected.dataIndex());
    String name =
        test.post().values().iterator().next().size() > 1
            ? test.name() + "/" + (label != null ? label : "d" + expected.dataIndex())
            : test.name();
    StateTestRunner.CaseResult check =
        new StateTestRunner(processor)
            .runCase(test, StateTestRunner.prepare(test), forkName, fork, expected, null);
    String error = check.passed() ? null : "post-state mismatch: " + check.describe();

    StateTestRunner.Prepared prepared = StateTestRunner.prepare(test);
    StateBackend base = prepared.database().at(prepared.root());
    BlockContext block = StateTestRunner.blockContext(test.env(), fork);
    EvmTransaction tx = StateTestRunner.transaction(test.transaction(), expected);
    try {
      long gasUsed = 0;
      long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
      int warmupRuns = 0;
      while (warmupRuns < 2 || System.nanoTime() < warmupEnd) {
        gasUsed = runOnce(base, block, tx).gasUsed();
        warmupRuns++;
      }
      long[] times = new long[runs];
      long[] cpuTimes = new long[runs];
      for (int i = 0; i < runs; i++) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        runOnce(base, block, tx);
        times[i] = System.nanoTime() - start;
        cpuTimes[i] = threads.getCurrentThreadCpuTime() - cpuStart;
      }
      double medianNanos = median(times);
      double medianCpuNanos = median(cpuTimes);
      return new Measurement(
          name,
          forkName,
          gasUsed,
          medianNanos / 1e6,
          gasUsed / (medianNanos / 1e9) / 1e6,
          gasUsed / (medianCpuNanos / 1e9) / 1e6,
          error);
    } catch (InvalidTransactionException e) {
      return new Measurement(name, forkName, 0, 0, 0, 0, "invalid transaction: " + e.getMessage());
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private TransactionResult runOnce(StateBackend base, BlockContext block, EvmTransaction tx)
      throws InvalidTransactionException {
    return processor.process(new JournaledWorldState(base), block, tx);
  }
}
