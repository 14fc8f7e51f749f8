package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.GasPriceOracle;

/** eth_maxPriorityFeePerGas: the suggested EIP-1559 tip. */
public final class EthMaxPriorityFeePerGas implements RpcMethod {
  private final GasPriceOracle oracle;

  public EthMaxPriorityFeePerGas(GasPriceOracle oracle) {
    this.oracle = oracle;
  }

  @Override
  public String name() {
    return "eth_maxPriorityFeePerGas";
  }

  @Override
  public Object execute(RpcCall call) {
    return oracle.suggestTip();
  }
}
