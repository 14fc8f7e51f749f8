package org.distli.rpc.eth;

import org.distli.rpc.filter.SubscriptionManager;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * eth_unsubscribe(id): true when the connection had that subscription, else -32000 "subscription
 * not found" as go-ethereum answers (also for another connection's subscription).
 */
public final class EthUnsubscribe implements RpcMethod {
  private final SubscriptionManager subscriptions;

  public EthUnsubscribe(SubscriptionManager subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public String name() {
    return "eth_unsubscribe";
  }

  @Override
  public Object execute(RpcCall call) {
    if (!subscriptions.unsubscribe(call.session(), FilterIds.id(call))) {
      throw RpcException.server("subscription not found");
    }
    return true;
  }
}
