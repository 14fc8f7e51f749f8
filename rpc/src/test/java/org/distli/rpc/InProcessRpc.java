package org.distli.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.distli.rpc.jsonrpc.JsonRpcProcessor;
import org.distli.rpc.jsonrpc.MethodRegistry;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.jsonrpc.RpcMetrics;
import org.distli.rpc.jsonrpc.RpcSession;

/** Calls methods through the protocol layer without a network, for method tests. */
public final class InProcessRpc {
  private final JsonRpcProcessor processor;

  public InProcessRpc(MethodRegistry registry) {
    this.processor = new JsonRpcProcessor(registry, 1_000, RpcMetrics.NONE);
  }

  public static InProcessRpc of(RpcMethod... methods) {
    MethodRegistry.Builder builder = MethodRegistry.builder();
    for (RpcMethod method : methods) {
      builder.add(method);
    }
    return new InProcessRpc(builder.build(RpcConfig.ALL_NAMESPACES));
  }

  /** The whole reply object of a call with {@code paramsJson} (a JSON array). */
  public JsonNode reply(String method, String paramsJson) {
    return reply(method, paramsJson, RpcSession.HTTP);
  }

  public JsonNode reply(String method, String paramsJson, RpcSession session) {
    String request =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + paramsJson
            + "}";
    JsonRpcProcessor.Reply reply =
        processor.process(request.getBytes(StandardCharsets.UTF_8), session);
    reply.runAfterSend();
    try {
      return RpcTestServer.JSON.readTree(reply.json());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The result of a call; fails the test with the error when there is one. */
  public JsonNode result(String method, String paramsJson) {
    JsonNode reply = reply(method, paramsJson);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.get("result");
  }
}
