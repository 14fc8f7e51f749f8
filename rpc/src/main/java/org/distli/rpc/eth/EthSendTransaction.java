package org.distli.rpc.eth;

import java.util.OptionalLong;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.call.BlockOverrides;
import org.distli.rpc.call.CallArguments;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.call.StateOverrides;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.GasPriceOracle;
import org.distli.txpool.TransactionPool;

/**
 * eth_sendTransaction(call): signs a transaction with an unlocked (dev) account and submits it.
 * Missing fields are filled as go-ethereum fills them: the next nonce counting pending
 * transactions, EIP-1559 fees (the suggested tip, fee cap = 2 × next base fee + tip) unless a gas
 * price is given, the gas from an estimate, and the chain id.
 */
public final class EthSendTransaction implements RpcMethod {
  private final CallExecutor executor;
  private final GasPriceOracle oracle;
  private final UnlockedAccounts accounts;
  private final TransactionPool pool;

  public EthSendTransaction(
      CallExecutor executor,
      GasPriceOracle oracle,
      UnlockedAccounts accounts,
      TransactionPool pool) {
    this.executor = executor;
    this.oracle = oracle;
    this.accounts = accounts;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "eth_sendTransaction";
  }

  @Override
  public Object execute(RpcCall call) {
    CallArguments args = call.params().required(0, CallArguments::decode);
    if (args.from() == null) {
      throw RpcException.server("from field must be specified");
    }
    SecretKey key = accounts.key(args.from());
    BlockHeader head = executor.chain().head();
    executor.requireChainId(args);
    long chainId = executor.chain().spec().chainId();
    long nonce = args.nonce() != null ? args.nonce() : nextNonce(args.from(), head);
    Wei nextBaseFee = pool.nextBaseFee();
    boolean legacy = args.gasPrice() != null || nextBaseFee == null;
    Wei gasPrice = null;
    Wei tip = null;
    Wei feeCap = null;
    if (legacy) {
      gasPrice = args.gasPrice() != null ? args.gasPrice() : oracle.suggestGasPrice();
    } else {
      tip = args.maxPriorityFeePerGas() != null ? args.maxPriorityFeePerGas() : oracle.suggestTip();
      feeCap =
          args.maxFeePerGas() != null ? args.maxFeePerGas() : nextBaseFee.add(nextBaseFee).add(tip);
      if (args.maxFeePerGas() != null && tip.compareTo(feeCap) > 0) {
        tip = feeCap;
      }
    }
    CallArguments filled =
        new CallArguments(
            args.from(),
            args.to(),
            args.gas(),
            gasPrice,
            feeCap,
            tip,
            null,
            args.value(),
            nonce,
            args.data(),
            args.accessList(),
            chainId,
            null,
            null);
    long gas =
        args.gas() != null
            ? args.gas()
            : EthEstimateGas.estimate(
                executor,
                new CallExecutor.Call(filled, head, StateOverrides.NONE, BlockOverrides.NONE));
    TransactionType type =
        legacy
            ? (args.accessList() != null ? TransactionType.ACCESS_LIST : TransactionType.LEGACY)
            : TransactionType.DYNAMIC_FEE;
    Transaction.Builder tx =
        Transaction.builder(type)
            .nonce(nonce)
            .gasLimit(gas)
            .value(args.valueOrZero())
            .data(args.dataOrEmpty());
    if (args.to() != null) {
      tx.to(args.to());
    }
    if (args.accessList() != null) {
      tx.accessList(args.accessList());
    }
    if (legacy) {
      tx.gasPrice(gasPrice);
    } else {
      tx.maxPriorityFeePerGas(tip).maxFeePerGas(feeCap);
    }
    return EthSendRawTransaction.submit(pool, tx.sign(key, chainId));
  }

  private long nextNonce(Address from, BlockHeader head) {
    OptionalLong pending = pool.pendingNonce(from);
    if (pending.isPresent()) {
      return pending.getAsLong();
    }
    Account account = executor.chain().state(head).account(from);
    return account == null ? 0 : account.nonce();
  }
}
