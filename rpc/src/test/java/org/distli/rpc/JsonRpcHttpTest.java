package org.distli.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonRpcHttpTest {
  private static final Map<String, Integer> CALLS = new ConcurrentHashMap<>();
  private static RpcTestServer server;

  @BeforeAll
  static void start() {
    server =
        RpcTestServer.start(
            RpcConfig.defaults().withNamespaces(FakeMethods.NAMESPACES),
            FakeMethods.registry(),
            (method, nanos, success) -> CALLS.merge(method, 1, Integer::sum),
            rpc ->
                rpc.mount(router -> router.get("/health").handler(ctx -> ctx.response().end("ok")))
                    .get(
                        "/api/echo",
                        query ->
                            HttpReply.json(200, "{\"asset\":\"" + query.get("asset") + "\"}")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void answersACallWithItsIdAndResult() {
    RpcTestServer.Response response =
        server.post(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_add\",\"params\":[\"0x1\",\"0x2\"]}");
    assertEquals(200, response.status());
    assertEquals("application/json", response.headers().get("Content-Type"));
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x3\"}", response.body());
  }

  @Test
  void echoesStringAndNullIds() {
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":\"0x2a\"}",
        server.post("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"eth_blockNumber\"}").body());
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":\"0x2a\"}",
        server
            .post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"eth_blockNumber\",\"params\":[]}")
            .body());
  }

  @Test
  void writesNestedResults() {
    assertEquals(
        "[\"0x1\",true,{\"a\":\"b\"}]", server.call("test_list", "[]").get("result").toString());
  }

  @Test
  void malformedJsonIsAParseError() {
    JsonNode reply = server.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":").json();
    assertEquals(-32700, reply.at("/error/code").asInt());
    assertEquals("parse error", reply.at("/error/message").asText());
    assertTrue(reply.get("id").isNull());
  }

  @Test
  void requestsWithoutVersionOrMethodAreInvalid() {
    JsonNode noVersion = server.post("{\"id\":1,\"method\":\"eth_blockNumber\"}").json();
    assertEquals(-32600, noVersion.at("/error/code").asInt());
    assertEquals(1, noVersion.get("id").asInt());
    JsonNode noMethod = server.post("{\"jsonrpc\":\"2.0\",\"id\":2}").json();
    assertEquals(-32600, noMethod.at("/error/code").asInt());
    JsonNode notAnObject = server.post("42").json();
    assertEquals(-32600, notAnObject.at("/error/code").asInt());
    assertEquals("invalid request", notAnObject.at("/error/message").asText());
  }

  @Test
  void unknownMethodIsNotFoundWithGethsMessage() {
    JsonNode reply = server.call("eth_nope", "[]");
    assertEquals(-32601, reply.at("/error/code").asInt());
    assertEquals(
        "the method eth_nope does not exist/is not available", reply.at("/error/message").asText());
  }

  @Test
  void invalidParamsNameTheArgument() {
    JsonNode missing = server.call("test_add", "[\"0x1\"]");
    assertEquals(-32602, missing.at("/error/code").asInt());
    assertEquals("missing value for required argument 1", missing.at("/error/message").asText());
    JsonNode badHex = server.call("test_add", "[\"0x1\",\"12\"]");
    assertEquals(-32602, badHex.at("/error/code").asInt());
    assertEquals(
        "invalid argument 1: json: cannot unmarshal hex string without 0x prefix into Go value of"
            + " type hexutil.Uint64",
        badHex.at("/error/message").asText());
    JsonNode objectParams =
        server
            .post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":{\"a\":1}}")
            .json();
    assertEquals(-32602, objectParams.at("/error/code").asInt());
  }

  @Test
  void methodErrorsKeepCodeMessageAndData() {
    JsonNode fail = server.call("test_fail", "[]");
    assertEquals(-32000, fail.at("/error/code").asInt());
    assertEquals("nonce too low", fail.at("/error/message").asText());
    assertFalse(fail.get("error").has("data"));
    JsonNode revert = server.call("test_revert", "[]");
    assertEquals(3, revert.at("/error/code").asInt());
    assertEquals("0x", revert.at("/error/data").asText(), "empty revert data is still reported");
    JsonNode crash = server.call("test_crash", "[]");
    assertEquals(-32603, crash.at("/error/code").asInt());
  }

  @Test
  void batchRepliesComeInRequestOrderAndSkipNotifications() {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_sleep\",\"params\":[\"0x32\"]},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[\"notification\"]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"two\",\"method\":\"eth_blockNumber\"},"
            + "5,"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_nope\"}]";
    JsonNode replies = server.post(batch).json();
    assertEquals(4, replies.size());
    assertEquals(1, replies.get(0).get("id").asInt());
    assertEquals("0x32", replies.get(0).get("result").asText());
    assertEquals("two", replies.get(1).get("id").asText());
    assertTrue(replies.get(2).get("id").isNull());
    assertEquals(-32600, replies.get(2).at("/error/code").asInt());
    assertEquals(-32601, replies.get(3).at("/error/code").asInt());
  }

  @Test
  void notificationsGetNoReply() {
    RpcTestServer.Response single =
        server.post("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[1]}");
    assertEquals(200, single.status());
    assertEquals("", single.body());
    RpcTestServer.Response batch =
        server.post(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[1]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_nope\"}]");
    assertEquals("", batch.body());
  }

  @Test
  void aThousandCallsFitInABatchButNotMore() {
    JsonNode replies = server.post(batchOf(1_000)).json();
    assertEquals(1_000, replies.size());
    for (int i = 0; i < 1_000; i++) {
      assertEquals(i, replies.get(i).get("id").asInt());
      assertEquals("0x" + Integer.toHexString(i + 1), replies.get(i).get("result").asText());
    }
    JsonNode tooMany = server.post(batchOf(1_001)).json();
    assertEquals(1, tooMany.size());
    assertEquals(-32600, tooMany.get(0).at("/error/code").asInt());
    assertEquals("batch too large", tooMany.get(0).at("/error/message").asText());
    assertEquals(0, tooMany.get(0).get("id").asInt());
  }

  @Test
  void emptyBatchIsInvalid() {
    JsonNode reply = server.post("[]").json();
    assertEquals(-32600, reply.at("/error/code").asInt());
    assertEquals("empty batch", reply.at("/error/message").asText());
  }

  @Test
  void bodiesOver5MiBGet413() {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\""
            + "a".repeat(5 * 1024 * 1024)
            + "\"]}";
    assertEquals(413, server.post(big).status());
    String fits =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\""
            + "a".repeat(4 * 1024 * 1024)
            + "\"]}";
    RpcTestServer.Response response = server.post(fits);
    assertEquals(200, response.status());
    assertEquals(4 * 1024 * 1024, response.json().get("result").asText().length());
  }

  @Test
  void chunkedBodiesOver5MiBGet413() throws Exception {
    io.vertx.core.http.RequestOptions options =
        new io.vertx.core.http.RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(server.port)
            .setURI("/");
    int status =
        server
            .http
            .request(options)
            .compose(
                request -> {
                  request.setChunked(true);
                  io.vertx.core.buffer.Buffer chunk =
                      io.vertx.core.buffer.Buffer.buffer("a".repeat(1024 * 1024));
                  for (int i = 0; i < 6; i++) {
                    request.write(chunk);
                  }
                  request.end();
                  return request.response();
                })
            .map(io.vertx.core.http.HttpClientResponse::statusCode)
            .toCompletionStage()
            .toCompletableFuture()
            .get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(413, status);
  }

  @Test
  void disabledNamespacesAreNotFound() {
    try (RpcTestServer production =
        RpcTestServer.start(
            RpcConfig.defaults().withNamespaces(Set.of("eth", "test")), FakeMethods.registry())) {
      assertEquals(-32601, production.call("debug_secret", "[]").at("/error/code").asInt());
      assertEquals("0x2a", production.call("eth_blockNumber", "[]").get("result").asText());
    }
    assertEquals("only in dev", server.call("debug_secret", "[]").get("result").asText());
  }

  @Test
  void productionDefaultsLeaveDebugAndTxpoolOff() {
    assertFalse(RpcConfig.defaults().namespaces().contains("debug"));
    assertFalse(RpcConfig.defaults().namespaces().contains("txpool"));
    assertTrue(RpcConfig.dev().namespaces().containsAll(Set.of("debug", "txpool", "eth")));
  }

  @Test
  void corsAllowsConfiguredOriginsOnly() {
    try (RpcTestServer strict =
        RpcTestServer.start(
            RpcConfig.defaults()
                .withNamespaces(FakeMethods.NAMESPACES)
                .withCorsOrigins(List.of("https://app.example")),
            FakeMethods.registry())) {
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}";
      RpcTestServer.Response allowed =
          strict.request(HttpMethod.POST, "/", body, Map.of("Origin", "https://app.example"));
      assertEquals(200, allowed.status());
      assertEquals("https://app.example", allowed.headers().get("Access-Control-Allow-Origin"));
      RpcTestServer.Response refused =
          strict.request(HttpMethod.POST, "/", body, Map.of("Origin", "https://evil.example"));
      assertEquals(403, refused.status());
      RpcTestServer.Response noOrigin = strict.post(body);
      assertEquals(200, noOrigin.status());
      assertNull(noOrigin.headers().get("Access-Control-Allow-Origin"));
      RpcTestServer.Response preflight =
          strict.request(
              HttpMethod.OPTIONS,
              "/",
              (String) null,
              Map.of(
                  "Origin", "https://app.example",
                  "Access-Control-Request-Method", "POST",
                  "Access-Control-Request-Headers", "content-type"));
      assertEquals(204, preflight.status());
      assertEquals("content-type", preflight.headers().get("Access-Control-Allow-Headers"));
      assertTrue(preflight.headers().get("Access-Control-Allow-Methods").contains("POST"));
    }
  }

  @Test
  void devModeAllowsEveryOrigin() {
    try (RpcTestServer dev =
        RpcTestServer.start(
            RpcConfig.dev().withNamespaces(FakeMethods.NAMESPACES), FakeMethods.registry())) {
      RpcTestServer.Response response =
          dev.request(
              HttpMethod.POST,
              "/",
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}",
              Map.of("Origin", "chrome-extension://nkbihfbeogaeaoehlefnkodbefgpgknn"));
      assertEquals(200, response.status());
      assertEquals("*", response.headers().get("Access-Control-Allow-Origin"));
    }
  }

  @Test
  void unknownHostNamesAreRefusedButIpAddressesServed() {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}";
    assertEquals(
        403,
        server
            .request(HttpMethod.POST, "/", body, Map.of("Host", "attacker.example:8545"))
            .status());
    assertEquals(
        200, server.request(HttpMethod.POST, "/", body, Map.of("Host", "localhost:8545")).status());
    assertEquals(
        200, server.request(HttpMethod.POST, "/", body, Map.of("Host", "10.1.2.3:8545")).status());
  }

  @Test
  void mountedRoutesAreServedBesideJsonRpc() {
    RpcTestServer.Response health =
        server.request(HttpMethod.GET, "/health", (String) null, Map.of());
    assertEquals(200, health.status());
    assertEquals("ok", health.body());
    assertEquals(404, server.request(HttpMethod.GET, "/nothing", (String) null, Map.of()).status());
    assertEquals(405, server.request(HttpMethod.GET, "/", (String) null, Map.of()).status());
    RpcTestServer.Response echo =
        server.request(HttpMethod.GET, "/api/echo?asset=0xab", (String) null, Map.of());
    assertEquals(200, echo.status());
    assertEquals("{\"asset\":\"0xab\"}", echo.body());
    assertEquals("application/json", echo.headers().get("Content-Type"));
    RpcTestServer.Response onAnotherPath =
        server.request(
            HttpMethod.POST,
            "/rpc",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"x\"]}",
            Map.of("Content-Type", "application/json"));
    assertEquals(200, onAnotherPath.status());
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"x\"}", onAnotherPath.body());
  }

  @Test
  void metricsSeeEveryExecutedMethod() {
    int before = CALLS.getOrDefault("test_add", 0);
    server.call("test_add", "[\"0x1\",\"0x1\"]");
    assertEquals(before + 1, CALLS.get("test_add"));
  }

  @Test
  void httpCannotSubscribe() {
    JsonNode reply = server.call("test_subscribe", "[]");
    assertEquals("notifications not supported", reply.at("/error/message").asText());
  }

  private static String batchOf(int size) {
    List<String> calls = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      calls.add(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + i
              + ",\"method\":\"test_add\",\"params\":[\"0x"
              + Integer.toHexString(i)
              + "\",\"0x1\"]}");
    }
    return "[" + String.join(",", calls) + "]";
  }
}
