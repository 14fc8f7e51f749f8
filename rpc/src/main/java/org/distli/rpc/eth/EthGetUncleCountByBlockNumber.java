package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getUncleCountByBlockNumber(block): always 0 on a proof-of-stake chain; null if no block. */
public final class EthGetUncleCountByBlockNumber implements RpcMethod {
  private final ChainQueries chain;

  public EthGetUncleCountByBlockNumber(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockNumber";
  }

  @Override
  public Object execute(RpcCall call) {
    return chain.header(call.params().blockNumber(0)).map(h -> "0x0").orElse(null);
  }
}
