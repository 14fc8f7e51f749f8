package org.distli.rpc;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.distli.rpc.jsonrpc.JsonRpcProcessor;
import org.distli.rpc.jsonrpc.MethodRegistry;
import org.distli.rpc.jsonrpc.RpcMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over HTTP (POST /) and WebSocket (upgrade on any path) on one port. Event loops read
 * requests and write replies; calls run on a worker pool. Other HTTP routes (GET /health,
 * /api/trading/...) are mounted with {@link #mount} before {@link #start}.
 */
public final class RpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

  private final Vertx vertx;
  private final RpcConfig config;
  private final JsonRpcProcessor processor;
  private final OriginPolicy policy;
  private final List<Consumer<Router>> mounts = new ArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private WorkerPool workers;
  private int port = -1;

  public RpcServer(Vertx vertx, RpcConfig config, MethodRegistry methods, RpcMetrics metrics) {
    this.vertx = vertx;
    this.config = config;
    this.processor = new JsonRpcProcessor(methods, config.maxBatchSize(), metrics);
    this.policy = new OriginPolicy(config.corsOrigins(), config.allowedHosts());
  }

  /**
   * Adds HTTP routes beside JSON-RPC. {@code routes} is applied to the router of every event loop,
   * so it must only add routes. Host and CORS checks already apply to these routes.
   */
  public synchronized RpcServer mount(Consumer<Router> routes) {
    if (port >= 0) {
      throw new IllegalStateException("routes must be mounted before the server starts");
    }
    mounts.add(routes);
    return this;
  }

  /**
   * Adds {@code GET path} answered by {@code handler} on a worker thread (it may read the chain or
   * run calls), with the query parameters; a failure becomes a 500 with the message as text.
   */
  public RpcServer get(String path, Function<Map<String, String>, HttpReply> handler) {
    return mount(
        router ->
            router
                .get(path)
                .handler(
                    context -> {
                      Map<String, String> query = new LinkedHashMap<>();
                      context
                          .queryParams()
                          .forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
                      HttpServerResponse response = context.response();
                      boolean queued =
                          workers.submit(
                              () -> {
                                HttpReply reply;
                                try {
                                  reply = handler.apply(query);
                                } catch (RuntimeException e) {
                                  LOG.warn("GET {} failed", path, e);
                                  reply =
                                      new HttpReply(
                                          500,
                                          "text/plain; charset=utf-8",
                                          String.valueOf(e.getMessage()));
                                }
                                response
                                    .setStatusCode(reply.status())
                                    .putHeader(HttpHeaders.CONTENT_TYPE, reply.contentType())
                                    .end(reply.body());
                              });
                      if (!queued) {
                        response.setStatusCode(503).end("server busy, try again");
                      }
                    }));
  }

  /** Binds the port and returns it (useful with port 0). Blocks until listening or failed. */
  public synchronized int start() {
    if (port >= 0) {
      return port;
    }
    workers = new WorkerPool(config.workerThreads(), config.workerQueueCapacity());
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setTcpNoDelay(true)
            .setMaxWebSocketFrameSize(config.maxWebSocketFrameBytes())
            .setMaxWebSocketMessageSize(config.maxWebSocketMessageBytes())
            .setDecompressionSupported(false);
    try {
      // One server per event loop in one deployment, so that Vert.x shares the port between them.
      // Vert.x would give each instance its own port when asked for port 0 (tests, tools), so an
      // ephemeral port gets one event loop.
      int instances = config.port() == 0 ? 1 : config.eventLoops();
      port = deploy(options, instances);
    } catch (Exception e) {
      close();
      throw new IllegalStateException(
          "JSON-RPC server could not listen on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
    LOG.info(
        "JSON-RPC listening on http://{}:{} and ws://{}:{}",
        config.host(),
        port,
        config.host(),
        port);
    return port;
  }

  /** Deploys the servers; returns the port they listen on. */
  private int deploy(HttpServerOptions options, int instances) throws Exception {
    java.util.concurrent.atomic.AtomicInteger bound =
        new java.util.concurrent.atomic.AtomicInteger();
    String id =
        vertx
            .deployVerticle(
                () ->
                    new VerticleBase() {
                      @Override
                      public Future<?> start() {
                        return createServer(options)
                            .listen()
                            .onSuccess(server -> bound.set(server.actualPort()));
                      }
                    },
                new DeploymentOptions().setInstances(instances))
            .await(30, TimeUnit.SECONDS);
    deployments.add(id);
    return bound.get();
  }

  private HttpServer createServer(HttpServerOptions options) {
    Router router = Router.router(vertx);
    mounts.forEach(mount -> mount.accept(router));
    HttpRpcHandler http =
        new HttpRpcHandler(processor, workers, policy, router, config.maxRequestBytes());
    return vertx
        .createHttpServer(options)
        .requestHandler(http)
        .webSocketHandshakeHandler(
            handshake -> {
              String origin = handshake.headers().get(HttpHeaders.ORIGIN);
              if (origin != null
                  && !policy.originAllowed(origin, handshake.headers().get(HttpHeaders.HOST))) {
                handshake.reject(403);
              } else {
                handshake.accept();
              }
            })
        .webSocketHandler(
            socket ->
                new WebSocketSession(socket, processor, workers, config.maxWebSocketMessageBytes())
                    .start())
        .exceptionHandler(e -> LOG.warn("JSON-RPC connection error: {}", e.toString()));
  }

  public int port() {
    return port;
  }

  public JsonRpcProcessor processor() {
    return processor;
  }

  @Override
  public synchronized void close() {
    for (String id : deployments) {
      try {
        vertx.undeploy(id).await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("closing the JSON-RPC server: {}", e.toString());
      }
    }
    deployments.clear();
    if (workers != null) {
      workers.shutdown();
      workers = null;
    }
  }
}
