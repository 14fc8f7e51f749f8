package org.distli.rpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.distli.rpc.jsonrpc.MethodRegistry;
import org.distli.rpc.jsonrpc.RpcError;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;

/** Methods of a fake backend, to test the protocol layer without a chain. */
final class FakeMethods {
  /** Namespaces of the fake methods, plus debug to test namespace switches. */
  static final Set<String> NAMESPACES = Set.of("test", "eth", "debug");

  private FakeMethods() {}

  static MethodRegistry.Builder registry() {
    return MethodRegistry.builder()
        .add(RpcMethod.of("test_echo", call -> call.params().raw(0)))
        .add(
            RpcMethod.of(
                "test_add",
                call -> "0x" + Long.toHexString(call.params().uint64(0) + call.params().uint64(1))))
        .add(RpcMethod.of("eth_blockNumber", call -> "0x2a"))
        .add(
            RpcMethod.of(
                "test_fail",
                call -> {
                  throw RpcException.server("nonce too low");
                }))
        .add(
            RpcMethod.of(
                "test_revert",
                call -> {
                  throw new RpcException(
                      new RpcError(RpcError.EXECUTION_REVERTED, "execution reverted", "0x"));
                }))
        .add(
            RpcMethod.of(
                "test_crash",
                call -> {
                  throw new IllegalStateException("broken backend");
                }))
        .add(
            RpcMethod.of(
                "test_sleep",
                call -> {
                  long millis = call.params().uint64(0);
                  try {
                    Thread.sleep(millis);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return "0x" + Long.toHexString(millis);
                }))
        .add(
            RpcMethod.of(
                "test_subscribe",
                call -> {
                  if (!call.session().supportsNotifications()) {
                    throw new RpcException(
                        new RpcError(RpcError.METHOD_NOT_FOUND, "notifications not supported"));
                  }
                  String id = "0xfeed";
                  call.afterResponse(
                      () -> {
                        for (int i = 0; i < 3; i++) {
                          Map<String, Object> params = new LinkedHashMap<>();
                          params.put("subscription", id);
                          params.put("result", "0x" + i);
                          call.session().notify("test_subscription", params);
                        }
                      });
                  return id;
                }))
        .add(RpcMethod.of("test_repeat", call -> "a".repeat((int) call.params().uint64(0))))
        .add(RpcMethod.of("test_list", call -> List.of("0x1", true, Map.of("a", "b"))))
        .add(RpcMethod.of("debug_secret", call -> "only in dev"));
  }
}
