package org.distli.genesis;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * Proof-of-stake settings: the validator set with its stakes, the slot length and what to do with
 * an empty slot.
 *
 * @param blockTime the time between blocks (the slot)
 * @param validators the validators, in genesis order; empty means the node's own validator key
 *     seals alone (a geth genesis without Distli settings)
 */
public record ConsensusConfig(
    Duration blockTime, List<Validator> validators, EmptyBlockPolicy emptyBlocks) {
  public static final Duration DEFAULT_BLOCK_TIME = Duration.ofSeconds(3);

  public static final ConsensusConfig DEFAULT =
      new ConsensusConfig(DEFAULT_BLOCK_TIME, List.of(), EmptyBlockPolicy.PRODUCE);

  public ConsensusConfig {
    if (blockTime.isNegative() || blockTime.isZero()) {
      throw new IllegalArgumentException("block time must be positive");
    }
    validators = List.copyOf(validators);
  }

  public BigInteger totalStake() {
    BigInteger total = BigInteger.ZERO;
    for (Validator validator : validators) {
      total = total.add(validator.stake().toBigInteger());
    }
    return total;
  }

  public ConsensusConfig withValidators(List<Validator> replacement) {
    return new ConsensusConfig(blockTime, replacement, emptyBlocks);
  }

  public ConsensusConfig withEmptyBlocks(EmptyBlockPolicy policy) {
    return new ConsensusConfig(blockTime, validators, policy);
  }

  public ConsensusConfig withBlockTime(Duration time) {
    return new ConsensusConfig(time, validators, emptyBlocks);
  }
}
