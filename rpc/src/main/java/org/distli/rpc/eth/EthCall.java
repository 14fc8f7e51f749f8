package org.distli.rpc.eth;

import org.distli.chain.block.BlockHeader;
import org.distli.rpc.call.BlockOverrides;
import org.distli.rpc.call.CallArguments;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.call.StateOverrides;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * eth_call(call, block, stateOverrides, blockOverrides): executes a call on the state after the
 * block and returns its output; a revert is error 3 "execution reverted[: reason]" with the revert
 * data, as go-ethereum reports it.
 */
public final class EthCall implements RpcMethod {
  private final CallExecutor executor;

  public EthCall(CallExecutor executor) {
    this.executor = executor;
  }

  @Override
  public String name() {
    return "eth_call";
  }

  @Override
  public Object execute(RpcCall call) {
    CallArguments args = call.params().required(0, CallArguments::decode);
    executor.requireChainId(args);
    BlockHeader header = executor.chain().requireHeader(call.params().blockOrLatest(1));
    StateOverrides state = call.params().optional(2, StateOverrides::decode, StateOverrides.NONE);
    BlockOverrides block = call.params().optional(3, BlockOverrides::decode, BlockOverrides.NONE);
    return executor.output(new CallExecutor.Call(args, header, state, block), null);
  }
}
