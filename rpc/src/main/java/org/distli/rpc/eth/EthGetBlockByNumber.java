package org.distli.rpc.eth;

import org.distli.rpc.json.BlockJson;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/**
 * eth_getBlockByNumber(block, full): the block with transaction hashes or objects; null when there
 * is none. "pending" gives the head: blocks are produced as soon as transactions arrive.
 */
public final class EthGetBlockByNumber implements RpcMethod {
  private final ChainQueries chain;

  public EthGetBlockByNumber(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockByNumber";
  }

  @Override
  public Object execute(RpcCall call) {
    var block = chain.block(call.params().blockNumber(0));
    boolean full = call.params().bool(1, false);
    return block.map(b -> new BlockJson(b, full)).orElse(null);
  }
}
