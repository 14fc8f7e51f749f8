package org.distli.node.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Runs {@code node/target/distli.jar} as a separate process for end-to-end tests: a dev node on
 * free ports with its own data folder, stopped with SIGTERM ({@link #stop()}) or SIGKILL ({@link
 * #kill()}) and started again on the same data ({@link #start()}). Its output goes to {@code
 * node.log} beside the data folder and is shown when it fails to start.
 *
 * <pre>{@code
 * try (NodeProcess node = NodeProcess.dev(tempDir).start()) {
 *   Web3j web3 = node.web3j();
 *   ...
 * }
 * }</pre>
 */
public final class NodeProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Path workDir;
  private final Path dataDir;
  private final Path log;
  private final List<String> extraArgs = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private final int rpcPort;
  private final int metricsPort;
  private Process process;
  private Web3j web3j;
  private final HttpClient http = HttpClient.newHttpClient();

  private NodeProcess(Path workDir) {
    this.workDir = workDir;
    this.dataDir = workDir.resolve("data");
    this.log = workDir.resolve("node.log");
    this.rpcPort = freePort();
    this.metricsPort = freePort();
  }

  /** A dev node ({@code --dev}) whose data lives in {@code workDir/data}. */
  public static NodeProcess dev(Path workDir) {
    NodeProcess node = new NodeProcess(workDir);
    node.extraArgs.add("--dev");
    return node;
  }

  /**
   * A node with only the given arguments (a genesis file, keys, ...), whose data lives in {@code
   * workDir/data}.
   */
  public static NodeProcess withArgs(Path workDir, String... args) {
    return new NodeProcess(workDir).withArgs(args);
  }

  /** Adds command-line arguments (before {@link #start()}). */
  public NodeProcess withArgs(String... args) {
    extraArgs.addAll(List.of(args));
    return this;
  }

  /** Sets an environment variable of the node process (before {@link #start()}). */
  public NodeProcess withEnv(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Adds JVM options, e.g. {@code -Xmx1g} (before {@link #start()}). */
  public NodeProcess withJvmOptions(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /**
   * The jar under test: the {@code distli.jar} system property (set by Failsafe) or the default.
   */
  public static Path jar() {
    String configured = System.getProperty("distli.jar");
    Path jar = configured != null ? Path.of(configured) : Path.of("target", "distli.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing; run `mvn verify`");
    }
    return jar;
  }

  /** Starts the node (again, on the same data and ports) and waits until JSON-RPC answers. */
  public NodeProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the node is running already");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(extraArgs);
    command.addAll(
        List.of(
            "--data-dir",
            dataDir.toString(),
            "--rpc-port",
            Integer.toString(rpcPort),
            "--metrics-port",
            Integer.toString(metricsPort)));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("DISTLI_"));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(workDir);
      Files.writeString(
          log,
          "---- start: " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    waitForRpc();
    return this;
  }

  private void waitForRpc() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the node exited with code " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        String reply = call("eth_chainId", "[]");
        if (reply.contains("\"result\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "JSON-RPC did not answer within " + START_TIMEOUT + ":\n" + logTail());
  }

  /** Sends one JSON-RPC call and returns the raw reply. */
  public String call(String method, String paramsJson) throws IOException, InterruptedException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + paramsJson
            + "}";
    return post(rpcUrl(), body).body();
  }

  /** An HTTP GET on the RPC port ({@code /health}, {@code /api/...}). */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(rpcUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The Prometheus exposition text. */
  public String metrics() throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private HttpResponse<String> post(String url, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A web3j client on the node's HTTP endpoint (one per start). */
  public synchronized Web3j web3j() {
    if (web3j == null) {
      web3j = Web3j.build(new HttpService(rpcUrl()));
    }
    return web3j;
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + rpcPort;
  }

  public String wsUrl() {
    return "ws://127.0.0.1:" + rpcPort;
  }

  public int rpcPort() {
    return rpcPort;
  }

  public int metricsPort() {
    return metricsPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Stops the node with SIGTERM and waits for it to exit; returns its exit code. */
  public int stop() {
    return terminate(false);
  }

  /** Kills the node with SIGKILL, as a crash or power loss would; returns its exit code. */
  public int kill() {
    return terminate(true);
  }

  private int terminate(boolean forcibly) {
    closeClient();
    if (process == null) {
      throw new IllegalStateException("the node was never started");
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
        throw new IllegalStateException(
            "the node did not stop within " + STOP_TIMEOUT + " of SIGTERM:\n" + logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  /** Everything the node printed, across restarts. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String logTail() {
    String all = log();
    return all.length() <= 8_000 ? all : "..." + all.substring(all.length() - 8_000);
  }

  private synchronized void closeClient() {
    if (web3j != null) {
      web3j.shutdown();
      web3j = null;
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
    closeClient();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
