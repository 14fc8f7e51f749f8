package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ethers v6 against the dev node (node/src/test/js/ethers-client.mjs): transfers, a token deployed
 * and used through its ABI, batched calls, custom errors and revert reasons, signing by unlocked
 * accounts and WebSocket subscriptions. Runs when Node.js and npm are installed, and is skipped
 * with a message otherwise.
 */
class EthersClientIT {
  private static final Path SCRIPTS = Path.of("src/test/js");

  @TempDir Path work;

  @Test
  void ethersDrivesTheDevNode() throws Exception {
    Assumptions.assumeTrue(
        runs("node", "--version") && runs("npm", "--version"),
        "Node.js and npm are not installed: skipping the ethers end-to-end test");
    Process install =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(SCRIPTS.toFile())
            .redirectErrorStream(true)
            .start();
    String installed = read(install, 300);
    assertEquals(0, install.exitValue(), "npm ci failed:\n" + installed);

    Path artifact = work.resolve("DemoToken.json");
    try (InputStream in =
        getClass().getResourceAsStream("/org/distli/trading/contracts/DemoToken.json")) {
      Files.copy(in, artifact);
    }
    try (NodeProcess node = NodeProcess.dev(work.resolve("node")).start()) {
      Process script =
          new ProcessBuilder(
                  "node",
                  "ethers-client.mjs",
                  node.rpcUrl(),
                  node.wsUrl(),
                  artifact.toAbsolutePath().toString())
              .directory(SCRIPTS.toFile())
              .redirectErrorStream(true)
              .start();
      String output = read(script, 300);
      assertEquals(0, script.exitValue(), "ethers checks failed:\n" + output);
      assertTrue(output.contains("ethers: all checks passed"), output);
    }
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The process's output once it exits; killed after {@code timeoutSeconds}. */
  private static String read(Process process, int timeoutSeconds) throws Exception {
    java.util.concurrent.CompletableFuture<byte[]> output =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.getInputStream().readAllBytes();
              } catch (IOException e) {
                return new byte[0];
              }
            });
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out after " + timeoutSeconds + " s");
    }
    return new String(output.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
  }
}
