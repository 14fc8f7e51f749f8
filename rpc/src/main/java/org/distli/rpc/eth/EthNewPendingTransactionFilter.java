package org.distli.rpc.eth;

import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** eth_newPendingTransactionFilter: a polling filter for hashes of newly pending transactions. */
public final class EthNewPendingTransactionFilter implements RpcMethod {
  private final FilterManager filters;

  public EthNewPendingTransactionFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newPendingTransactionFilter";
  }

  @Override
  public Object execute(RpcCall call) {
    return filters.installPendingTransactionFilter();
  }
}
