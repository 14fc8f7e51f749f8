package org.distli.rpc.eth;

import java.util.OptionalLong;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.rpc.jsonrpc.BlockParameter;
import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/**
 * eth_getTransactionCount(address, block): the account nonce; with "pending", the nonce the next
 * transaction needs counting the sender's pending transactions in the pool (what wallets ask).
 */
public final class EthGetTransactionCount implements RpcMethod {
  private final ChainQueries chain;

  public EthGetTransactionCount(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionCount";
  }

  @Override
  public Object execute(RpcCall call) {
    Address address = call.params().address(0);
    BlockParameter block = call.params().blockOrLatest(1);
    if (block.kind() == BlockParameter.Kind.PENDING) {
      OptionalLong pending = chain.pool().pendingNonce(address);
      if (pending.isPresent()) {
        return JsonOutput.quantity(pending.getAsLong());
      }
    }
    Account account = chain.state(block).account(address);
    return JsonOutput.quantity(account == null ? 0 : account.nonce());
  }
}
