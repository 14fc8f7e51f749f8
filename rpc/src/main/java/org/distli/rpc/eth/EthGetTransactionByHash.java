package org.distli.rpc.eth;

import org.distli.primitives.Hash;
import org.distli.rpc.json.TransactionJson;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/**
 * eth_getTransactionByHash(hash): a canonical transaction with its position, else a pending one
 * from the pool (null block fields), else null.
 */
public final class EthGetTransactionByHash implements RpcMethod {
  private final ChainQueries chain;

  public EthGetTransactionByHash(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionByHash";
  }

  @Override
  public Object execute(RpcCall call) {
    Hash hash = call.params().hash(0);
    var included = chain.transaction(hash);
    if (included.isPresent()) {
      var found = included.get();
      return TransactionJson.included(found.transaction(), found.block().header(), found.index());
    }
    return chain
        .pool()
        .get(hash)
        .map(tx -> TransactionJson.pending(tx, chain.pool().nextBaseFee()))
        .orElse(null);
  }
}
