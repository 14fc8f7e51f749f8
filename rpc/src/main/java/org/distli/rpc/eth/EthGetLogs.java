package org.distli.rpc.eth;

import org.distli.rpc.filter.LogFilter;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.LogQuery;

/** eth_getLogs(filter): logs of a block hash or a block range matching addresses and topics. */
public final class EthGetLogs implements RpcMethod {
  private final LogQuery logs;

  public EthGetLogs(LogQuery logs) {
    this.logs = logs;
  }

  @Override
  public String name() {
    return "eth_getLogs";
  }

  @Override
  public Object execute(RpcCall call) {
    return logs.logs(call.params().required(0, LogFilter::decode));
  }
}
