package org.distli.rpc.eth;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;
import org.distli.state.StateReader;

/** eth_getCode(address, block): the account's code, "0x" when it has none. */
public final class EthGetCode implements RpcMethod {
  private final ChainQueries chain;

  public EthGetCode(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getCode";
  }

  @Override
  public Object execute(RpcCall call) {
    Address address = call.params().address(0);
    StateReader state = chain.state(call.params().blockOrLatest(1));
    Account account = state.account(address);
    return account == null ? Bytes.EMPTY : state.code(account.codeHash());
  }
}
