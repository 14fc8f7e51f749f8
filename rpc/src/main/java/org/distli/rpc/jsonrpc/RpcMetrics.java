package org.distli.rpc.jsonrpc;

/**
 * Receives the latency of every executed call, for the node to feed into Prometheus. Called on
 * worker threads; implementations must be thread-safe and quick. Only registered method names are
 * reported, so the set of labels stays bounded.
 */
@FunctionalInterface
public interface RpcMetrics {
  RpcMetrics NONE = (method, nanos, success) -> {};

  void onCall(String method, long durationNanos, boolean success);
}
