package org.distli.genesis;

import org.distli.evm.Fork;

/**
 * What the protocol rules of a chain depend on: its id, when forks activate and its fee market.
 * Proof-of-stake settings (validators, block time) are added by the genesis parser.
 */
public record ChainConfig(long chainId, ForkSchedule forkSchedule, BaseFeeParameters baseFee) {

  /** Ethereum's rules up to {@code fork}, all active from genesis. */
  public static ChainConfig allFromGenesis(long chainId, Fork fork) {
    return new ChainConfig(chainId, ForkSchedule.allFromGenesis(fork), BaseFeeParameters.ETHEREUM);
  }

  public Fork forkAt(long blockNumber, long timestamp) {
    return forkSchedule.forkAt(blockNumber, timestamp);
  }
}
