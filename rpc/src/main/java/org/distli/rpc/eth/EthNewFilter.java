package org.distli.rpc.eth;

import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.filter.LogFilter;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.LogQuery;

/** eth_newFilter(criteria): a polling filter for logs of blocks added from now on. */
public final class EthNewFilter implements RpcMethod {
  private final FilterManager filters;
  private final LogQuery logs;

  public EthNewFilter(FilterManager filters, LogQuery logs) {
    this.filters = filters;
    this.logs = logs;
  }

  @Override
  public String name() {
    return "eth_newFilter";
  }

  @Override
  public Object execute(RpcCall call) {
    LogFilter criteria = call.params().required(0, LogFilter::decode);
    LogQuery.requireOrderedRange(criteria);
    return filters.installLogFilter(criteria, logs.endOf(criteria));
  }
}
