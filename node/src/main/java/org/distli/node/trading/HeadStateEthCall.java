package org.distli.node.trading;

import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.Blockchain;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.InvalidTransactionException;
import org.distli.evm.ProcessingOptions;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateDatabase;
import org.distli.trading.EthCall;

/**
 * {@code eth_call} at "latest" for the trading REST views: the call runs on a throw-away world
 * state over the head block's committed state, in the head block's environment with no base fee
 * (geth's rule for calls without fee fields), from the zero address.
 */
final class HeadStateEthCall implements EthCall {
  private final ChainSpec spec;
  private final Blockchain chain;
  private final StateDatabase state;
  private final TransactionProcessor evm = new TransactionProcessor();
  private final long gasCap;

  HeadStateEthCall(ChainSpec spec, Blockchain chain, StateDatabase state, long gasCap) {
    this.spec = spec;
    this.chain = chain;
    this.state = state;
    this.gasCap = gasCap;
  }

  @Override
  public Bytes call(Address to, Bytes data) {
    BlockHeader head = chain.head();
    JournaledWorldState world = new JournaledWorldState(state.at(head.stateRoot()));
    BlockContext context =
        new BlockContext(
            spec.forkAt(head.number(), head.timestamp()),
            head.coinbase(),
            head.number(),
            head.timestamp(),
            head.gasLimit(),
            Wei.ZERO,
            head.mixHash(),
            head.difficulty(),
            Wei.ZERO,
            spec.chainId(),
            number -> null);
    EvmTransaction tx =
        EvmTransaction.builder()
            .sender(Address.ZERO)
            .to(to)
            .gasLimit(Math.min(gasCap, head.gasLimit()))
            .data(data)
            .build();
    TransactionResult result;
    try {
      result = evm.process(world, context, tx, null, ProcessingOptions.SIMULATION);
    } catch (InvalidTransactionException e) {
      throw new IllegalStateException("call refused: " + e.getMessage(), e);
    }
    if (!result.isSuccess()) {
      throw new CallRevertedException(result.output());
    }
    return result.output();
  }
}
