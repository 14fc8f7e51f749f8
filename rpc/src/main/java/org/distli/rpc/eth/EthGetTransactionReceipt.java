package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getTransactionReceipt(hash): the receipt of a canonical transaction, else null. */
public final class EthGetTransactionReceipt implements RpcMethod {
  private final ChainQueries chain;

  public EthGetTransactionReceipt(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionReceipt";
  }

  @Override
  public Object execute(RpcCall call) {
    return chain.receipt(call.params().hash(0)).orElse(null);
  }
}
