package org.distli.rpc.web3;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** web3_clientVersion: "Distli/v0.1.0/linux-amd64/java25", shaped like geth's. */
public final class Web3ClientVersion implements RpcMethod {
  private final String version;

  public Web3ClientVersion(String version) {
    this.version = version;
  }

  @Override
  public String name() {
    return "web3_clientVersion";
  }

  @Override
  public Object execute(RpcCall call) {
    return version;
  }
}
