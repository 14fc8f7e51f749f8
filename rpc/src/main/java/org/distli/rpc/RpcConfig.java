package org.distli.rpc;

import java.util.List;
import java.util.Set;

/**
 * How the JSON-RPC server listens and what it accepts.
 *
 * @param host the interface to bind (127.0.0.1 by default: a node's RPC is not for the internet)
 * @param port the TCP port for HTTP and WebSocket; 0 picks a free one
 * @param corsOrigins browser origins allowed to call (CORS and WebSocket Origin); "*" for any
 * @param allowedHosts values of the Host header accepted on HTTP ("*" for any); IP addresses are
 *     always accepted, as in go-ethereum's --http.vhosts, which guards against DNS rebinding
 * @param namespaces enabled method namespaces (eth, net, web3, txpool, debug, personal)
 * @param maxBatchSize calls per batch
 * @param maxRequestBytes largest HTTP request body; larger ones get 413
 * @param maxWebSocketFrameBytes largest WebSocket frame; larger ones close the connection (1009)
 * @param maxWebSocketMessageBytes largest WebSocket message, after joining continuation frames
 * @param eventLoops Vert.x event loops serving connections
 * @param workerThreads threads executing calls
 * @param workerQueueCapacity requests waiting for a worker before the server answers "busy"
 */
public record RpcConfig(
    String host,
    int port,
    List<String> corsOrigins,
    List<String> allowedHosts,
    Set<String> namespaces,
    int maxBatchSize,
    int maxRequestBytes,
    int maxWebSocketFrameBytes,
    int maxWebSocketMessageBytes,
    int eventLoops,
    int workerThreads,
    int workerQueueCapacity) {

  public static final int DEFAULT_PORT = 8545;
  public static final int MAX_BATCH_SIZE = 1_000;
  public static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;

  /** What a production node enables unless told otherwise. */
  public static final Set<String> DEFAULT_NAMESPACES = Set.of("eth", "net", "web3");

  /** Everything, as a development node (like Hardhat and Anvil) offers. */
  public static final Set<String> ALL_NAMESPACES =
      Set.of("eth", "net", "web3", "txpool", "debug", "personal");

  public RpcConfig {
    corsOrigins = List.copyOf(corsOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    namespaces = Set.copyOf(namespaces);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("rpc port out of range: " + port);
    }
    if (maxBatchSize < 1 || maxRequestBytes < 1 || maxWebSocketFrameBytes < 1) {
      throw new IllegalArgumentException("rpc limits must be positive");
    }
    if (maxWebSocketMessageBytes < maxWebSocketFrameBytes) {
      throw new IllegalArgumentException("rpc WebSocket message limit is below the frame limit");
    }
    if (eventLoops < 1 || workerThreads < 1 || workerQueueCapacity < 1) {
      throw new IllegalArgumentException("rpc thread counts must be positive");
    }
  }

  /**
   * Production defaults: localhost only, no browser origins, eth/net/web3 (debug and txpool off).
   */
  public static RpcConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new RpcConfig(
        "127.0.0.1",
        DEFAULT_PORT,
        List.of(),
        List.of("localhost"),
        DEFAULT_NAMESPACES,
        MAX_BATCH_SIZE,
        MAX_REQUEST_BYTES,
        MAX_REQUEST_BYTES,
        MAX_REQUEST_BYTES,
        Math.max(1, cores),
        Math.max(4, 2 * cores),
        16_384);
  }

  /** Development defaults: every origin and host (like Hardhat), every namespace. */
  public static RpcConfig dev() {
    return defaults()
        .withCorsOrigins(List.of("*"))
        .withAllowedHosts(List.of("*"))
        .withNamespaces(ALL_NAMESPACES);
  }

  public RpcConfig withHost(String host) {
    return new RpcConfig(
        host,
        port,
        corsOrigins,
        allowedHosts,
        namespaces,
        maxBatchSize,
        maxRequestBytes,
        maxWebSocketFrameBytes,
        maxWebSocketMessageBytes,
        eventLoops,
        workerThreads,
        workerQueueCapacity);
  }

  public RpcConfig withPort(int port) {
    return new RpcConfig(
        host,
        port,
        corsOrigins,
        allowedHosts,
        namespaces,
        maxBatchSize,
        maxRequestBytes,
        maxWebSocketFrameBytes,
        maxWebSocketMessageBytes,
        eventLoops,
        workerThreads,
        workerQueueCapacity);
  }

  public RpcConfig withCorsOrigins(List<String> corsOrigins) {
    return new RpcConfig(
        host,
        port,
        corsOrigins,
        allowedHosts,
        namespaces,
        maxBatchSize,
        maxRequestBytes,
        maxWebSocketFrameBytes,
        maxWebSocketMessageBytes,
        eventLoops,
        workerThreads,
        workerQueueCapacity);
  }

  public RpcConfig withAllowedHosts(List<String> allowedHosts) {
    return new RpcConfig(
        host,
        port,
        corsOrigins,
        allowedHosts,
        namespaces,
        maxBatchSize,
        maxRequestBytes,
        maxWebSocketFrameBytes,
        maxWebSocketMessageBytes,
        eventLoops,
        workerThreads,
        workerQueueCapacity);
  }

  public RpcConfig withNamespaces(Set<String> namespaces) {
    return new RpcConfig(
        host,
        port,
        corsOrigins,
        allowedHosts,
        namespaces,
        maxBatchSize,
        maxRequestBytes,
        maxWebSocketFrameBytes,
        maxWebSocketMessageBytes,
        eventLoops,
        workerThreads,
        workerQueueCapacity);
  }

  public RpcConfig withLimits(
      int maxBatchSize,
      int maxRequestBytes,
      int maxWebSocketFrameBytes,
      int maxWebSocketMessageBytes) {
    return new RpcConfig(
        host,
        port,
        corsOrigins,
        allowedHosts,
        namespaces,
        maxBatchSize,
        maxRequestBytes,
        maxWebSocketFrameBytes,
        maxWebSocketMessageBytes,
        eventLoops,
        workerThreads,
        workerQueueCapacity);
  }

  public RpcConfig withThreads(int eventLoops, int workerThreads, int workerQueueCapacity) {
    return new RpcConfig(
        host,
        port,
        corsOrigins,
        allowedHosts,
        namespaces,
        maxBatchSize,
        maxRequestBytes,
        maxWebSocketFrameBytes,
        maxWebSocketMessageBytes,
        eventLoops,
        workerThreads,
        workerQueueCapacity);
  }
}
