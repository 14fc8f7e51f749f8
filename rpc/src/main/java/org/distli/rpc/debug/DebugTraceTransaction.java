package org.distli.rpc.debug;

import org.distli.primitives.Hash;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/**
 * debug_traceTransaction(hash, options): replays the transaction's block up to it and traces it
 * with the struct logger or the callTracer.
 */
public final class DebugTraceTransaction implements RpcMethod {
  private final ChainQueries chain;
  private final BlockReplay replay;

  public DebugTraceTransaction(ChainQueries chain, BlockReplay replay) {
    this.chain = chain;
    this.replay = replay;
  }

  @Override
  public String name() {
    return "debug_traceTransaction";
  }

  @Override
  public Object execute(RpcCall call) {
    Hash hash = call.params().hash(0);
    TraceOptions options = call.params().optional(1, TraceOptions::decode, TraceOptions.DEFAULT);
    ChainQueries.Included included =
        chain.transaction(hash).orElseThrow(() -> RpcException.server("transaction not found"));
    return replay
        .trace(included.block(), included.index(), included.index(), options)
        .get(0)
        .result();
  }
}
