package org.distli.rpc.debug;

import org.distli.chain.block.BlockHeader;
import org.distli.rpc.call.CallArguments;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * debug_traceCall(call, block, options): runs a call as eth_call does (with the options' state and
 * block overrides) and returns its trace; a revert is part of the trace, not an error.
 */
public final class DebugTraceCall implements RpcMethod {
  private final CallExecutor executor;

  public DebugTraceCall(CallExecutor executor) {
    this.executor = executor;
  }

  @Override
  public String name() {
    return "debug_traceCall";
  }

  @Override
  public Object execute(RpcCall call) {
    CallArguments args = call.params().required(0, CallArguments::decode);
    executor.requireChainId(args);
    BlockHeader header = executor.chain().requireHeader(call.params().blockOrLatest(1));
    TraceOptions options = call.params().optional(2, TraceOptions::decode, TraceOptions.DEFAULT);
    ResultTracer tracer = options.newTracer();
    executor.runOrThrow(
        new CallExecutor.Call(args, header, options.stateOverrides(), options.blockOverrides()),
        executor.gasFor(args),
        tracer);
    return tracer.result();
  }
}
