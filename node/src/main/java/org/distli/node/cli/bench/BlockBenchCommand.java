package org.distli.node.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.BlockTemplate;
import org.distli.chain.Blockchain;
import org.distli.chain.BuiltBlock;
import org.distli.chain.GenesisBlock;
import org.distli.chain.ImportResult;
import org.distli.chain.block.Block;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.crypto.Keccak256;
import org.distli.crypto.SecretKey;
import org.distli.evm.Fork;
import org.distli.genesis.BaseFeeParameters;
import org.distli.genesis.ChainConfig;
import org.distli.genesis.ForkSchedule;
import org.distli.genesis.Genesis;
import org.distli.genesis.GenesisAccount;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.state.StateDatabase;
import org.distli.state.StateDatabaseConfig;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.storage.RocksDbConfig;
import org.distli.storage.RocksDbKeyValueStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code distli bench blocks}: block import throughput. Builds blocks of signed transactions from
 * many senders (ETH transfers, ERC-20 transfers), then imports them into a fresh chain on RocksDB
 * the way a node imports blocks from the network: decoded from RLP (so every sender is recovered
 * from its signature), fully validated, executed, state root computed and committed with the block.
 */
@Command(
    name = "blocks",
    mixinStandardHelpOptions = true,
    description = {
      "Measure block import of ETH and ERC-20 transfers.",
      "Builds blocks of transfers from many senders, then imports them into a fresh RocksDB chain"
          + " with full validation, sender recovery, state root and commit. Prints transactions/s"
          + " and Mgas/s per run and the median."
    })
public final class BlockBenchCommand implements Callable<Integer> {
  private static final long CHAIN_ID = 1337;
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000e2c20");
  private static final Address COINBASE =
      Address.fromHex("0x000000000000000000000000000000000000c0b5");
  private static final Wei MAX_FEE = Wei.of(100_000_000_000L);
  private static final Wei TIP = Wei.of(1_000_000_000L);
  private static final int IMPORT_WINDOW = 4;

  @Spec CommandSpec spec;

  @Option(names = "--workload", paramLabel = "KIND", description = "eth, erc20 or all (default).")
  String workload = "all";

  @Option(names = "--senders", paramLabel = "N", description = "Distinct senders (default 2000).")
  int senders = 2000;

  @Option(names = "--blocks", paramLabel = "N", description = "Blocks per run (default 20).")
  int blocks = 20;

  @Option(
      names = "--txs-per-block",
      paramLabel = "N",
      description = "Transactions per block (default 1000).")
  int txsPerBlock = 1000;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Measured imports per workload (default 3).")
  int runs = 3;

  @Option(
      names = "--recovery-threads",
      paramLabel = "N",
      description = "Threads recovering senders beside the writer (default: cores - 1).")
  Integer recoveryThreads;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to put the RocksDB databases (default: a temporary folder).")
  Path directory;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> kinds =
        switch (workload) {
          case "all" -> List.of("eth", "erc20");
          case "eth", "erc20" -> List.of(workload);
          default ->
              throw new picocli.CommandLine.ParameterException(
                  spec.commandLine(), "--workload must be eth, erc20 or all");
        };
    Path root =
        directory != null
            ? Files.createDirectories(directory)
            : Files.createTempDirectory("distli-bench");
    try {
      List<SecretKey> keys = keys(senders);
      Genesis genesis = genesis(keys);
      for (String kind : kinds) {
        out.printf(
            "%s: building %d blocks of %d transactions from %d senders...%n",
            kind, blocks, txsPerBlock, senders);
        out.flush();
        List<byte[]> encoded = build(genesis, keys, kind.equals("erc20"));
        long txs = 0;
        long gas = 0;
        for (byte[] rlp : encoded) {
          Block block = Block.decode(Bytes.wrap(rlp));
          txs += block.transactions().size();
          gas += block.header().gasUsed();
        }
        out.printf(
            "%s: %d transactions, %.1f Mgas (%.0f gas per transaction)%n",
            kind, txs, gas / 1e6, (double) gas / txs);
        double[] txRates = new double[runs];
        double[] gasRates = new double[runs];
        double[] idleRates = new double[runs];
        for (int run = 0; run < runs; run++) {
          Path dir = root.resolve(kind + "-" + run);
          Timing timing = importAll(genesis, encoded, dir);
          deleteRecursively(dir);
          txRates[run] = txs / timing.wallSeconds;
          gasRates[run] = gas / timing.wallSeconds / 1e6;
          idleRates[run] = txs / timing.idleTwoCoreSeconds();
          out.printf(
              "%s run %d: %.3f s, %,.0f tx/s, %.1f Mgas/s (CPU s: writer %.3f, helpers %.3f, process %.3f)%n",
              kind,
              run + 1,
              timing.wallSeconds,
              txRates[run],
              gasRates[run],
              timing.writerCpuSeconds,
              timing.helperCpuSeconds,
              timing.processCpuSeconds);
          out.flush();
        }
        out.printf(
            "%s median: %,.0f tx/s, %.1f Mgas/s; from CPU time, two idle cores: %,.0f tx/s%n",
            kind, median(txRates), median(gasRates), median(idleRates));
      }
      return 0;
    } finally {
      if (directory == null) {
        deleteRecursively(root);
      }
    }
  }

  private static List<SecretKey> keys(int count) {
    List<SecretKey> keys = new ArrayList<>(count);
    for (int i = 0; keys.size() < count; i++) {
      byte[] seed =
          Keccak256.digest(
              ("distli bench sender " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      try {
        keys.add(SecretKey.of(seed));
      } catch (IllegalArgumentException notAKey) {
        // a digest outside the curve order: take the next one
      }
    }
    return keys;
  }

  private Genesis genesis(List<SecretKey> keys) {
    long gasLimit = Math.max(30_000_000L, txsPerBlock * 80_000L);
    ChainConfig config =
        new ChainConfig(
                CHAIN_ID, ForkSchedule.allFromGenesis(Fork.CANCUN), BaseFeeParameters.ETHEREUM)
            .withGasLimit(gasLimit);
    Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
    TreeMap<UInt256, UInt256> balances = new TreeMap<>();
    UInt256 tokens = UInt256.valueOf(1_000_000_000_000_000_000L).multiply(1_000_000);
    for (SecretKey key : keys) {
      alloc.put(key.address(), GenesisAccount.funded(Wei.ofEther(1_000)));
      balances.put(Erc20Token.balanceSlot(key.address()), tokens);
    }
    alloc.put(TOKEN, new GenesisAccount(Wei.ZERO, 1, Erc20Token.RUNTIME_CODE, balances));
    return new Genesis(
        config,
        0,
        Bytes.EMPTY,
        gasLimit,
        UInt256.ZERO,
        Hash.ZERO,
        Address.ZERO,
        0,
        java.util.Optional.empty(),
        0,
        0,
        alloc);
  }

  /** Signs the transactions and builds the blocks on an in-memory chain; returns their RLP. */
  private List<byte[]> build(Genesis genesis, List<SecretKey> keys, boolean erc20)
      throws InvalidBlockException {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    StateDatabase state = StateDatabase.open(store, StateDatabaseConfig.DEFAULT);
    Map<Address, Long> nonces = new HashMap<>();
    List<byte[]> encoded = new ArrayList<>();
    try (Blockchain chain = open(genesis, store, state)) {
      int counter = 0;
      for (int b = 0; b < blocks; b++) {
        List<Transaction> txs = new ArrayList<>(txsPerBlock);
        for (int i = 0; i < txsPerBlock; i++, counter++) {
          SecretKey key = keys.get(counter % keys.size());
          long nonce = nonces.merge(key.address(), 1L, Long::sum) - 1;
          Address recipient = recipient(counter);
          Transaction.Builder tx =
              Transaction.builder(TransactionType.DYNAMIC_FEE)
                  .nonce(nonce)
                  .maxFeePerGas(MAX_FEE)
                  .maxPriorityFeePerGas(TIP);
          if (erc20) {
            tx.to(TOKEN)
                .gasLimit(80_000)
                .data(Erc20Token.transferCall(recipient, UInt256.valueOf(1_000 + counter)));
          } else {
            tx.to(recipient).gasLimit(21_000).value(Wei.of(1_000 + counter));
          }
          txs.add(tx.sign(key, CHAIN_ID));
        }
        long parentTime = chain.head().timestamp();
        BuiltBlock built =
            chain.buildBlock(
                new BlockTemplate(
                    parentTime + 1,
                    COINBASE,
                    Hash.ZERO,
                    Bytes.EMPTY,
                    genesis.gasLimit(),
                    List.of(),
                    Hash.ZERO),
                txs);
        if (!built.skipped().isEmpty() || built.block().transactions().size() != txs.size()) {
          throw new IllegalStateException(
              "the benchmark's transactions did not all fit: "
                  + built.skipped().size()
                  + " refused, first: "
                  + (built.skipped().isEmpty()
                      ? "none"
                      : built.skipped().get(0).reason().getMessage()));
        }
        chain.importBlock(built.block());
        encoded.add(built.block().encoded().toArray());
      }
    } finally {
      state.close();
    }
    return encoded;
  }

  private static Address recipient(int index) {
    byte[] digest =
        Keccak256.digest(
            ("distli bench recipient " + index)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return Address.wrapCopy(digest, 12);
  }

  private Blockchain open(
      Genesis genesis, org.distli.storage.KeyValueStore store, StateDatabase state) {
    Blockchain.Builder builder =
        Blockchain.builder(
                ChainSpec.distli(genesis.config(), ChainSpec.SEALED_EXTRA_DATA), store, state)
            .genesis(GenesisBlock.of(genesis, state.at(Hash.EMPTY_TRIE_ROOT)));
    if (recoveryThreads != null) {
      builder.recoveryThreads(recoveryThreads);
    }
    return builder.open();
  }

  /**
   * Wall-clock seconds of an import, and the CPU seconds of the chain writer and of its helpers
   * (sender recovery, roots): on a busy machine the writer's CPU time still tells what an idle one
   * would do, the writer being the critical path.
   */
  private record Timing(
      double wallSeconds,
      double writerCpuSeconds,
      double helperCpuSeconds,
      double processCpuSeconds) {
    /**
     * What two otherwise idle cores would take: the writer's critical path, or all the process's
     * CPU work (helpers, parallel trie hashing, GC) shared by two cores, whichever is longer.
     */
    double idleTwoCoreSeconds() {
      return Math.max(writerCpuSeconds, processCpuSeconds / 2);
    }
  }

  /** Imports the blocks into a fresh RocksDB chain, timing it. */
  private Timing importAll(Genesis genesis, List<byte[]> encoded, Path dir)
      throws InvalidBlockException {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.DEFAULT);
        StateDatabase state = StateDatabase.open(store, StateDatabaseConfig.DEFAULT);
        Blockchain chain = open(genesis, store, state)) {
      System.gc();
      long[] cpuBefore = chainThreadsCpu();
      long processBefore = processCpu();
      long started = System.nanoTime();
      // blocks are handed over a few at a time, as from a file or a syncing peer: sender recovery
      // of
      // the next ones overlaps the writer's work on the current one
      ArrayDeque<CompletableFuture<ImportResult>> inFlight = new ArrayDeque<>();
      for (byte[] rlp : encoded) {
        inFlight.add(chain.submitBlock(Block.decode(Bytes.wrap(rlp))));
        if (inFlight.size() >= IMPORT_WINDOW) {
          await(inFlight.poll());
        }
      }
      while (!inFlight.isEmpty()) {
        await(inFlight.poll());
      }
      long wall = System.nanoTime() - started;
      long[] cpuAfter = chainThreadsCpu();
      long processCpu = processCpu() - processBefore;
      return new Timing(
          wall / 1e9,
          (cpuAfter[0] - cpuBefore[0]) / 1e9,
          (cpuAfter[1] - cpuBefore[1]) / 1e9,
          processCpu / 1e9);
    }
  }

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static void await(CompletableFuture<ImportResult> imported) throws InvalidBlockException {
    try {
      imported.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InvalidBlockException invalid) {
        throw invalid;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** CPU nanoseconds of the chain-writer thread, and of its helpers. */
  private static long[] chainThreadsCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long writer = 0;
    long helpers = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      if (info.getThreadName().equals("chain-writer")) {
        writer += cpu;
      } else if (info.getThreadName().startsWith("sender-recovery-")) {
        helpers += cpu;
      }
    }
    return new long[] {writer, helpers};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
