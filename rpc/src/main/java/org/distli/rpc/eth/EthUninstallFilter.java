package org.distli.rpc.eth;

import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** eth_uninstallFilter(id): true when the filter existed. */
public final class EthUninstallFilter implements RpcMethod {
  private final FilterManager filters;

  public EthUninstallFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_uninstallFilter";
  }

  @Override
  public Object execute(RpcCall call) {
    return filters.uninstall(FilterIds.id(call));
  }
}
