package org.distli.rpc.eth;

import org.distli.rpc.json.BlockJson;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getBlockByHash(hash, full): a stored block, canonical or not; null when unknown. */
public final class EthGetBlockByHash implements RpcMethod {
  private final ChainQueries chain;

  public EthGetBlockByHash(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockByHash";
  }

  @Override
  public Object execute(RpcCall call) {
    var block = chain.chain().block(call.params().hash(0));
    boolean full = call.params().bool(1, false);
    return block.map(b -> new BlockJson(b, full)).orElse(null);
  }
}
