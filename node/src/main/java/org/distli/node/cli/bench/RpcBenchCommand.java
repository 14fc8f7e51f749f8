package org.distli.node.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code distli bench rpc}: JSON-RPC throughput of a running node for eth_blockNumber,
 * eth_getBalance and eth_call, with a fixed number of connections each keeping one request in
 * flight; prints requests per second and latency percentiles per run, then the median run.
 */
@Command(
    name = "rpc",
    mixinStandardHelpOptions = true,
    description = {
      "Measure JSON-RPC requests per second and p99 latency of a running node.",
      "Start one first (./distli --dev); eth_call targets a small contract that the tool deploys"
          + " from the node's first unlocked account unless --call-to is given."
    })
public final class RpcBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A contract whose call reads one storage slot keyed by the address argument, like an ERC-20
   * balanceOf: init code (copy 25 bytes of runtime and return them) followed by the runtime code.
   */
  static final String BALANCE_OF_CONTRACT =
      "0x601980600b6000396000f3" + "600435600052600060205260406000205460005260206000f3";

  /** balanceOf(address) selector (irrelevant to the contract above, realistic on the wire). */
  private static final String BALANCE_OF_SELECTOR = "0x70a08231";

  @Option(names = "--url", description = "The node's HTTP JSON-RPC URL (default ${DEFAULT-VALUE}).")
  URI url = URI.create("http://127.0.0.1:8545");

  @Option(
      names = "--connections",
      description = "Concurrent connections (default ${DEFAULT-VALUE}).")
  int connections = 32;

  @Option(
      names = "--duration",
      description = "Measured seconds per run (default ${DEFAULT-VALUE}).")
  double duration = 10;

  @Option(
      names = "--warmup",
      description = "Unmeasured seconds before each run (default ${DEFAULT-VALUE}).")
  double warmup = 5;

  @Option(
      names = "--runs",
      description = "Runs per method; the median is reported (default ${DEFAULT-VALUE}).")
  int runs = 3;

  @Option(
      names = "--methods",
      split = ",",
      description = "Methods to measure (default ${DEFAULT-VALUE}).")
  List<String> methods = List.of("eth_blockNumber", "eth_getBalance", "eth_call");

  @Option(
      names = "--client-threads",
      description = "Event loops of the load generator (default ${DEFAULT-VALUE}).")
  int clientThreads = 1;

  @Option(names = "--account", description = "Address for eth_getBalance and the call argument.")
  String account;

  @Option(names = "--call-to", description = "Contract for eth_call instead of deploying one.")
  String callTo;

  @Option(names = "--call-data", description = "Call data for --call-to.")
  String callData;

  @Override
  public Integer call() throws Exception {
    try (RpcLoad load = new RpcLoad(url, connections, clientThreads)) {
      String chainId = result(load, "eth_chainId", "[]").asText();
      String address = account != null ? account : firstAccount(load);
      System.out.printf(
          "JSON-RPC load on %s (chain %s): %d connections, %d run(s) of %.0f s after %.0f s"
              + " warm-up%n",
          url, chainId, connections, runs, duration, warmup);
      System.out.printf(
          "%-18s %12s %9s %9s %9s %8s%n",
          "method", "requests/s", "p50 ms", "p99 ms", "max ms", "errors");
      for (String method : methods) {
        String body = requestBody(load, method, address);
        List<LatencyStats> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          LatencyStats stats = load.run(method, body, warmup, duration);
          results.add(stats);
          print("  run " + (run + 1), stats);
        }
        results.sort(Comparator.comparingDouble(LatencyStats::requestsPerSecond));
        print(method, results.get(results.size() / 2));
      }
    }
    return 0;
  }

  private static void print(String label, LatencyStats stats) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-18s %,12.0f %9.2f %9.2f %9.2f %8d",
            label,
            stats.requestsPerSecond(),
            stats.percentileMillis(50),
            stats.percentileMillis(99),
            stats.latencies().getMaxValue() / 1_000_000.0,
            stats.errors()));
  }

  private String requestBody(RpcLoad load, String method, String address) throws Exception {
    return switch (method) {
      case "eth_blockNumber" -> request(method, "[]");
      case "eth_getBalance" -> request(method, "[\"" + address + "\",\"latest\"]");
      case "eth_call" -> {
        String to = callTo != null ? callTo : deployContract(load, address);
        String data =
            callData != null
                ? callData
                : BALANCE_OF_SELECTOR + "000000000000000000000000" + address.substring(2);
        // Check once that the call works, so that a broken setup is not measured as errors.
        result(load, "eth_call", "[{\"to\":\"" + to + "\",\"data\":\"" + data + "\"},\"latest\"]");
        yield request(method, "[{\"to\":\"" + to + "\",\"data\":\"" + data + "\"},\"latest\"]");
      }
      default -> request(method, "[]");
    };
  }

  private static String request(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private static String firstAccount(RpcLoad load) throws Exception {
    JsonNode accounts = result(load, "eth_accounts", "[]");
    if (accounts.isEmpty()) {
      throw new IllegalStateException(
          "the node has no unlocked accounts; pass --account (and --call-to for eth_call)");
    }
    return accounts.get(0).asText();
  }

  private static String deployContract(RpcLoad load, String from) throws Exception {
    String hash =
        result(
                load,
                "eth_sendTransaction",
                "[{\"from\":\""
                    + from
                    + "\",\"data\":\""
                    + BALANCE_OF_CONTRACT
                    + "\",\"gas\":\"0x30000\"}]")
            .asText();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode receipt = result(load, "eth_getTransactionReceipt", "[\"" + hash + "\"]");
      if (!receipt.isNull()) {
        if (!"0x1".equals(receipt.path("status").asText())) {
          throw new IllegalStateException("deploying the benchmark contract failed: " + receipt);
        }
        return receipt.get("contractAddress").asText();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the benchmark contract was not mined within 60 s");
  }

  private static JsonNode result(RpcLoad load, String method, String params) throws Exception {
    JsonNode reply = JSON.readTree(load.call(request(method, params)));
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.get("result");
  }
}
