package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getUncleCountByBlockHash(hash): always 0 on a proof-of-stake chain; null if unknown. */
public final class EthGetUncleCountByBlockHash implements RpcMethod {
  private final ChainQueries chain;

  public EthGetUncleCountByBlockHash(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockHash";
  }

  @Override
  public Object execute(RpcCall call) {
    return chain.chain().header(call.params().hash(0)).map(h -> "0x0").orElse(null);
  }
}
