package org.distli.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Non-adjacent form: signed binary digits (-1, 0, 1), no two adjacent non-zero. The loop counts
 * used here have far fewer non-zero digits this way (6x + 2: 22 instead of 37), and subtracting a
 * point or an element of norm 1 costs the same as adding it.
 */
final class Naf {
  private Naf() {}

  /** The digits of a positive number, least significant first; the last digit is 1. */
  static byte[] of(BigInteger k) {
    byte[] digits = new byte[k.bitLength() + 1];
    int length = 0;
    while (k.signum() > 0) {
      byte digit = 0;
      if (k.testBit(0)) {
        // k = 1 mod 4 gives digit 1, k = 3 mod 4 gives -1; either way k - digit = 0 mod 4.
        digit = (byte) (k.testBit(1) ? -1 : 1);
        k = k.subtract(BigInteger.valueOf(digit));
      }
      digits[length++] = digit;
      k = k.shiftRight(1);
    }
    return java.util.Arrays.copyOf(digits, length);
  }
}
