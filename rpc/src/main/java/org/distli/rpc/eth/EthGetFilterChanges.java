package org.distli.rpc.eth;

import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** eth_getFilterChanges(id): what the filter collected since the last poll. */
public final class EthGetFilterChanges implements RpcMethod {
  private final FilterManager filters;

  public EthGetFilterChanges(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_getFilterChanges";
  }

  @Override
  public Object execute(RpcCall call) {
    return filters.changes(FilterIds.id(call));
  }
}
