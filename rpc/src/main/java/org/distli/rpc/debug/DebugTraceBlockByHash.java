package org.distli.rpc.debug;

import org.distli.chain.block.Block;
import org.distli.primitives.Hash;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** debug_traceBlockByHash(hash, options): every transaction of the block, traced in order. */
public final class DebugTraceBlockByHash implements RpcMethod {
  private final ChainQueries chain;
  private final BlockReplay replay;

  public DebugTraceBlockByHash(ChainQueries chain, BlockReplay replay) {
    this.chain = chain;
    this.replay = replay;
  }

  @Override
  public String name() {
    return "debug_traceBlockByHash";
  }

  @Override
  public Object execute(RpcCall call) {
    Hash hash = call.params().hash(0);
    TraceOptions options = call.params().optional(1, TraceOptions::decode, TraceOptions.DEFAULT);
    Block block =
        chain
            .chain()
            .block(hash)
            .orElseThrow(() -> RpcException.server("block " + hash + " not found"));
    return DebugTraceBlockByNumber.traceAll(replay, block, options);
  }
}
