package org.distli.node.cli.trading;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.distli.genesis.DevAccount;
import org.distli.genesis.DevChain;
import org.distli.primitives.Address;
import org.distli.trading.TradingPredeploys;
import org.distli.trading.load.NodeOrderLoad;
import org.distli.trading.sandbox.TradingGasBenchmark;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code distli trading bench}: the gas of placing, matching and cancelling orders (the order book
 * run in Distli's EVM in memory) and, with {@code --rpc}, the sustained orders per second a running
 * dev chain executes.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the order book's gas per order, trade and cancel.",
      "Prints the gas per resting order, per matched trade and per cancel, measured by running the"
          + " order book in Distli's EVM in memory. With --rpc, then sends orders from the dev"
          + " accounts to a running dev chain and prints the sustained orders per second."
    })
public final class TradingBenchCommand implements Callable<Integer> {

  @Option(
      names = "--repetitions",
      defaultValue = "100",
      description = "Transactions per gas measurement (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--rpc",
      description =
          "JSON-RPC endpoint of a dev chain to load with orders (e.g. http://127.0.0.1:8545).")
  String rpc;

  @Option(
      names = "--duration",
      defaultValue = "30",
      description = "Seconds of load through the node (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  @Option(
      names = "--traders",
      defaultValue = "8",
      description = "Dev accounts sending orders in parallel, 1 to 19 (default: ${DEFAULT-VALUE}).")
  int traders;

  @Option(
      names = "--batch",
      defaultValue = "20",
      description =
          "Orders each trader sends before waiting for them to be mined (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--order-book",
      description = "The order book's address (default: the dev chain's predeploy).")
  String orderBook;

  @Option(
      names = "--asset",
      description = "The base token of a market quoted in the native coin (default: ALPHA).")
  String asset;

  @Override
  public Integer call() throws Exception {
    if (repetitions < 1
        || durationSeconds < 1
        || batch < 2
        || traders < 1
        || traders >= DevChain.ACCOUNT_COUNT) {
      System.err.println(
          "distli trading bench: need --repetitions >= 1, --duration >= 1, --batch >= 2 and --traders from 1 to "
              + (DevChain.ACCOUNT_COUNT - 1));
      return 2;
    }
    System.out.println(
        "Gas, measured in Distli's EVM (whole transactions, median of " + repetitions + "):");
    TradingGasBenchmark.print(new TradingGasBenchmark(repetitions).run(), System.out);
    if (rpc == null) {
      return 0;
    }
    System.out.println();
    System.out.println("Orders through the node at " + rpc + ":");
    // Dev account 0 deploys and owns things in examples; the load uses accounts 1..traders.
    List<Credentials> keys =
        DevChain.accounts().subList(1, traders + 1).stream()
            .map(DevAccount::key)
            .map(key -> Credentials.create(key.toHexUnsafe()))
            .toList();
    Web3j web3j = Web3j.build(new HttpService(rpc));
    try {
      NodeOrderLoad load =
          new NodeOrderLoad(
              web3j,
              keys,
              orderBook == null ? TradingPredeploys.ORDER_BOOK : Address.fromHex(orderBook),
              asset == null ? TradingPredeploys.ALPHA : Address.fromHex(asset),
              System.out);
      NodeOrderLoad.print(load.run(Duration.ofSeconds(durationSeconds), batch), System.out);
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("distli trading bench: cannot reach " + rpc + ": " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      System.err.println("distli trading bench: " + e.getMessage());
      return 1;
    } finally {
      web3j.shutdown();
    }
  }
}
