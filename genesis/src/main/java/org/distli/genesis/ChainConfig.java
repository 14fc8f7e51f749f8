package org.distli.genesis;

import org.distli.evm.Fork;

/**
 * What the protocol rules of a chain depend on: its id, when forks activate, its fee market, the
 * block gas limit producers aim for and the proof-of-stake settings.
 *
 * @param gasLimit the gas limit of the blocks this chain produces (the genesis block's by default)
 */
public record ChainConfig(
    long chainId,
    ForkSchedule forkSchedule,
    BaseFeeParameters baseFee,
    long gasLimit,
    ConsensusConfig consensus) {
  /** The protocol's smallest block gas limit (go-ethereum's params.MinGasLimit). */
  public static final long MIN_GAS_LIMIT = 5000;

  public static final long DEFAULT_GAS_LIMIT = 30_000_000L;

  public ChainConfig {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive");
    }
    if (gasLimit <= 0) {
      throw new IllegalArgumentException("gas limit must be positive");
    }
  }

  /** Ethereum's default gas limit and proof-of-stake settings. */
  public ChainConfig(long chainId, ForkSchedule forkSchedule, BaseFeeParameters baseFee) {
    this(chainId, forkSchedule, baseFee, DEFAULT_GAS_LIMIT, ConsensusConfig.DEFAULT);
  }

  /** Ethereum's rules up to {@code fork}, all active from genesis. */
  public static ChainConfig allFromGenesis(long chainId, Fork fork) {
    return new ChainConfig(chainId, ForkSchedule.allFromGenesis(fork), BaseFeeParameters.ETHEREUM);
  }

  public Fork forkAt(long blockNumber, long timestamp) {
    return forkSchedule.forkAt(blockNumber, timestamp);
  }

  public ChainConfig withConsensus(ConsensusConfig replacement) {
    return new ChainConfig(chainId, forkSchedule, baseFee, gasLimit, replacement);
  }

  public ChainConfig withGasLimit(long limit) {
    return new ChainConfig(chainId, forkSchedule, baseFee, limit, consensus);
  }
}
