package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getBlockTransactionCountByNumber(block): transactions in the block, null when none. */
public final class EthGetBlockTransactionCountByNumber implements RpcMethod {
  private final ChainQueries chain;

  public EthGetBlockTransactionCountByNumber(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByNumber";
  }

  @Override
  public Object execute(RpcCall call) {
    return chain
        .block(call.params().blockNumber(0))
        .map(b -> JsonOutput.quantity(b.transactions().size()))
        .orElse(null);
  }
}
