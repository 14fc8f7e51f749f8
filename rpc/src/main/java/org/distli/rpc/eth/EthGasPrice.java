package org.distli.rpc.eth;

import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.GasPriceOracle;

/** eth_gasPrice: a legacy gas price that gets included: suggested tip plus the head's base fee. */
public final class EthGasPrice implements RpcMethod {
  private final GasPriceOracle oracle;

  public EthGasPrice(GasPriceOracle oracle) {
    this.oracle = oracle;
  }

  @Override
  public String name() {
    return "eth_gasPrice";
  }

  @Override
  public Object execute(RpcCall call) {
    return oracle.suggestGasPrice();
  }
}
