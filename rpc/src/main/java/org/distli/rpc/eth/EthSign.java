package org.distli.rpc.eth;

import org.distli.primitives.Address;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** eth_sign(address, data): an EIP-191 personal-message signature by an unlocked account. */
public final class EthSign implements RpcMethod {
  private final UnlockedAccounts accounts;

  public EthSign(UnlockedAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "eth_sign";
  }

  @Override
  public Object execute(RpcCall call) {
    Address address = call.params().address(0);
    return accounts.sign(address, UnlockedAccounts.personalMessageHash(call.params().bytes(1)));
  }
}
