package org.distli.rpc.eth;

import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** eth_newBlockFilter: a polling filter for the hashes of new blocks. */
public final class EthNewBlockFilter implements RpcMethod {
  private final FilterManager filters;

  public EthNewBlockFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newBlockFilter";
  }

  @Override
  public Object execute(RpcCall call) {
    return filters.installBlockFilter();
  }
}
