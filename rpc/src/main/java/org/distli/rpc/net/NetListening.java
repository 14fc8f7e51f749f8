package org.distli.rpc.net;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** net_listening: whether the node accepts peer connections; a running node always does. */
public final class NetListening implements RpcMethod {
  @Override
  public String name() {
    return "net_listening";
  }

  @Override
  public Object execute(RpcCall call) {
    return Boolean.TRUE;
  }
}
