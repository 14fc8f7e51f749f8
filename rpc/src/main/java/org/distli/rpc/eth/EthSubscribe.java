package org.distli.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.distli.rpc.filter.LogFilter;
import org.distli.rpc.filter.SubscriptionManager;
import org.distli.rpc.filter.SubscriptionManager.Kind;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcError;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * eth_subscribe(kind, options) over WebSocket: "newHeads", "logs" with filter criteria,
 * "newPendingTransactions" (with {@code true}: full transactions) and "syncing". The subscription
 * notifies only after this reply, so the client always knows its id first.
 */
public final class EthSubscribe implements RpcMethod {
  private final SubscriptionManager subscriptions;

  public EthSubscribe(SubscriptionManager subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public String name() {
    return "eth_subscribe";
  }

  @Override
  public Object execute(RpcCall call) {
    if (!call.session().supportsNotifications()) {
      throw new RpcException(
          new RpcError(RpcError.METHOD_NOT_FOUND, "notifications not supported"));
    }
    JsonNode kindNode = call.params().raw(0);
    if (kindNode == null || !kindNode.isTextual()) {
      throw RpcException.invalidParams("expected subscription name as first argument");
    }
    String name = kindNode.textValue();
    SubscriptionManager.Subscription subscription =
        switch (name) {
          case "newHeads" -> subscriptions.subscribe(call.session(), Kind.NEW_HEADS, null, false);
          case "logs" -> {
            LogFilter filter =
                call.params().has(1)
                    ? call.params().required(1, LogFilter::decode)
                    : new LogFilter(null, null, null, java.util.List.of(), java.util.List.of());
            if (filter.blockHash() != null
                || filter.fromBlock() != null
                || filter.toBlock() != null) {
              // Subscriptions follow the head; geth refuses block ranges here as well.
              throw RpcException.invalidArgument(1, "logs subscriptions take no block range");
            }
            yield subscriptions.subscribe(call.session(), Kind.LOGS, filter, false);
          }
          case "newPendingTransactions" ->
              subscriptions.subscribe(
                  call.session(),
                  Kind.NEW_PENDING_TRANSACTIONS,
                  null,
                  call.params().bool(1, false));
          case "syncing" -> subscriptions.subscribe(call.session(), Kind.SYNCING, null, false);
          default ->
              throw new RpcException(
                  new RpcError(
                      RpcError.METHOD_NOT_FOUND,
                      "no \"" + name + "\" subscription in eth namespace"));
        };
    call.afterResponse(subscription::activate);
    return subscription.id();
  }
}
