package org.distli.rpc.eth;

import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** eth_accounts: the addresses this node signs for (the dev accounts; none in production). */
public final class EthAccounts implements RpcMethod {
  private final UnlockedAccounts accounts;

  public EthAccounts(UnlockedAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "eth_accounts";
  }

  @Override
  public Object execute(RpcCall call) {
    return accounts.addresses();
  }
}
