package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** eth_chainId (EIP-695): the chain id as a hex quantity. */
public final class EthChainId implements RpcMethod {
  private final String chainId;

  public EthChainId(long chainId) {
    this.chainId = JsonOutput.quantity(chainId);
  }

  @Override
  public String name() {
    return "eth_chainId";
  }

  @Override
  public Object execute(RpcCall call) {
    return chainId;
  }
}
