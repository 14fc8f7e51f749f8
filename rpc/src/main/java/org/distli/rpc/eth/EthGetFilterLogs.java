package org.distli.rpc.eth;

import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.LogQuery;

/** eth_getFilterLogs(id): every log matching a log filter's criteria, as eth_getLogs would. */
public final class EthGetFilterLogs implements RpcMethod {
  private final FilterManager filters;
  private final LogQuery logs;

  public EthGetFilterLogs(FilterManager filters, LogQuery logs) {
    this.filters = filters;
    this.logs = logs;
  }

  @Override
  public String name() {
    return "eth_getFilterLogs";
  }

  @Override
  public Object execute(RpcCall call) {
    return logs.logs(filters.logCriteria(FilterIds.id(call)));
  }
}
