package org.distli.node.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.state.StateBackend;
import org.distli.state.StateChanges;
import org.distli.state.StateDatabase;
import org.distli.state.StateDatabaseConfig;
import org.distli.storage.RocksDbConfig;
import org.distli.storage.RocksDbKeyValueStore;
import org.distli.storage.WriteBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code distli bench trie}: the state database on RocksDB. Fills a state with {@code --accounts}
 * accounts, then times blocks that update {@code --block-accounts} random accounts (state root
 * alone, and root plus atomic write) and random reads of the latest state.
 */
@Command(
    name = "trie",
    description = {
      "Benchmark the state trie on RocksDB.",
      "Measures account updates plus commit per second, the state root time of a block touching"
          + " many accounts, and random latest-state reads per second."
    },
    mixinStandardHelpOptions = true)
public final class TrieBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--accounts",
      paramLabel = "<n>",
      description = "Accounts in the state (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000000")
  int accounts;

  @Option(
      names = "--block-accounts",
      paramLabel = "<n>",
      description = "Accounts a benchmark block updates (default: ${DEFAULT-VALUE}).",
      defaultValue = "10000")
  int blockAccounts;

  @Option(
      names = "--blocks",
      paramLabel = "<n>",
      description = "Blocks timed; the median is printed (default: ${DEFAULT-VALUE}).",
      defaultValue = "7")
  int blocks;

  @Option(
      names = "--fill-batch",
      paramLabel = "<n>",
      description = "Accounts created per commit while filling (default: ${DEFAULT-VALUE}).",
      defaultValue = "50000")
  int fillBatch;

  @Option(
      names = "--reads",
      paramLabel = "<n>",
      description = "Random reads per read measurement (default: ${DEFAULT-VALUE}).",
      defaultValue = "2000000")
  int reads;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description = "Reader threads of the parallel read measurement (default: cores).",
      defaultValue = "0")
  int threads;

  @Option(
      names = "--node-cache-mb",
      paramLabel = "<mb>",
      description = "Heap for decoded trie nodes (default: ${DEFAULT-VALUE}).",
      defaultValue = "512")
  long nodeCacheMb;

  @Option(
      names = "--dir",
      paramLabel = "<dir>",
      description = "Database folder (default: a temporary folder, deleted afterwards).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (accounts < blockAccounts || blockAccounts < 1 || blocks < 1 || fillBatch < 1) {
      spec.commandLine()
          .getErr()
          .println("distli bench trie: need accounts >= block-accounts >= 1");
      return 2;
    }
    int readerThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    Path folder = dir != null ? dir : Files.createTempDirectory("distli-bench-trie");
    out.printf(
        "distli bench trie: %,d accounts, blocks of %,d, RocksDB at %s, %d cores%n",
        accounts, blockAccounts, folder, Runtime.getRuntime().availableProcessors());
    out.flush();
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(folder, RocksDbConfig.DEFAULT);
        StateDatabase db =
            StateDatabase.open(
                store, StateDatabaseConfig.DEFAULT.withNodeCacheBytes(nodeCacheMb << 20))) {
      // Fill.
      Hash root = db.head().map(StateDatabase.Head::root).orElse(Hash.EMPTY_TRIE_ROOT);
      long block = db.head().map(h -> h.blockNumber() + 1).orElse(0L);
      long start = System.nanoTime();
      for (int first = 0; first < accounts; first += fillBatch) {
        int count = Math.min(fillBatch, accounts - first);
        Map<Address, StateChanges.AccountUpdate> updates = new HashMap<>(count * 2);
        for (int i = first; i < first + count; i++) {
          updates.put(address(i), update(1, i + 1));
        }
        root = db.commit(root, new StateChanges(updates, Map.of()), block++);
      }
      double fillSeconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "fill:   %,d accounts created in %.1f s = %,.0f account updates+commit/s (commits of %,d)%n",
          accounts, fillSeconds, accounts / fillSeconds, fillBatch);
      out.flush();

      // Blocks touching blockAccounts random accounts of the full state.
      Random random = new Random(1);
      List<Double> rootTimes = new ArrayList<>();
      List<Double> commitTimes = new ArrayList<>();
      List<Double> commitCpu = new ArrayList<>();
      List<Double> writeTimes = new ArrayList<>();
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long nodeReadsBefore = 0;
      for (int b = 0; b < blocks + 1; b++) {
        if (b == 1) {
          nodeReadsBefore = db.nodeReads();
        }
        StateChanges probe = randomBlock(random, b);
        long t0 = System.nanoTime();
        db.at(root).rootAfter(probe);
        long t1 = System.nanoTime();
        StateChanges changes = randomBlock(random, b);
        long c2 = cpu.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        long staged;
        try (WriteBatch batch = store.newBatch()) {
          root = db.commit(root, changes, block++, batch);
          staged = System.nanoTime();
          batch.commit();
        }
        long t3 = System.nanoTime();
        long c3 = cpu.getCurrentThreadCpuTime();
        if (b > 0) { // the first block warms up the JIT
          rootTimes.add((t1 - t0) / 1e6);
          commitTimes.add((t3 - t2) / 1e6);
          commitCpu.add((c3 - c2) / 1e6);
          writeTimes.add((t3 - staged) / 1e6);
        }
      }
      long nodeReadsPerBlock = (db.nodeReads() - nodeReadsBefore) / (2L * blocks);
      double rootMs = median(rootTimes);
      double commitMs = median(commitTimes);
      out.printf(
          "block:  %,d random accounts of %,d, median of %d: state root %.1f ms; root + atomic write %.1f ms = %,.0f account updates+commit/s%n",
          blockAccounts, accounts, blocks, rootMs, commitMs, blockAccounts / commitMs * 1000);
      out.printf(
          "        state root times %s ms%n        commit times %s ms, of which RocksDB batch write %s ms (writer thread CPU %s ms)%n        trie nodes read from RocksDB per block (node cache misses): %,d%n",
          format(rootTimes),
          format(commitTimes),
          format(writeTimes),
          format(commitCpu),
          nodeReadsPerBlock);
      out.flush();

      // Latest-state reads.
      StateBackend latest = db.at(root);
      readRate(out, "reads:  flat store + cache, 1 thread", latest, 1);
      readRate(
          out, "reads:  flat store + cache, " + readerThreads + " threads", latest, readerThreads);
    }
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(folder, RocksDbConfig.DEFAULT);
        StateDatabase db =
            StateDatabase.open(store, StateDatabaseConfig.DEFAULT.withFlatCacheEntries(0))) {
      StateBackend latest = db.at(db.head().orElseThrow().root());
      readRate(out, "reads:  flat store only (RocksDB), 1 thread", latest, 1);
      readRate(
          out,
          "reads:  flat store only (RocksDB), " + readerThreads + " threads",
          latest,
          readerThreads);
    } finally {
      if (dir == null) {
        deleteRecursively(folder);
      }
    }
    return 0;
  }

  private StateChanges randomBlock(Random random, int salt) {
    Map<Address, StateChanges.AccountUpdate> updates = new HashMap<>(blockAccounts * 2);
    while (updates.size() < blockAccounts) {
      updates.put(address(random.nextInt(accounts)), update(2 + salt, random.nextLong(1L << 50)));
    }
    return new StateChanges(updates, Map.of());
  }

  private void readRate(PrintWriter out, String label, StateBackend state, int threadCount)
      throws InterruptedException {
    int perThread = Math.max(1, reads / threadCount);
    AtomicLong found = new AtomicLong();
    // One warm-up pass, then the timed one.
    for (int pass = 0; pass < 2; pass++) {
      List<Thread> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threadCount; t++) {
        long seed = 1000L * pass + t;
        Thread worker =
            Thread.ofPlatform()
                .start(
                    () -> {
                      Random random = new Random(seed);
                      long hits = 0;
                      for (int i = 0; i < perThread; i++) {
                        if (state.account(address(random.nextInt(accounts))) != null) {
                          hits++;
                        }
                      }
                      found.addAndGet(hits);
                    });
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (pass == 1) {
        out.printf(
            "%s: %,.0f reads/s (%,d reads)%n",
            label, (double) perThread * threadCount / seconds, (long) perThread * threadCount);
        out.flush();
      }
    }
    if (found.get() != 2L * perThread * threadCount) {
      throw new IllegalStateException("a read missed an account that exists");
    }
  }

  static Address address(int index) {
    byte[] raw = new byte[Address.SIZE];
    // Spread the accounts over the key space like real addresses, deterministically.
    long mixed = index * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < 8; i++) {
      raw[i] = (byte) (mixed >>> (56 - 8 * i));
    }
    raw[16] = (byte) (index >>> 24);
    raw[17] = (byte) (index >>> 16);
    raw[18] = (byte) (index >>> 8);
    raw[19] = (byte) index;
    return Address.of(raw);
  }

  private static StateChanges.AccountUpdate update(long nonce, long balance) {
    return new StateChanges.AccountUpdate(
        false, nonce, Wei.of(balance), Hash.EMPTY_CODE, false, new TreeMap<UInt256, UInt256>());
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }

  private static String format(List<Double> values) {
    return Arrays.toString(values.stream().map(v -> String.format("%.1f", v)).toArray());
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
