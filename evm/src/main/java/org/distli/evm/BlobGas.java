package org.distli.evm;

import java.math.BigInteger;
import org.distli.evm.interpreter.Rules;
import org.distli.primitives.Wei;

/** EIP-4844 blob gas arithmetic. */
public final class BlobGas {
  private BlobGas() {}

  /**
   * The blob base fee for a block with {@code excessBlobGas}: MIN_BASE_FEE_PER_BLOB_GAS * e^(excess
   * / update fraction), computed with the EIP's integer Taylor expansion. Zero before Cancun.
   */
  public static Wei baseFee(Fork fork, long excessBlobGas) {
    Rules rules = Rules.of(fork);
    if (!rules.hasBlobs()) {
      return Wei.ZERO;
    }
    return Wei.of(
        fakeExponential(
            BigInteger.valueOf(rules.minBlobBaseFee()),
            BigInteger.valueOf(excessBlobGas),
            BigInteger.valueOf(rules.blobBaseFeeUpdateFraction())));
  }

  /** The blob gas a transaction with {@code blobCount} blobs uses. */
  public static long blobGasUsed(Fork fork, int blobCount) {
    return Rules.of(fork).blobGasPerBlob() * blobCount;
  }

  /** Whether {@code fork} has blob transactions (EIP-4844). */
  public static boolean hasBlobs(Fork fork) {
    return Rules.of(fork).hasBlobs();
  }

  /** Blob gas one blob costs. */
  public static long gasPerBlob(Fork fork) {
    return Rules.of(fork).blobGasPerBlob();
  }

  /** The blob gas per block that excess blob gas steers towards; zero before Cancun. */
  public static long targetBlobGasPerBlock(Fork fork) {
    return Rules.of(fork).targetBlobGasPerBlock();
  }

  /** The most blob gas a block may use; zero before Cancun. */
  public static long maxBlobGasPerBlock(Fork fork) {
    return Rules.of(fork).maxBlobGasPerBlock();
  }

  /** How fast the blob base fee reacts to excess blob gas. */
  public static long baseFeeUpdateFraction(Fork fork) {
    return Rules.of(fork).blobBaseFeeUpdateFraction();
  }

  /** The excess blob gas of a block, from its parent's excess and blob gas used. */
  public static long nextExcessBlobGas(
      Fork fork, long parentExcessBlobGas, long parentBlobGasUsed) {
    long target = Rules.of(fork).targetBlobGasPerBlock();
    long sum = parentExcessBlobGas + parentBlobGasUsed;
    return Long.compareUnsigned(sum, target) < 0 ? 0 : sum - target;
  }

  /** factor * e^(numerator / denominator), by the integer Taylor series of EIP-4844. */
  public static BigInteger fakeExponential(
      BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = factor.multiply(denominator);
    for (int i = 1; accumulator.signum() > 0; i++) {
      output = output.add(accumulator);
      accumulator =
          accumulator.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }
}
