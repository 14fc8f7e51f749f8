package org.distli.rpc.eth;

import org.distli.rpc.json.TransactionJson;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getTransactionByBlockNumberAndIndex(block, index): null when out of range or no block. */
public final class EthGetTransactionByBlockNumberAndIndex implements RpcMethod {
  private final ChainQueries chain;

  public EthGetTransactionByBlockNumberAndIndex(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockNumberAndIndex";
  }

  @Override
  public Object execute(RpcCall call) {
    var block = chain.block(call.params().blockNumber(0));
    long index = call.params().uint64(1);
    return block
        .filter(b -> index >= 0 && index < b.transactions().size())
        .map(
            b ->
                TransactionJson.included(
                    b.transactions().get((int) index), b.header(), (int) index))
        .orElse(null);
  }
}
