package org.distli.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.distli.chain.block.Block;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.rpc.TestChain.Included;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.jsonrpc.RpcMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionsOverWebSocketTest {
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000000c0");
  private static final Hash TOPIC =
      Hash.fromHex("0x00000000000000000000000000000000000000000000000000000000000000aa");

  private final TestChain chain = TestChain.funded();
  private Vertx vertx;
  private RpcServer server;
  private io.vertx.core.http.WebSocketClient client;
  private WebSocket socket;
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private int nextId;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    RpcConfig config = RpcConfig.dev().withPort(0).withThreads(1, 2, 100);
    server = new RpcServer(vertx, config, chain.registry(UnlockedAccounts.NONE), RpcMetrics.NONE);
    int port = server.start();
    // Held in a field: Vert.x closes a client that becomes garbage, even mid-handshake.
    client = vertx.createWebSocketClient();
    socket =
        RpcTestServer.await(
            client.connect(
                new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/")));
    socket.textMessageHandler(
        text -> {
          JsonNode message = parse(text);
          (message.has("id") ? replies : messages).add(message);
        });
  }

  @AfterEach
  void stop() {
    server.close();
    RpcTestServer.await(vertx.close());
  }

  private static JsonNode parse(String text) {
    try {
      return RpcTestServer.JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private JsonNode next() throws InterruptedException {
    return poll(messages);
  }

  private static JsonNode poll(BlockingQueue<JsonNode> queue) throws InterruptedException {
    JsonNode message = queue.poll(20, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 20 s");
    }
    return message;
  }

  private String call(String method, String params) throws InterruptedException {
    int id = ++nextId;
    socket.writeTextMessage(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}");
    JsonNode reply = poll(replies);
    assertEquals(id, reply.get("id").asInt(), reply.toString());
    return reply.has("error")
        ? "error " + reply.at("/error/code").asInt() + ": " + reply.at("/error/message").asText()
        : reply.get("result").asText();
  }

  @Test
  void newHeadsAndLogsArriveAsNotifications() throws Exception {
    String heads = call("eth_subscribe", "[\"newHeads\"]");
    String logs =
        call(
            "eth_subscribe",
            "[\"logs\",{\"address\":\"" + TOKEN + "\",\"topics\":[\"" + TOPIC + "\"]}]");
    Block block =
        chain.append(
            List.of(
                Included.ok(TestBlocks.transfer(0, TOKEN), 21_000, TestBlocks.log(TOKEN, TOPIC)),
                Included.ok(TestBlocks.transfer(1, TOKEN), 21_000, TestBlocks.log(TOKEN))),
            state -> {});
    java.util.Map<String, JsonNode> bySubscription = new java.util.HashMap<>();
    for (int i = 0; i < 2; i++) {
      JsonNode message = messages.poll(20, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError(
            "notifications received: "
                + bySubscription
                + " (heads "
                + heads
                + ", logs "
                + logs
                + ")");
      }
      bySubscription.put(message.at("/params/subscription").asText(), message);
    }
    JsonNode head = bySubscription.get(heads);
    JsonNode log = bySubscription.get(logs);
    assertEquals("eth_subscription", head.get("method").asText());
    assertEquals(block.hash().toHexString(), head.at("/params/result/hash").asText());
    assertEquals("0x1", head.at("/params/result/number").asText());
    assertTrue(head.at("/params/result/baseFeePerGas").isTextual());
    assertEquals(logs, log.at("/params/subscription").asText());
    assertEquals(TOKEN.toHexString(), log.at("/params/result/address").asText());
    assertEquals("0x0", log.at("/params/result/logIndex").asText());
    assertTrue(messages.poll(300, TimeUnit.MILLISECONDS) == null, "the topic-less log is filtered");
    assertEquals("true", call("eth_unsubscribe", "[\"" + heads + "\"]"));
    assertEquals(
        "error -32000: subscription not found", call("eth_unsubscribe", "[\"" + heads + "\"]"));
  }

  @Test
  void pendingTransactionsAsHashesOrFullObjects() throws Exception {
    String hashes = call("eth_subscribe", "[\"newPendingTransactions\"]");
    String full = call("eth_subscribe", "[\"newPendingTransactions\",true]");
    Transaction tx = TestBlocks.transfer(0, TOKEN);
    call("eth_sendRawTransaction", "[\"" + tx.encoded() + "\"]");
    JsonNode a = next();
    JsonNode b = next();
    JsonNode byHash = a.at("/params/subscription").asText().equals(hashes) ? a : b;
    JsonNode byObject = byHash == a ? b : a;
    assertEquals(tx.hash().toHexString(), byHash.at("/params/result").asText());
    assertEquals(full, byObject.at("/params/subscription").asText());
    assertEquals(tx.hash().toHexString(), byObject.at("/params/result/hash").asText());
    assertTrue(byObject.at("/params/result/blockHash").isNull());
  }

  @Test
  void unknownSubscriptionsAreRefused() throws Exception {
    socket.writeTextMessage(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"nope\"]}");
    JsonNode reply = poll(replies);
    assertEquals(-32601, reply.at("/error/code").asInt());
    assertEquals("no \"nope\" subscription in eth namespace", reply.at("/error/message").asText());
  }
}
