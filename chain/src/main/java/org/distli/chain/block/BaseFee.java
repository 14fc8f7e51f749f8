package org.distli.chain.block;

import java.math.BigInteger;
import org.distli.chain.spec.ChainSpec;
import org.distli.evm.Fork;
import org.distli.genesis.BaseFeeParameters;
import org.distli.primitives.Wei;

/** The EIP-1559 base fee: where it starts and how it follows the parent block's gas use. */
public final class BaseFee {
  private BaseFee() {}

  /**
   * The base fee of a block of fork {@code childFork} on top of {@code parent}; null before London.
   * The first London block gets the initial base fee.
   */
  public static Wei forChild(ChainSpec spec, BlockHeader parent, Fork childFork) {
    if (!childFork.isAtLeast(Fork.LONDON)) {
      return null;
    }
    BaseFeeParameters params = spec.baseFee();
    if (parent.baseFee().isEmpty()) {
      return params.initialBaseFee();
    }
    return next(params, parent.baseFee().get(), parent.gasUsed(), parent.gasLimit());
  }

  /**
   * The next base fee: unchanged at the gas target (limit / elasticity), up by at most
   * 1/denominator (and at least 1 wei) above it, down by at most 1/denominator below it.
   */
  public static Wei next(
      BaseFeeParameters params, Wei parentBaseFee, long parentGasUsed, long parentGasLimit) {
    long target = parentGasLimit / params.elasticityMultiplier();
    if (target == 0 || parentGasUsed == target) {
      return parentBaseFee;
    }
    BigInteger baseFee = parentBaseFee.toBigInteger();
    BigInteger denominator = BigInteger.valueOf(params.changeDenominator());
    BigInteger targetBig = BigInteger.valueOf(target);
    if (Long.compareUnsigned(parentGasUsed, target) > 0) {
      BigInteger delta =
          baseFee
              .multiply(BigInteger.valueOf(parentGasUsed - target))
              .divide(targetBig)
              .divide(denominator)
              .max(BigInteger.ONE);
      return Wei.of(baseFee.add(delta));
    }
    BigInteger delta =
        baseFee
            .multiply(BigInteger.valueOf(target - parentGasUsed))
            .divide(targetBig)
            .divide(denominator);
    return Wei.of(baseFee.subtract(delta).max(BigInteger.ZERO));
  }
}
