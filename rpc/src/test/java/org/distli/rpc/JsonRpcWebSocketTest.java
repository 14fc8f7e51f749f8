package org.distli.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonRpcWebSocketTest {
  private static RpcTestServer server;

  @BeforeAll
  static void start() {
    server =
        RpcTestServer.start(
            RpcConfig.defaults()
                .withNamespaces(FakeMethods.NAMESPACES)
                .withCorsOrigins(List.of("https://app.example"))
                .withLimits(1_000, 5 * 1024 * 1024, 64 * 1024, 1024 * 1024),
            FakeMethods.registry());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static BlockingQueue<JsonNode> messages(WebSocket socket) {
    BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
    socket.textMessageHandler(
        text -> {
          try {
            queue.add(RpcTestServer.JSON.readTree(text));
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        });
    return queue;
  }

  private static JsonNode next(BlockingQueue<JsonNode> queue) throws InterruptedException {
    JsonNode message = queue.poll(20, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 20 s");
    }
    return message;
  }

  @Test
  void answersCallsAndBatches() throws Exception {
    WebSocket socket = server.webSocket(Map.of());
    BlockingQueue<JsonNode> queue = messages(socket);
    socket.writeTextMessage("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}");
    assertEquals("0x2a", next(queue).get("result").asText());
    socket.writeTextMessage(
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[\"0x1\",\"0x1\"]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\"}]");
    JsonNode batch = next(queue);
    assertEquals(2, batch.size());
    assertEquals("0x2", batch.get(0).get("result").asText());
    socket.writeTextMessage("not json");
    assertEquals(-32700, next(queue).at("/error/code").asInt());
    socket.close();
  }

  @Test
  void concurrentCallsAreAnsweredByIdWhenReady() throws Exception {
    WebSocket socket = server.webSocket(Map.of());
    BlockingQueue<JsonNode> queue = messages(socket);
    socket.writeTextMessage(
        "{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"test_sleep\",\"params\":[\"0x1f4\"]}");
    socket.writeTextMessage("{\"jsonrpc\":\"2.0\",\"id\":\"fast\",\"method\":\"eth_blockNumber\"}");
    assertEquals("fast", next(queue).get("id").asText());
    assertEquals("slow", next(queue).get("id").asText());
    socket.close();
  }

  @Test
  void largeRepliesDoNotCountAsASlowClient() throws Exception {
    WebSocket socket = server.webSocket(Map.of());
    BlockingQueue<JsonNode> queue = messages(socket);
    socket.writeTextMessage(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_repeat\",\"params\":[\"0x2dc6c0\"]}");
    socket.writeTextMessage("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\"}");
    JsonNode first = next(queue);
    JsonNode second = next(queue);
    JsonNode big = first.get("id").asInt() == 1 ? first : second;
    assertEquals(3_000_000, big.get("result").asText().length());
    assertEquals("0x2a", (big == first ? second : first).get("result").asText());
    socket.close();
  }

  @Test
  void subscriptionNotificationsFollowTheSubscribeReply() throws Exception {
    WebSocket socket = server.webSocket(Map.of());
    BlockingQueue<JsonNode> queue = messages(socket);
    socket.writeTextMessage("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"test_subscribe\"}");
    JsonNode reply = next(queue);
    assertEquals(9, reply.get("id").asInt());
    assertEquals("0xfeed", reply.get("result").asText());
    for (int i = 0; i < 3; i++) {
      JsonNode notification = next(queue);
      assertEquals("test_subscription", notification.get("method").asText());
      assertTrue(!notification.has("id"));
      assertEquals("0xfeed", notification.at("/params/subscription").asText());
      assertEquals("0x" + i, notification.at("/params/result").asText());
    }
    socket.close();
  }

  @Test
  void framesOverTheLimitCloseTheConnection() throws Exception {
    WebSocket socket = server.webSocket(Map.of());
    BlockingQueue<JsonNode> queue = messages(socket);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    socket.closeHandler(v -> closed.complete(null));
    socket.writeFinalTextFrame(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\""
            + "a".repeat(100 * 1024)
            + "\"]}");
    closed.get(20, TimeUnit.SECONDS);
    assertTrue(queue.isEmpty(), "the oversized call was not executed");
  }

  @Test
  void aMessageOfSeveralFramesIsJoinedAndOneOverTheLimitClosesWith1009() throws Exception {
    WebSocket socket = server.webSocket(Map.of());
    BlockingQueue<JsonNode> queue = messages(socket);
    CompletableFuture<Short> closed = new CompletableFuture<>();
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
    // 120 KiB in three frames of 40 KiB, each under the frame limit: one call.
    String padding = "a".repeat(120 * 1024);
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + padding;
    String end = "\"]}";
    int third = call.length() / 3;
    socket.writeFrame(WebSocketFrame.textFrame(call.substring(0, third), false));
    socket.writeFrame(
        WebSocketFrame.continuationFrame(Buffer.buffer(call.substring(third, 2 * third)), false));
    socket.writeFrame(
        WebSocketFrame.continuationFrame(Buffer.buffer(call.substring(2 * third) + end), true));
    JsonNode reply = next(queue);
    assertEquals(1, reply.get("id").asInt());
    assertEquals(padding, reply.get("result").asText());

    // 1.2 MiB in frames of 60 KiB: over the 1 MiB message limit.
    socket.writeFrame(WebSocketFrame.textFrame("{\"jsonrpc\":\"2.0\",\"id\":2,", false));
    String chunk = "b".repeat(60 * 1024);
    for (int i = 0; i < 20; i++) {
      socket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(chunk), false));
    }
    socket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("}"), true));
    assertEquals((short) 1009, closed.get(20, TimeUnit.SECONDS));
    assertTrue(queue.isEmpty(), "the oversized call was not executed");
  }

  @Test
  void refusesUpgradesFromOtherOrigins() throws Exception {
    assertThrows(
        RuntimeException.class, () -> server.webSocket(Map.of("Origin", "https://evil.example")));
    WebSocket allowed = server.webSocket(Map.of("Origin", "https://app.example"));
    BlockingQueue<JsonNode> queue = messages(allowed);
    allowed.writeTextMessage("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}");
    assertEquals("0x2a", next(queue).get("result").asText());
    allowed.close();
  }
}
