package org.distli.genesis;

import org.distli.primitives.Wei;

/**
 * The EIP-1559 fee market: how fast the base fee moves and where it starts.
 *
 * @param changeDenominator the base fee moves by at most 1/changeDenominator per block (8)
 * @param elasticityMultiplier the gas target is gasLimit / elasticityMultiplier (2)
 * @param initialBaseFee the base fee of the first EIP-1559 block (1 gwei)
 */
public record BaseFeeParameters(
    long changeDenominator, long elasticityMultiplier, Wei initialBaseFee) {
  public static final BaseFeeParameters ETHEREUM =
      new BaseFeeParameters(8, 2, Wei.of(1_000_000_000L));

  public BaseFeeParameters {
    if (changeDenominator <= 0 || elasticityMultiplier <= 0) {
      throw new IllegalArgumentException("base fee parameters must be positive");
    }
  }
}
