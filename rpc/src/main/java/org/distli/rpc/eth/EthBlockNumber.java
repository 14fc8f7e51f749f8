package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_blockNumber: the head's number. */
public final class EthBlockNumber implements RpcMethod {
  private final ChainQueries chain;

  public EthBlockNumber(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_blockNumber";
  }

  @Override
  public Object execute(RpcCall call) {
    return JsonOutput.quantity(chain.head().number());
  }
}
