package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.distli.node.cli.DistliCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The container image as an operator runs it: {@code docker/Dockerfile} built from the repository,
 * a validator started from a mounted {@code /config} (genesis, keystore, password) that answers
 * {@code /health} and {@code eth_chainId} on the published port and produces blocks, a malformed
 * genesis that stops the container with the node's one-line error, and SIGTERM that stops it
 * cleanly. Runs where podman (or docker) and the {@code eclipse-temurin:25-jre} base image are
 * present ({@code ../shared/tools/container-base.sh} sets both up), and is skipped with a message
 * otherwise.
 */
class DockerImageIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String IMAGE = "localhost/distli:it";
  private static String engine;

  @TempDir Path dir;
  private final List<String> containers = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void buildImage() throws Exception {
    engine = findEngine();
    assumeTrue(
        engine != null,
        "DockerImageIT skipped: neither podman nor docker is installed"
            + " (../shared/tools/container-base.sh installs podman)");
    Result base = run(Duration.ofSeconds(30), engine, "image", "exists", "eclipse-temurin:25-jre");
    assumeTrue(
        base.exitCode == 0 || engine.endsWith("docker"),
        "DockerImageIT skipped: no eclipse-temurin:25-jre base image"
            + " (../shared/tools/container-base.sh builds one)");
    Path root = NodeProcess.jar().toAbsolutePath().getParent().getParent().getParent();
    List<String> build = new ArrayList<>(List.of(engine, "build", "--pull=never"));
    if (engine.endsWith("podman")) {
      build.addAll(List.of("--format", "docker")); // OCI images have no HEALTHCHECK
    }
    build.addAll(
        List.of("-f", root.resolve("docker/Dockerfile").toString(), "-t", IMAGE, root.toString()));
    Result built = run(Duration.ofMinutes(10), build.toArray(String[]::new));
    assertEquals(0, built.exitCode, "image build failed:\n" + built.output);
  }

  @AfterEach
  void removeContainers() throws Exception {
    for (String name : containers) {
      run(Duration.ofSeconds(60), engine, "rm", "-f", name);
    }
  }

  @Test
  void aValidatorFromAMountedConfigServesHealthAndProducesBlocksAndStopsCleanly() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Path password = config.resolve("password");
    Files.writeString(password, "container password\n");
    String validator = newKey(config.resolve("validator.json"), password);
    Files.writeString(
        config.resolve("genesis.json"),
        """
        {"chainId": 4243, "consensus": "pos", "blockTime": 1, "emptyBlocks": "produce",
         "validators": [{"address": "%s", "stake": "32000000000000000000"}],
         "initialState": {}}
        """
            .formatted(validator));
    readableByTheContainerUser(config);

    int port = NodeProcess.freePort();
    String name = startContainer(config, port);
    String health = awaitHealthy(port, name);
    assertTrue(health.contains("\"status\":\"ok\""), health);
    assertEquals("\"0x1093\"", result(call(port, "eth_chainId")));
    if (engine.endsWith("podman")) {
      Result check = run(Duration.ofSeconds(30), engine, "healthcheck", "run", name);
      assertEquals(0, check.exitCode, "the image's HEALTHCHECK: " + check.output);
    }
    awaitBlock(port, 2, name);
    String miner = result(call(port, "eth_getBlockByNumber", "\"0x1\"", "false"));
    assertTrue(miner.toLowerCase().contains(validator.toLowerCase()), miner);

    Result stop = run(Duration.ofSeconds(90), engine, "stop", "-t", "60", name);
    assertEquals(0, stop.exitCode, stop.output);
    String log = run(Duration.ofSeconds(30), engine, "logs", name).output;
    assertTrue(log.contains("Stopped"), "the node logged its clean stop:\n" + log);
    Result state =
        run(Duration.ofSeconds(30), engine, "inspect", "-f", "{{.State.ExitCode}}", name);
    assertNotEquals("137", state.output.strip(), "SIGTERM stopped the node before the kill");
  }

  @Test
  void aMalformedGenesisStopsTheContainerWithTheNodesOneLineError() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        config.resolve("genesis.json"),
        """
        {"chainId": 4243, "consensus": "pos",
         "validators": [{"address": "0x00000000000000000000000000000000000000aa", "stake": "abc"}]}
        """);
    readableByTheContainerUser(config);
    Result run =
        run(
            Duration.ofSeconds(90),
            engine,
            "run",
            "--rm",
            "--pull=never",
            "-v",
            config + ":/config:ro",
            IMAGE);
    assertNotEquals(0, run.exitCode, run.output);
    assertTrue(run.output.contains("validators[0].stake: not a number: \"abc\""), run.output);
    assertTrue(!run.output.contains("\tat "), "one line, no stack trace:\n" + run.output);
  }

  private String startContainer(Path config, int port) throws Exception {
    String name = "distli-it-" + UUID.randomUUID().toString().substring(0, 8);
    containers.add(name);
    Result run =
        run(
            Duration.ofSeconds(60),
            engine,
            "run",
            "-d",
            "--pull=never",
            "--name",
            name,
            "-v",
            config + ":/config:ro",
            "-p",
            "127.0.0.1:" + port + ":8545",
            IMAGE);
    assertEquals(0, run.exitCode, run.output);
    return name;
  }

  private String awaitHealthy(int port, String name) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("not healthy in " + TIMEOUT + ": " + last + "\n" + logs(name));
  }

  private void awaitBlock(int port, long number, String name) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String hex = result(call(port, "eth_blockNumber"));
      if (Long.parseLong(hex.replace("\"", "").substring(2), 16) >= number) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("no block " + number + " in " + TIMEOUT + "\n" + logs(name));
  }

  private String logs(String name) throws Exception {
    return run(Duration.ofSeconds(30), engine, "logs", name).output;
  }

  private String call(int port, String method, String... params) throws Exception {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"%s\",\"params\":[%s]}"
            .formatted(method, String.join(",", params));
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The raw JSON of a response's result. */
  private static String result(String response) {
    int start = response.indexOf("\"result\":");
    assertTrue(start >= 0, response);
    String rest = response.substring(start + "\"result\":".length());
    return rest.substring(0, rest.lastIndexOf('}')).strip();
  }

  private static String newKey(Path keystore, Path password) {
    StringWriter out = new StringWriter();
    CommandLine cli = DistliCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    assertEquals(
        0,
        cli.execute(
            "key",
            "new",
            "--keystore",
            keystore.toString(),
            "--password-file",
            password.toString()),
        out.toString());
    String line =
        out.toString().lines().filter(l -> l.startsWith("Address:")).findFirst().orElseThrow();
    return line.substring("Address:".length()).trim();
  }

  /**
   * The image runs as uid 10001; a test's temp files belong to whoever runs the test. Operators
   * chown the folder instead (README); a test cannot assume it may.
   */
  private static void readableByTheContainerUser(Path config) throws IOException {
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (var files = Files.list(config)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }
  }

  private static String findEngine() {
    for (String candidate : List.of("podman", "docker")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        Path path = Path.of(dir, candidate);
        if (Files.isExecutable(path)) {
          return path.toString();
        }
      }
    }
    return null;
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Duration timeout, String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
