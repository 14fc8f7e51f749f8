package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * eth_syncing: false. A Distli node produces or imports the chain it serves and answers from its
 * own head; it has no separate catch-up phase to report.
 */
public final class EthSyncing implements RpcMethod {
  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public Object execute(RpcCall call) {
    return Boolean.FALSE;
  }
}
