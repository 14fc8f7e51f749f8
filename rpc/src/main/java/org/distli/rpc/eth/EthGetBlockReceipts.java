package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getBlockReceipts(block): every receipt of a block (number, tag or hash); null if none. */
public final class EthGetBlockReceipts implements RpcMethod {
  private final ChainQueries chain;

  public EthGetBlockReceipts(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockReceipts";
  }

  @Override
  public Object execute(RpcCall call) {
    return chain
        .block(call.params().required(0, org.distli.rpc.jsonrpc.BlockParameter::decodeNumberOrHash))
        .flatMap(chain::receipts)
        .orElse(null);
  }
}
