package org.distli.rpc.debug;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.distli.chain.block.Block;
import org.distli.rpc.jsonrpc.BlockParameter;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** debug_traceBlockByNumber(block, options): every transaction of the block, traced in order. */
public final class DebugTraceBlockByNumber implements RpcMethod {
  private final ChainQueries chain;
  private final BlockReplay replay;

  public DebugTraceBlockByNumber(ChainQueries chain, BlockReplay replay) {
    this.chain = chain;
    this.replay = replay;
  }

  @Override
  public String name() {
    return "debug_traceBlockByNumber";
  }

  @Override
  public Object execute(RpcCall call) {
    BlockParameter number = call.params().blockNumber(0);
    TraceOptions options = call.params().optional(1, TraceOptions::decode, TraceOptions.DEFAULT);
    Block block =
        chain
            .block(number)
            .orElseThrow(() -> RpcException.server("block #" + number.number() + " not found"));
    return traceAll(replay, block, options);
  }

  /** [{txHash, result}, ...] as go-ethereum lists a block's traces. */
  static List<Object> traceAll(BlockReplay replay, Block block, TraceOptions options) {
    List<Object> out = new ArrayList<>();
    if (block.transactions().isEmpty()) {
      if (block.number() == 0) {
        throw RpcException.server("genesis is not traceable");
      }
      return out;
    }
    for (BlockReplay.Traced traced :
        replay.trace(block, 0, block.transactions().size() - 1, options)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("txHash", traced.transactionHash());
      entry.put("result", traced.result());
      out.add(entry);
    }
    return out;
  }
}
