package org.distli.chain.block;

/**
 * Bounds on how a block's gas limit may move from its parent's: by less than parent / 1024 per
 * block, never below 5000, never above 2^63-1.
 */
public final class GasLimit {
  public static final long BOUND_DIVISOR = 1024;
  public static final long MIN_GAS_LIMIT = org.distli.genesis.ChainConfig.MIN_GAS_LIMIT;
  public static final long MAX_GAS_LIMIT = Long.MAX_VALUE;

  private GasLimit() {}

  /** Whether {@code gasLimit} is a valid successor of {@code parentGasLimit}. */
  public static boolean isValidChange(long parentGasLimit, long gasLimit) {
    if (gasLimit < MIN_GAS_LIMIT || parentGasLimit < 0) {
      return false;
    }
    long difference = Math.abs(parentGasLimit - gasLimit);
    return difference < parentGasLimit / BOUND_DIVISOR;
  }

  /**
   * The gas limit a block producer chooses: one step from the parent's towards {@code desired}, as
   * far as the bounds allow.
   */
  public static long towards(long parentGasLimit, long desired) {
    long delta = parentGasLimit / BOUND_DIVISOR - 1;
    long target = Math.max(desired, MIN_GAS_LIMIT);
    if (parentGasLimit < target) {
      return Math.min(parentGasLimit + delta, target);
    }
    return Math.max(parentGasLimit - delta, target);
  }
}
