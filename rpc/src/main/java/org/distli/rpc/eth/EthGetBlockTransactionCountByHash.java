package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getBlockTransactionCountByHash(hash): transactions in the block, null when unknown. */
public final class EthGetBlockTransactionCountByHash implements RpcMethod {
  private final ChainQueries chain;

  public EthGetBlockTransactionCountByHash(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByHash";
  }

  @Override
  public Object execute(RpcCall call) {
    return chain
        .chain()
        .body(call.params().hash(0))
        .map(b -> JsonOutput.quantity(b.transactions().size()))
        .orElse(null);
  }
}
