package org.distli.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.distli.rpc.jsonrpc.MethodRegistry;
import org.distli.rpc.jsonrpc.RpcMetrics;

/** A started {@link RpcServer} on a free port with HTTP and WebSocket clients for tests. */
final class RpcTestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final Vertx vertx;
  final RpcServer server;
  final HttpClientAgent http;
  final int port;
  // Vert.x closes a client that becomes garbage, so the test's clients are held until close.
  private final java.util.List<WebSocketClient> clients =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private RpcTestServer(Vertx vertx, RpcServer server) {
    this.vertx = vertx;
    this.server = server;
    this.port = server.start();
    this.http = vertx.createHttpClient();
  }

  static RpcTestServer start(RpcConfig config, MethodRegistry.Builder methods) {
    return start(config, methods, RpcMetrics.NONE, server -> {});
  }

  static RpcTestServer start(
      RpcConfig config,
      MethodRegistry.Builder methods,
      RpcMetrics metrics,
      Consumer<RpcServer> routes) {
    Vertx vertx = Vertx.vertx();
    RpcServer server =
        new RpcServer(
            vertx,
            config.withHost("127.0.0.1").withPort(0).withThreads(2, 4, 1_000),
            methods.build(config.namespaces()),
            metrics);
    routes.accept(server);
    return new RpcTestServer(vertx, server);
  }

  record Response(int status, io.vertx.core.MultiMap headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  Response post(String body) {
    return request(HttpMethod.POST, "/", body, Map.of());
  }

  Response request(HttpMethod method, String path, String body, Map<String, String> headers) {
    return request(method, path, body == null ? null : Buffer.buffer(body), headers);
  }

  Response request(HttpMethod method, String path, Buffer body, Map<String, String> headers) {
    RequestOptions options =
        new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
    headers.forEach(options::putHeader);
    if (body != null && !headers.containsKey("Content-Type")) {
      options.putHeader("Content-Type", "application/json");
    }
    return await(
        http.request(options)
            .compose(
                request ->
                    (body == null ? request.send() : request.send(body))
                        .compose(
                            (HttpClientResponse response) ->
                                response
                                    .body()
                                    .map(
                                        b ->
                                            new Response(
                                                response.statusCode(),
                                                response.headers(),
                                                b.toString())))));
  }

  JsonNode call(String method, String paramsJson) {
    return post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + paramsJson
            + "}")
        .json();
  }

  WebSocket webSocket(Map<String, String> headers) {
    WebSocketClient client =
        vertx.createWebSocketClient(
            new io.vertx.core.http.WebSocketClientOptions()
                .setMaxFrameSize(16 * 1024 * 1024)
                .setMaxMessageSize(32 * 1024 * 1024));
    clients.add(client);
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/");
    headers.forEach(options::addHeader);
    return await(client.connect(options));
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new RuntimeException(e.getCause());
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    await(vertx.close());
  }
}
