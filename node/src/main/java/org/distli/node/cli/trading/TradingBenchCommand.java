package org.distli.node.cli.trading;

import java.util.concurrent.Callable;
import org.distli.trading.sandbox.TradingGasBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code distli trading bench}: the gas of placing, matching and cancelling orders, measured by
 * running the order book in Distli's EVM in memory.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Prints the gas per resting order, per matched trade and per cancel, measured by running"
            + " the order book's bytecode in Distli's EVM (in memory, no node needed).")
public final class TradingBenchCommand implements Callable<Integer> {

  @Option(
      names = "--repetitions",
      defaultValue = "100",
      description = "Transactions per measurement (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Override
  public Integer call() {
    if (repetitions < 1) {
      System.err.println("distli trading bench: --repetitions must be at least 1");
      return 2;
    }
    TradingGasBenchmark.print(new TradingGasBenchmark(repetitions).run(), System.out);
    return 0;
  }
}
