package org.distli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.distli.primitives.Hash;
import org.distli.storage.RocksDbConfig;
import org.distli.storage.RocksDbKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process (kill -9) at random moments in the middle of its commits, then reopens the
 * database and checks that it holds exactly the state of a block the writer committed, in the flat
 * store and in the trie, with its history window readable. Rounds: system property {@code
 * distli.crashRounds} (default 3).
 */
class CrashRecoveryTest {
  @TempDir Path dir;

  @Test
  void killedWriterReopensAtItsLastCommittedBlock() throws Exception {
    int rounds = Integer.getInteger("distli.crashRounds", 3);
    Random random = new Random();
    Path db = dir.resolve("state");
    long lastSeen = -1;
    for (int round = 0; round < rounds; round++) {
      Process writer = startWriter(db);
      long committed = -1;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("ready "), "writer did not start: " + ready);
        assertEquals(lastSeen + 1, Long.parseLong(ready.substring(6)), "resumes after its head");
        int commitsBeforeKill = 1 + random.nextInt(6);
        for (int i = 0; i < commitsBeforeKill; i++) {
          String line = out.readLine();
          assertTrue(line != null && line.startsWith("committed "), "writer stopped: " + line);
          committed = Long.parseLong(line.substring(10));
        }
        Thread.sleep(random.nextInt(40));
        // SIGKILL through the handle: unlike Process.destroyForcibly it leaves the pipe readable.
        writer.toHandle().destroyForcibly();
        writer.waitFor(30, TimeUnit.SECONDS);
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("committed ")) {
            committed = Long.parseLong(line.substring(10));
          }
        }
      } finally {
        writer.destroyForcibly();
      }
      lastSeen = checkReopened(db, committed);
      System.out.println(
          "round " + round + ": killed after block " + committed + ", reopened at " + lastSeen);
    }
  }

  /** Checks the reopened state against the model; returns its head block. */
  private static long checkReopened(Path dir, long lastReported) {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.DEFAULT);
        StateDatabase db =
            StateDatabase.open(
                store, StateDatabaseConfig.DEFAULT.withHistoryBlocks(CrashingWriter.HISTORY))) {
      StateDatabase.Head head = db.head().orElseThrow();
      long h = head.blockNumber();
      // A commit may land after its last report was printed, never before.
      assertTrue(
          h == lastReported || h == lastReported + 1,
          "reopened at block " + h + " after the writer reported " + lastReported);
      RandomBlocks model =
          new RandomBlocks(CrashingWriter.SEED, CrashingWriter.POOL, CrashingWriter.PER_BLOCK);
      List<Hash> expectedRoots = new ArrayList<>();
      List<RandomBlocks> snapshots = new ArrayList<>();
      for (long n = 0; n <= h; n++) {
        model.next(n);
        if (n >= h - 1) {
          expectedRoots.add(model.expectedRoot());
        }
      }
      assertEquals(expectedRoots.get(expectedRoots.size() - 1), head.root());
      model.assertMatches(db.at(head.root()));
      model.assertMatches(new TrieStateBackend(db, head.root()));
      if (h >= 1) {
        assertTrue(db.isAvailable(expectedRoots.get(0)), "the previous block stays readable");
        db.at(expectedRoots.get(0)).account(RandomBlocks.address(0));
      }
      snapshots.clear();
      return h;
    }
  }

  private static Process startWriter(Path dir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashingWriter.class.getName());
    command.add(dir.toString());
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
