package org.distli.rpc.eth;

import org.distli.chain.block.BlockHeader;
import org.distli.evm.InvalidTransactionException;
import org.distli.evm.TransactionResult;
import org.distli.primitives.Account;
import org.distli.primitives.Wei;
import org.distli.rpc.call.BlockOverrides;
import org.distli.rpc.call.CallArguments;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.call.GasEstimator;
import org.distli.rpc.call.GasEstimator.Trial;
import org.distli.rpc.call.RevertReason;
import org.distli.rpc.call.StateOverrides;
import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.state.StateReader;

/**
 * eth_estimateGas(call, block, stateOverrides): the smallest gas limit with which the call
 * succeeds, found exactly by binary search (21,000 for a plain transfer). The cap is the call's
 * gas, else the block gas limit, never above the node's gas cap nor what the sender's balance pays
 * for. A revert is reported like eth_call's; running out of gas at the cap as "gas required exceeds
 * allowance (cap)".
 */
public final class EthEstimateGas implements RpcMethod {
  private static final long TRANSFER_GAS = 21_000;

  private final CallExecutor executor;

  public EthEstimateGas(CallExecutor executor) {
    this.executor = executor;
  }

  @Override
  public String name() {
    return "eth_estimateGas";
  }

  @Override
  public Object execute(RpcCall call) {
    CallArguments args = call.params().required(0, CallArguments::decode);
    executor.requireChainId(args);
    BlockHeader header = executor.chain().requireHeader(call.params().blockOrLatest(1));
    StateOverrides overrides =
        call.params().optional(2, StateOverrides::decode, StateOverrides.NONE);
    return JsonOutput.quantity(
        estimate(executor, new CallExecutor.Call(args, header, overrides, BlockOverrides.NONE)));
  }

  /** The estimate; also used to fill eth_sendTransaction's gas. */
  static long estimate(CallExecutor executor, CallExecutor.Call call) {
    CallArguments args = call.args();
    BlockHeader header = call.header();
    long cap = args.gas() != null ? args.gas() : header.gasLimit();
    cap = Math.min(cap, executor.gasCap());
    Wei feeCap = args.gasPrice() != null ? args.gasPrice() : args.maxFeePerGas();
    StateReader state = executor.chain().state(header);
    if (feeCap != null && !feeCap.isZero() && args.from() != null) {
      Account account = state.account(args.from());
      Wei balance = account == null ? Wei.ZERO : account.balance();
      if (call.stateOverrides().accounts().containsKey(args.from())
          && call.stateOverrides().accounts().get(args.from()).balance() != null) {
        balance = call.stateOverrides().accounts().get(args.from()).balance();
      }
      if (args.valueOrZero().compareTo(balance) > 0) {
        throw RpcException.server("insufficient funds for transfer");
      }
      long allowance =
          balance
              .subtract(args.valueOrZero())
              .toBigInteger()
              .divide(feeCap.toBigInteger())
              .min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
              .longValue();
      cap = Math.min(cap, allowance);
    }
    if (args.to() != null && args.dataOrEmpty().isEmpty() && cap >= TRANSFER_GAS) {
      // A plain transfer to an account without code costs exactly the intrinsic gas.
      Account target = state.account(args.to());
      boolean hasCode =
          target != null && !target.codeHash().equals(org.distli.primitives.Hash.EMPTY_CODE);
      if (!hasCode && !call.stateOverrides().accounts().containsKey(args.to())) {
        Trial trial = trial(executor, call, TRANSFER_GAS);
        if (trial.success()) {
          return TRANSFER_GAS;
        }
      }
    }
    GasEstimator.Estimate estimate =
        GasEstimator.estimate(gas -> trial(executor, call, gas), TRANSFER_GAS - 1, cap);
    if (estimate.succeeded()) {
      return estimate.gas();
    }
    Trial failure = estimate.failureAtCap();
    if (failure.reverted()) {
      throw RevertReason.error((org.apache.tuweni.bytes.Bytes) failure.failure());
    }
    // Too little gas for even the intrinsic cost (a cap or a balance below it) counts as running
    // out, as in go-ethereum's estimator.
    if (failure.failure() instanceof InvalidTransactionException invalid
        && invalid.reason() != InvalidTransactionException.Reason.INTRINSIC_GAS_TOO_LOW) {
      throw RpcException.server(invalid.getMessage());
    }
    if (failure.failure() instanceof TransactionResult halted
        && halted.halt() != org.distli.evm.ExceptionalHalt.OUT_OF_GAS) {
      throw RpcException.server(halted.errorMessage());
    }
    throw RpcException.server("gas required exceeds allowance (" + cap + ")");
  }

  private static Trial trial(CallExecutor executor, CallExecutor.Call call, long gas) {
    try {
      TransactionResult result = executor.run(call, gas, null);
      return switch (result.status()) {
        case SUCCESS -> Trial.succeeded(result.gasUsedBeforeRefund());
        case REVERT -> Trial.reverted(result.gasUsed(), result.output());
        case HALT -> Trial.failed(result);
      };
    } catch (InvalidTransactionException e) {
      return Trial.failed(e);
    }
  }
}
