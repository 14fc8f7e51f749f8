package org.distli.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed artifacts are what the pinned solc makes of the committed sources: recompiles
 * {@code contracts/} in a temporary folder (with {@code npm ci} of the pinned compiler) and
 * compares byte for byte. Skipped when Node.js or the npm registry is not available.
 */
class ArtifactReproducibilityTest {
  private static final Path CONTRACTS =
      Path.of("").toAbsolutePath().getParent().resolve("contracts");
  private static final Path RESOURCES = Path.of("src").toAbsolutePath();

  @Test
  void committedArtifactsEqualAFreshCompileWithThePinnedSolc(@TempDir Path work)
      throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(CONTRACTS), "no contracts folder at " + CONTRACTS);
    assumeTrue(
        run(work, 60, "node", "--version") == 0, "node is not on PATH: skipping the recompile");

    copySources(work);
    assumeTrue(
        run(work, 600, "npm", "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund")
            == 0,
        "npm ci of the pinned solc failed (no registry access?): skipping the recompile");
    Path out = work.resolve("out");
    assertEquals(
        0, run(work, 600, "node", "build.mjs", "--out", out.toString()), "build.mjs failed");

    TreeMap<String, String> fresh = read(List.of(out));
    TreeMap<String, String> committed =
        read(
            List.of(
                RESOURCES.resolve("main/resources/org/distli/trading/contracts"),
                RESOURCES.resolve("test/resources/org/distli/trading/contracts")));
    assertEquals(fresh.keySet(), committed.keySet(), "artifact files");
    for (String name : fresh.keySet()) {
      assertEquals(
          fresh.get(name),
          committed.get(name),
          name + " differs from a fresh compile: run `node build.mjs` in contracts/ and commit");
    }
  }

  private static void copySources(Path work) throws IOException {
    try (Stream<Path> files = Files.walk(CONTRACTS)) {
      for (Path file : files.toList()) {
        Path relative = CONTRACTS.relativize(file);
        String name = file.getFileName().toString();
        boolean source =
            name.endsWith(".sol")
                || name.equals("build.mjs")
                || name.equals("package.json")
                || name.equals("package-lock.json");
        if (Files.isRegularFile(file) && source && !relative.startsWith("node_modules")) {
          Files.createDirectories(work.resolve(relative).getParent());
          Files.copy(file, work.resolve(relative));
        }
      }
    }
  }

  private static TreeMap<String, String> read(List<Path> folders) throws IOException {
    TreeMap<String, String> contents = new TreeMap<>();
    for (Path folder : folders) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          contents.put(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    return contents;
  }

  private static int run(Path directory, int timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(command));
    Process process;
    try {
      process =
          new ProcessBuilder(line)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("process.log").toFile())
              .start();
    } catch (IOException notFound) {
      return -1;
    }
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    if (process.exitValue() != 0) {
      System.err.println(
          String.join(" ", line) + ":\n" + Files.readString(directory.resolve("process.log")));
    }
    return process.exitValue();
  }
}
