package org.distli.rpc.net;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** net_version: the network id, which is the chain id, as a decimal string. */
public final class NetVersion implements RpcMethod {
  private final String networkId;

  public NetVersion(long chainId) {
    this.networkId = Long.toUnsignedString(chainId);
  }

  @Override
  public String name() {
    return "net_version";
  }

  @Override
  public Object execute(RpcCall call) {
    return networkId;
  }
}
