package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * eth_getUncleByBlockHashAndIndex(hash, index) and eth_getUncleByBlockNumberAndIndex(block, index):
 * always null, since proof-of-stake blocks have no uncles; served (with their arguments checked)
 * because libraries and explorers call them and go-ethereum answers null.
 */
public final class EthGetUncleByBlockAndIndex implements RpcMethod {
  private final boolean byHash;

  private EthGetUncleByBlockAndIndex(boolean byHash) {
    this.byHash = byHash;
  }

  public static EthGetUncleByBlockAndIndex byHash() {
    return new EthGetUncleByBlockAndIndex(true);
  }

  public static EthGetUncleByBlockAndIndex byNumber() {
    return new EthGetUncleByBlockAndIndex(false);
  }

  @Override
  public String name() {
    return byHash ? "eth_getUncleByBlockHashAndIndex" : "eth_getUncleByBlockNumberAndIndex";
  }

  @Override
  public Object execute(RpcCall call) {
    if (byHash) {
      call.params().hash(0);
    } else {
      call.params().blockNumber(0);
    }
    call.params().uint64(1);
    return null;
  }
}
