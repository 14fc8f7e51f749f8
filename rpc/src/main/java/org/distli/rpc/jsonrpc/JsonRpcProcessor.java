package org.distli.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 protocol without a transport: parses a request body (one call or a batch),
 * executes the calls in order and writes the replies in request order. Notifications (calls without
 * an id) are executed but get no reply. Runs on a worker thread.
 */
public final class JsonRpcProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcProcessor.class);

  private final MethodRegistry methods;
  private final int maxBatchSize;
  private final RpcMetrics metrics;
  private final ObjectMapper mapper;
  private final JsonFactory factory;

  public JsonRpcProcessor(MethodRegistry methods, int maxBatchSize, RpcMetrics metrics) {
    this.methods = methods;
    this.maxBatchSize = maxBatchSize;
    this.metrics = metrics;
    this.factory =
        JsonFactory.builder()
            // Request size is bounded by the transport (5 MiB); let one string use all of it.
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  /**
   * What to send back: the JSON bytes, or null when every call was a notification; and actions to
   * run once the bytes are handed to the connection.
   */
  public record Reply(byte[] json, List<Runnable> afterSend) {
    public void runAfterSend() {
      for (Runnable action : afterSend) {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.warn("action after a JSON-RPC reply failed", e);
        }
      }
    }
  }

  public Reply process(byte[] body, RpcSession session) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || root.isMissingNode()) {
      return new Reply(errorBytes(null, RpcError.parseError()), List.of());
    }
    List<Runnable> afterSend = new ArrayList<>(0);
    if (!root.isArray()) {
      byte[] reply = processOne(root, session, afterSend);
      return new Reply(reply, afterSend);
    }
    ArrayNode batch = (ArrayNode) root;
    if (batch.isEmpty()) {
      return new Reply(errorBytes(null, RpcError.invalidRequest("empty batch")), List.of());
    }
    if (batch.size() > maxBatchSize) {
      // Like go-ethereum: one error, carrying the id of the first call, in a one-element batch.
      JsonNode firstId = null;
      for (JsonNode call : batch) {
        if (call.isObject() && call.has("id")) {
          firstId = call.get("id");
          break;
        }
      }
      byte[] error = errorBytes(firstId, RpcError.invalidRequest("batch too large"));
      return new Reply(wrapBatch(List.of(error)), List.of());
    }
    List<byte[]> replies = new ArrayList<>(batch.size());
    for (JsonNode call : batch) {
      byte[] reply = processOne(call, session, afterSend);
      if (reply != null) {
        replies.add(reply);
      }
    }
    return new Reply(replies.isEmpty() ? null : wrapBatch(replies), afterSend);
  }

  private byte[] processOne(JsonNode message, RpcSession session, List<Runnable> afterSend) {
    if (!message.isObject()) {
      return errorBytes(null, RpcError.invalidRequest("invalid request"));
    }
    JsonNode id = message.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return errorBytes(null, RpcError.invalidRequest("invalid request"));
    }
    JsonNode version = message.get("jsonrpc");
    JsonNode method = message.get("method");
    if (version == null
        || !"2.0".equals(version.textValue())
        || method == null
        || !method.isTextual()
        || method.textValue().isEmpty()) {
      return notification ? null : errorBytes(id, RpcError.invalidRequest("invalid request"));
    }
    String name = method.textValue();
    RpcMethod target = methods.get(name);
    if (target == null) {
      return notification ? null : errorBytes(id, RpcError.methodNotFound(name));
    }
    JsonNode rawParams = message.get("params");
    RpcParams params;
    if (rawParams == null || rawParams.isNull()) {
      params = RpcParams.EMPTY;
    } else if (rawParams.isArray()) {
      params = RpcParams.of((ArrayNode) rawParams);
    } else {
      return notification ? null : errorBytes(id, RpcError.invalidParams("non-array args"));
    }

    RpcCall call = new RpcCall(name, params, session);
    long start = System.nanoTime();
    Object result;
    try {
      result = target.execute(call);
    } catch (RpcException e) {
      metrics.onCall(name, System.nanoTime() - start, false);
      return notification ? null : errorBytes(id, e.error());
    } catch (RuntimeException | StackOverflowError e) {
      metrics.onCall(name, System.nanoTime() - start, false);
      LOG.warn("{} failed", name, e);
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return notification ? null : errorBytes(id, RpcError.internal(detail));
    }
    metrics.onCall(name, System.nanoTime() - start, true);
    afterSend.addAll(call.afterResponseActions());
    if (notification) {
      return null;
    }
    try {
      return resultBytes(id, result);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} returned a result that cannot be written", name, e);
      return errorBytes(id, RpcError.internal("result serialization failed"));
    }
  }

  private byte[] resultBytes(JsonNode id, Object result) throws IOException {
    ByteArrayBuilder buffer = new ByteArrayBuilder(256);
    try (JsonGenerator out = factory.createGenerator(buffer)) {
      out.writeStartObject();
      out.writeStringField("jsonrpc", "2.0");
      out.writeFieldName("id");
      writeId(out, id);
      out.writeFieldName("result");
      JsonOutput.write(out, result);
      out.writeEndObject();
    }
    return buffer.toByteArray();
  }

  /** A reply carrying an error; {@code id} null when the request's id could not be read. */
  public byte[] errorBytes(JsonNode id, RpcError error) {
    ByteArrayBuilder buffer = new ByteArrayBuilder(128);
    try (JsonGenerator out = factory.createGenerator(buffer)) {
      out.writeStartObject();
      out.writeStringField("jsonrpc", "2.0");
      out.writeFieldName("id");
      writeId(out, id);
      out.writeFieldName("error");
      out.writeStartObject();
      out.writeNumberField("code", error.code());
      out.writeStringField("message", error.message());
      if (error.data() != null) {
        out.writeFieldName("data");
        JsonOutput.write(out, error.data());
      }
      out.writeEndObject();
      out.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return buffer.toByteArray();
  }

  /**
   * A notification message (no id) for subscriptions: {"jsonrpc":"2.0","method":..,"params":..}.
   */
  public byte[] notificationBytes(String method, Object params) {
    ByteArrayBuilder buffer = new ByteArrayBuilder(256);
    try (JsonGenerator out = factory.createGenerator(buffer)) {
      out.writeStartObject();
      out.writeStringField("jsonrpc", "2.0");
      out.writeStringField("method", method);
      out.writeFieldName("params");
      JsonOutput.write(out, params);
      out.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return buffer.toByteArray();
  }

  private static void writeId(JsonGenerator out, JsonNode id) throws IOException {
    if (id == null) {
      out.writeNull();
    } else {
      out.writeTree(id);
    }
  }

  private static byte[] wrapBatch(List<byte[]> replies) {
    int size = 2 + Math.max(0, replies.size() - 1);
    for (byte[] reply : replies) {
      size += reply.length;
    }
    byte[] out = new byte[size];
    int at = 0;
    out[at++] = '[';
    for (int i = 0; i < replies.size(); i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      byte[] reply = replies.get(i);
      System.arraycopy(reply, 0, out, at, reply.length);
      at += reply.length;
    }
    out[at] = ']';
    return out;
  }
}
