package org.distli.node.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A small JSON-RPC client over HTTP/1.1 with batches, for the load generator: web3j's typed client
 * would spend more time building objects than the node spends on a transfer.
 */
final class JsonRpcClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A call's parameters as raw JSON ({@code ["0x..", "latest"]}). */
  record Call(String method, String params) {}

  /** A reply: the result, or the error's message. */
  record Reply(JsonNode result, String error) {
    boolean ok() {
      return error == null;
    }
  }

  private final HttpClient http;
  private final URI uri;

  /**
   * @throws IllegalArgumentException when {@code url} is not an http(s) URL with a host
   */
  JsonRpcClient(String url) {
    URI parsed;
    try {
      parsed = new URI(url);
    } catch (URISyntaxException e) {
      parsed = null;
    }
    if (parsed == null
        || parsed.getHost() == null
        || !("http".equalsIgnoreCase(parsed.getScheme())
            || "https".equalsIgnoreCase(parsed.getScheme()))) {
      throw new IllegalArgumentException(
          "not an http(s) URL with a host: " + url + " (e.g. http://127.0.0.1:8545)");
    }
    this.uri = parsed;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  JsonNode call(String method, String params) throws IOException {
    Reply reply = batch(List.of(new Call(method, params))).get(0);
    if (!reply.ok()) {
      throw new IOException(method + ": " + reply.error());
    }
    return reply.result();
  }

  /** Sends the calls as one batch; replies come back in call order. */
  List<Reply> batch(List<Call> calls) throws IOException {
    StringBuilder body = new StringBuilder(calls.size() * 300);
    body.append('[');
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      if (i > 0) {
        body.append(',');
      }
      body.append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(i)
          .append(",\"method\":\"")
          .append(call.method())
          .append("\",\"params\":")
          .append(call.params())
          .append('}');
    }
    body.append(']');
    HttpResponse<byte[]> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(120))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + uri);
    }
    JsonNode replies = JSON.readTree(response.body());
    Reply[] ordered = new Reply[calls.size()];
    if (!replies.isArray()) {
      throw new IOException("expected a batch reply, got " + abbreviate(replies.toString()));
    }
    for (JsonNode reply : replies) {
      int id = reply.path("id").asInt(-1);
      if (id < 0 || id >= ordered.length) {
        throw new IOException("reply with unknown id: " + abbreviate(reply.toString()));
      }
      JsonNode error = reply.get("error");
      ordered[id] =
          error != null && !error.isNull()
              ? new Reply(null, error.path("message").asText(error.toString()))
              : new Reply(reply.get("result"), null);
    }
    List<Reply> out = new ArrayList<>(ordered.length);
    for (int i = 0; i < ordered.length; i++) {
      out.add(ordered[i] != null ? ordered[i] : new Reply(null, "no reply"));
    }
    return out;
  }

  static long quantity(JsonNode node) {
    String text = node.asText();
    return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
  }

  /**
   * Why a call failed, in a few words: the JDK's HTTP client reports a refused connection as a
   * {@link ConnectException} without a message, and a failure inside a worker arrives wrapped.
   */
  static String describe(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof ExecutionException || e instanceof CompletionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "no reply in time";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof EOFException) {
      return "connection closed";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
