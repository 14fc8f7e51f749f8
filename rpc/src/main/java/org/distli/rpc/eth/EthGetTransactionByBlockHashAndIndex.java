package org.distli.rpc.eth;

import org.distli.rpc.json.TransactionJson;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getTransactionByBlockHashAndIndex(hash, index): null when out of range or unknown. */
public final class EthGetTransactionByBlockHashAndIndex implements RpcMethod {
  private final ChainQueries chain;

  public EthGetTransactionByBlockHashAndIndex(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockHashAndIndex";
  }

  @Override
  public Object execute(RpcCall call) {
    var block = chain.chain().block(call.params().hash(0));
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
