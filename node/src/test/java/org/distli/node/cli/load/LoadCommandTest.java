package org.distli.node.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new LoadCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String oneErrorLine() {
    String text = err.toString();
    assertTrue(text.endsWith(System.lineSeparator()), text);
    String line = text.substring(0, text.length() - System.lineSeparator().length());
    assertFalse(line.contains("\n") || line.contains("\r"), "more than one line: " + text);
    return line;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anEndpointWithNothingListeningIsNamedWithTheCause() throws Exception {
    String url = "http://127.0.0.1:" + freePort();

    int status = run("--rpc-url", url);

    assertEquals(1, status);
    assertEquals("distli load: " + url + ": connection refused", oneErrorLine());
  }

  @Test
  void aMalformedEndpointIsAUsageError() {
    assertEquals(2, run("--rpc-url", "127.0.0.1:8545"));
    assertTrue(oneErrorLine().startsWith("distli load: not an http(s) URL"), err.toString());
  }

  @Test
  void aNodeThatStopsDuringTheRunEndsTheLoadWithOneLine() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicBoolean stopping = new AtomicBoolean();
    // a node that answers until the first transfer arrives, then goes away
    server.createContext(
        "/",
        exchange -> {
          JsonNode calls = JSON.readTree(exchange.getRequestBody());
          StringBuilder replies = new StringBuilder("[");
          boolean transfer = false;
          for (JsonNode call : calls) {
            String method = call.path("method").asText();
            String result =
                switch (method) {
                  case "eth_chainId" -> "\"0x539\"";
                  case "eth_getBalance" -> "\"0xffffffffffffffffffffffffffff\"";
                  case "eth_getTransactionCount", "eth_blockNumber" -> "\"0x0\"";
                  case "eth_sendRawTransaction" -> {
                    transfer = true;
                    yield "\"0x" + "00".repeat(32) + "\"";
                  }
                  default -> "null";
                };
            if (replies.length() > 1) {
              replies.append(',');
            }
            replies
                .append("{\"jsonrpc\":\"2.0\",\"id\":")
                .append(call.path("id").asInt())
                .append(",\"result\":")
                .append(result)
                .append('}');
          }
          byte[] body = replies.append(']').toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
          if (transfer && stopping.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> server.stop(0));
          }
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      int status =
          run(
              "--rpc-url",
              url,
              "--transactions",
              "4",
              "--senders",
              "2",
              "--connections",
              "1",
              "--batch",
              "1",
              "--timeout",
              "30");

      assertEquals(1, status, err.toString());
      String line = oneErrorLine();
      assertTrue(line.startsWith("distli load: " + url + ": "), line);
    } finally {
      server.stop(0);
    }
  }
}
