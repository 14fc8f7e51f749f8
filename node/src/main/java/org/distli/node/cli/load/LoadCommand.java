package org.distli.node.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.Keccak256;
import org.distli.crypto.SecretKey;
import org.distli.genesis.DevAccount;
import org.distli.genesis.DevChain;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code distli load}: measures how many transfers a node accepts and confirms per second. Senders
 * (keys derived from a fixed seed) are funded by the dev accounts first; then every transfer is
 * signed before the clock starts, submitted from several connections in JSON-RPC batches, and
 * confirmed by polling new blocks for the submitted hashes.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the transfers per second a running node accepts and confirms.",
      "Signed transfers from many senders are submitted in JSON-RPC batches; prints accepted and"
          + " confirmed tx/s."
    })
public final class LoadCommand implements Callable<Integer> {
  private static final Wei GWEI = Wei.of(1_000_000_000L);

  @Spec CommandSpec spec;

  @Option(
      names = "--rpc-url",
      defaultValue = "http://127.0.0.1:8545",
      description = "JSON-RPC endpoint (default: ${DEFAULT-VALUE}).")
  String rpcUrl;

  @Option(
      names = "--transactions",
      defaultValue = "50000",
      description = "Transfers per run (default: ${DEFAULT-VALUE}).")
  int transactions;

  @Option(
      names = "--senders",
      defaultValue = "200",
      description = "Distinct sending accounts (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(
      names = "--connections",
      defaultValue = "8",
      description = "Concurrent HTTP connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--batch",
      defaultValue = "200",
      description = "Transactions per JSON-RPC batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--runs",
      defaultValue = "1",
      description = "Repeat the measurement and report the median (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--max-fee-gwei",
      defaultValue = "1000",
      description = "Fee cap of each transfer in gwei (default: ${DEFAULT-VALUE}).")
  long maxFeeGwei;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      description = "Seconds to wait for confirmations (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  private PrintWriter out;

  @Override
  public Integer call() throws InterruptedException {
    out = spec.commandLine().getOut();
    if (transactions < 1 || senders < 1 || connections < 1 || batch < 1 || runs < 1) {
      spec.commandLine().getErr().println("distli load: counts must be positive");
      return 2;
    }
    JsonRpcClient rpc;
    try {
      rpc = new JsonRpcClient(rpcUrl);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("distli load: " + e.getMessage());
      return 2;
    }
    try {
      return measure(rpc);
    } catch (IOException | ExecutionException e) {
      out.flush();
      spec.commandLine()
          .getErr()
          .println("distli load: " + rpcUrl + ": " + JsonRpcClient.describe(e));
      return 1;
    }
  }

  private int measure(JsonRpcClient rpc)
      throws IOException, ExecutionException, InterruptedException {
    long chainId = JsonRpcClient.quantity(rpc.call("eth_chainId", "[]"));
    int perSender = (transactions + senders - 1) / senders;
    out.printf(
        "Load: %d transfers per run from %d senders over %d connections in batches of %d, %s (chain %d)%n",
        (long) perSender * senders, senders, connections, batch, rpcUrl, chainId);
    List<SecretKey> keys = senderKeys(senders);
    fund(rpc, chainId, keys, perSender * (long) runs);

    List<Double> accepted = new ArrayList<>();
    List<Double> confirmed = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      RunResult result = run(rpc, chainId, keys, perSender);
      out.printf(
          "Run %d: accepted %d (%d refused) in %.2f s = %.0f tx/s; confirmed %d in %.2f s = %.0f tx/s over %d blocks%n",
          run,
          result.accepted,
          result.refused,
          result.submitSeconds,
          result.accepted / result.submitSeconds,
          result.confirmed,
          result.confirmSeconds,
          result.confirmed / result.confirmSeconds,
          result.blocks);
      if (!result.firstError.isEmpty()) {
        out.println("  first refusal: " + result.firstError);
      }
      out.flush();
      accepted.add(result.accepted / result.submitSeconds);
      confirmed.add(result.confirmed / result.confirmSeconds);
      if (result.confirmed < result.accepted) {
        out.println("  not every accepted transfer was confirmed within " + timeoutSeconds + " s");
        return 1;
      }
    }
    if (runs > 1) {
      out.printf(
          "Median of %d runs: accepted %.0f tx/s, confirmed %.0f tx/s%n",
          runs, median(accepted), median(confirmed));
    }
    return 0;
  }

  /** Keys derived from a fixed seed, so that repeated runs reuse (and top up) the same accounts. */
  static List<SecretKey> senderKeys(int count) {
    List<SecretKey> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(SecretKey.of(Keccak256.digest(("distli load sender " + i).getBytes())));
    }
    return keys;
  }

  private Wei maxFee() {
    return Wei.of(BigInteger.valueOf(maxFeeGwei).multiply(GWEI.toBigInteger()));
  }

  /** Tops every sender up to what {@code transfers} transfers at the fee cap can cost. */
  private void fund(JsonRpcClient rpc, long chainId, List<SecretKey> keys, long transfers)
      throws IOException, InterruptedException {
    BigInteger need =
        BigInteger.valueOf(21_000L)
            .multiply(maxFee().toBigInteger())
            .add(BigInteger.ONE)
            .multiply(BigInteger.valueOf(transfers));
    List<JsonRpcClient.Call> balanceCalls = new ArrayList<>();
    for (SecretKey key : keys) {
      balanceCalls.add(
          new JsonRpcClient.Call("eth_getBalance", "[\"" + key.address() + "\",\"latest\"]"));
    }
    List<JsonRpcClient.Reply> balances = batched(rpc, balanceCalls);
    List<Address> needy = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      BigInteger balance = new BigInteger(balances.get(i).result().asText().substring(2), 16);
      if (balance.compareTo(need) < 0) {
        needy.add(keys.get(i).address());
      }
    }
    if (needy.isEmpty()) {
      return;
    }
    List<DevAccount> funders = DevChain.accounts();
    long[] nonces = new long[funders.size()];
    for (int f = 0; f < funders.size(); f++) {
      nonces[f] =
          JsonRpcClient.quantity(
              rpc.call(
                  "eth_getTransactionCount", "[\"" + funders.get(f).address() + "\",\"pending\"]"));
    }
    Wei amount = Wei.of(need.multiply(BigInteger.TWO));
    Wei fee = Wei.of(BigInteger.valueOf(100).multiply(GWEI.toBigInteger()));
    List<JsonRpcClient.Call> sends = new ArrayList<>();
    Set<Hash> hashes = new HashSet<>();
    for (int i = 0; i < needy.size(); i++) {
      int f = i % funders.size();
      Transaction tx =
          Transaction.builder(TransactionType.DYNAMIC_FEE)
              .chainId(chainId)
              .nonce(nonces[f]++)
              .maxPriorityFeePerGas(GWEI)
              .maxFeePerGas(fee)
              .gasLimit(21_000)
              .to(needy.get(i))
              .value(amount)
              .sign(funders.get(f).key(), chainId);
      hashes.add(tx.hash());
      sends.add(
          new JsonRpcClient.Call(
              "eth_sendRawTransaction", "[\"" + Hex.encode(tx.encoded()) + "\"]"));
    }
    for (JsonRpcClient.Reply reply : batched(rpc, sends)) {
      if (!reply.ok()) {
        throw new IOException("funding transfer refused: " + reply.error());
      }
    }
    out.printf("Funding %d senders from the dev accounts ...%n", needy.size());
    out.flush();
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (!hashes.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "funding transfers were not confirmed within " + timeoutSeconds + " s");
      }
      List<Hash> waiting = new ArrayList<>(hashes);
      List<JsonRpcClient.Call> receipts = new ArrayList<>();
      for (Hash hash : waiting) {
        receipts.add(new JsonRpcClient.Call("eth_getTransactionReceipt", "[\"" + hash + "\"]"));
      }
      List<JsonRpcClient.Reply> replies = batched(rpc, receipts);
      for (int i = 0; i < waiting.size(); i++) {
        JsonNode receipt = replies.get(i).result();
        if (receipt != null && !receipt.isNull()) {
          hashes.remove(waiting.get(i));
        }
      }
      if (!hashes.isEmpty()) {
        Thread.sleep(200);
      }
    }
  }

  private List<JsonRpcClient.Reply> batched(JsonRpcClient rpc, List<JsonRpcClient.Call> calls)
      throws IOException {
    List<JsonRpcClient.Reply> out = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i += 500) {
      out.addAll(rpc.batch(calls.subList(i, Math.min(calls.size(), i + 500))));
    }
    return out;
  }

  private record RunResult(
      long accepted,
      long refused,
      double submitSeconds,
      long confirmed,
      double confirmSeconds,
      int blocks,
      String firstError) {}

  private RunResult run(JsonRpcClient rpc, long chainId, List<SecretKey> keys, int perSender)
      throws IOException, ExecutionException, InterruptedException {
    // Nonces as the node sees them, counting what its pool holds.
    List<JsonRpcClient.Call> nonceCalls = new ArrayList<>();
    for (SecretKey key : keys) {
      nonceCalls.add(
          new JsonRpcClient.Call(
              "eth_getTransactionCount", "[\"" + key.address() + "\",\"pending\"]"));
    }
    List<JsonRpcClient.Reply> nonceReplies = batched(rpc, nonceCalls);
    long[] nonces = new long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      nonces[i] = JsonRpcClient.quantity(nonceReplies.get(i).result());
    }

    long signStart = System.nanoTime();
    Wei maxFee = maxFee();
    String[][] raw = new String[keys.size()][];
    Hash[][] hashes = new Hash[keys.size()][];
    IntStream.range(0, keys.size())
        .parallel()
        .forEach(
            s -> {
              SecretKey key = keys.get(s);
              Address to = keys.get((s + 1) % keys.size()).address();
              raw[s] = new String[perSender];
              hashes[s] = new Hash[perSender];
              for (int n = 0; n < perSender; n++) {
                Transaction tx =
                    Transaction.builder(TransactionType.DYNAMIC_FEE)
                        .chainId(chainId)
                        .nonce(nonces[s] + n)
                        .maxPriorityFeePerGas(GWEI)
                        .maxFeePerGas(maxFee)
                        .gasLimit(21_000)
                        .to(to)
                        .value(Wei.of(1))
                        .sign(key, chainId);
                raw[s][n] = "[\"" + Hex.encode(tx.encoded()) + "\"]";
                hashes[s][n] = tx.hash();
              }
            });
    Set<Hash> pending = ConcurrentHashMap.newKeySet();
    for (Hash[] ofSender : hashes) {
      Collections.addAll(pending, ofSender);
    }
    out.printf(
        "Signed %d transfers in %.1f s%n", pending.size(), (System.nanoTime() - signStart) / 1e9);
    out.flush();

    long startBlock = JsonRpcClient.quantity(rpc.call("eth_blockNumber", "[]"));
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    String[] firstError = {""};
    ExecutorService pool = Executors.newFixedThreadPool(connections + 1);
    BlockWatcher watcher = new BlockWatcher(new JsonRpcClient(rpcUrl), startBlock, pending);
    long start = System.nanoTime();
    double submitSeconds;
    try {
      Future<?> watching = pool.submit(watcher);
      List<Future<?>> submitters = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int connection = c;
        submitters.add(
            pool.submit(
                () -> {
                  JsonRpcClient client = new JsonRpcClient(rpcUrl);
                  List<JsonRpcClient.Call> calls = new ArrayList<>(batch);
                  // Each connection sends its senders' transfers nonce by nonce, round robin.
                  for (int n = 0; n < perSender; n++) {
                    for (int s = connection; s < raw.length; s += connections) {
                      calls.add(new JsonRpcClient.Call("eth_sendRawTransaction", raw[s][n]));
                      if (calls.size() == batch) {
                        send(client, calls, accepted, refused, firstError);
                      }
                    }
                  }
                  if (!calls.isEmpty()) {
                    send(client, calls, accepted, refused, firstError);
                  }
                  return null;
                }));
      }
      for (Future<?> submitter : submitters) {
        submitter.get();
      }
      submitSeconds = (System.nanoTime() - start) / 1e9;
      watcher.expect(accepted.get(), timeoutSeconds);
      watching.get();
    } finally {
      // a failed watcher or submitter leaves no thread behind polling the node
      pool.shutdownNow();
    }
    double confirmSeconds = (watcher.lastConfirmationNanos() - start) / 1e9;
    return new RunResult(
        accepted.get(),
        refused.get(),
        submitSeconds,
        watcher.confirmed(),
        Math.max(confirmSeconds, 1e-9),
        watcher.blocksWithTransactions(),
        firstError[0]);
  }

  private static void send(
      JsonRpcClient client,
      List<JsonRpcClient.Call> calls,
      AtomicLong accepted,
      AtomicLong refused,
      String[] firstError) {
    try {
      for (JsonRpcClient.Reply reply : client.batch(calls)) {
        if (reply.ok()) {
          accepted.incrementAndGet();
        } else {
          refused.incrementAndGet();
          synchronized (firstError) {
            if (firstError[0].isEmpty()) {
              firstError[0] = reply.error();
            }
          }
        }
      }
    } catch (IOException e) {
      refused.addAndGet(calls.size());
      synchronized (firstError) {
        if (firstError[0].isEmpty()) {
          firstError[0] = e.getMessage();
        }
      }
    }
    calls.clear();
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
