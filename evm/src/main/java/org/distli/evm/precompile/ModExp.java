package org.distli.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05: {@code base ^ exponent % modulus} on numbers of any length (EIP-198). The input is three
 * 32-byte lengths followed by the three numbers, big-endian, implicitly zero-padded. Lengths are
 * 256-bit values, so pricing works on {@link BigInteger} and saturates at {@link Long#MAX_VALUE}: a
 * call that asks for absurd lengths simply cannot pay for them.
 */
final class ModExp implements Precompile {
  private static final BigInteger WORD = BigInteger.valueOf(32);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final byte[] EMPTY = new byte[0];

  /** The price of a call from its lengths and the first (at most) 32 bytes of the exponent. */
  interface Pricing {
    BigInteger gas(
        BigInteger baseLength,
        BigInteger exponentLength,
        BigInteger modulusLength,
        BigInteger exponentHead);
  }

  /** EIP-198 (Byzantium): quadratic-then-superlinear complexity divided by 20. */
  static final Pricing EIP_198 =
      (baseLength, exponentLength, modulusLength, exponentHead) -> {
        BigInteger x = baseLength.max(modulusLength);
        BigInteger complexity;
        if (x.compareTo(BigInteger.valueOf(64)) <= 0) {
          complexity = x.multiply(x);
        } else if (x.compareTo(BigInteger.valueOf(1024)) <= 0) {
          complexity =
              x.multiply(x)
                  .shiftRight(2)
                  .add(x.multiply(BigInteger.valueOf(96)))
                  .subtract(BigInteger.valueOf(3072));
        } else {
          complexity =
              x.multiply(x)
                  .shiftRight(4)
                  .add(x.multiply(BigInteger.valueOf(480)))
                  .subtract(BigInteger.valueOf(199680));
        }
        BigInteger iterations = adjustedExponentLength(exponentLength, exponentHead);
        return complexity.multiply(iterations.max(BigInteger.ONE)).divide(BigInteger.valueOf(20));
      };

  /** EIP-2565 (Berlin): complexity in 64-bit words squared, divided by 3, at least 200. */
  static final Pricing EIP_2565 =
      (baseLength, exponentLength, modulusLength, exponentHead) -> {
        BigInteger words = baseLength.max(modulusLength).add(BigInteger.valueOf(7)).shiftRight(3);
        BigInteger iterations = adjustedExponentLength(exponentLength, exponentHead);
        BigInteger gas =
            words
                .multiply(words)
                .multiply(iterations.max(BigInteger.ONE))
                .divide(BigInteger.valueOf(3));
        return gas.max(BigInteger.valueOf(200));
      };

  private final Pricing pricing;

  ModExp(Pricing pricing) {
    this.pricing = pricing;
  }

  /**
   * The index of the exponent's highest set bit, counting 8 bits for every byte beyond the first 32
   * (EIP-198's "adjusted exponent length"); 0 for a zero head.
   */
  static BigInteger adjustedExponentLength(BigInteger exponentLength, BigInteger exponentHead) {
    long highestBit = Math.max(exponentHead.bitLength() - 1, 0);
    BigInteger adjusted = BigInteger.valueOf(highestBit);
    if (exponentLength.compareTo(WORD) > 0) {
      adjusted = adjusted.add(exponentLength.subtract(WORD).shiftLeft(3));
    }
    return adjusted;
  }

  @Override
  public long gasCost(byte[] input) {
    BigInteger baseLength = length(input, 0);
    BigInteger exponentLength = length(input, 32);
    BigInteger modulusLength = length(input, 64);
    BigInteger exponentHead = exponentHead(input, baseLength, exponentLength);
    BigInteger gas = pricing.gas(baseLength, exponentLength, modulusLength, exponentHead);
    return gas.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : gas.longValue();
  }

  @Override
  public byte[] execute(byte[] input) {
    BigInteger baseLengthValue = length(input, 0);
    BigInteger exponentLengthValue = length(input, 32);
    BigInteger modulusLengthValue = length(input, 64);
    if (modulusLengthValue.signum() == 0) {
      return EMPTY;
    }
    // Lengths this large could never have been paid for; refuse rather than allocate.
    int limit = Integer.MAX_VALUE - 96;
    if (baseLengthValue.bitLength() > 31
        || exponentLengthValue.bitLength() > 31
        || modulusLengthValue.bitLength() > 31
        || (long) baseLengthValue.intValue()
                + exponentLengthValue.intValue()
                + modulusLengthValue.intValue()
            > limit) {
      return null;
    }
    int baseLength = baseLengthValue.intValue();
    int exponentLength = exponentLengthValue.intValue();
    int modulusLength = modulusLengthValue.intValue();
    BigInteger base = number(input, 96, baseLength);
    BigInteger exponent = number(input, 96L + baseLength, exponentLength);
    BigInteger modulus = number(input, 96L + baseLength + exponentLength, modulusLength);
    byte[] out = new byte[modulusLength];
    if (modulus.signum() == 0) {
      return out;
    }
    byte[] result = base.modPow(exponent, modulus).toByteArray();
    // toByteArray may carry a leading sign byte; the result is below the modulus, so it fits.
    int skip = result.length > modulusLength ? result.length - modulusLength : 0;
    System.arraycopy(
        result, skip, out, modulusLength - (result.length - skip), result.length - skip);
    return out;
  }

  private static BigInteger length(byte[] input, int offset) {
    return number(input, offset, 32);
  }

  private static BigInteger exponentHead(
      byte[] input, BigInteger baseLength, BigInteger exponentLength) {
    BigInteger start = BigInteger.valueOf(96).add(baseLength);
    if (start.compareTo(BigInteger.valueOf(input.length)) >= 0) {
      return BigInteger.ZERO;
    }
    int headLength = exponentLength.min(WORD).intValue();
    return number(input, start.longValue(), headLength);
  }

  /** The unsigned number in {@code input[offset, offset + length)}, reading zeros past the end. */
  private static BigInteger number(byte[] input, long offset, int length) {
    if (length == 0 || offset >= input.length) {
      return BigInteger.ZERO;
    }
    byte[] bytes = new byte[length];
    int available = (int) Math.min(length, input.length - offset);
    System.arraycopy(input, (int) offset, bytes, 0, available);
    return new BigInteger(1, bytes);
  }
}
