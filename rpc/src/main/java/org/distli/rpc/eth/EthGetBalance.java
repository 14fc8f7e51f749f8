package org.distli.rpc.eth;

import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/** eth_getBalance(address, block): the balance in wei. */
public final class EthGetBalance implements RpcMethod {
  private final ChainQueries chain;

  public EthGetBalance(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBalance";
  }

  @Override
  public Object execute(RpcCall call) {
    Address address = call.params().address(0);
    Account account = chain.state(call.params().blockOrLatest(1)).account(address);
    return account == null ? Wei.ZERO : account.balance();
  }
}
