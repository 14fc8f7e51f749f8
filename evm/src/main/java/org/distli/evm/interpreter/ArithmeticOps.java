package org.distli.evm.interpreter;

/**
 * Signed division, modular arithmetic, EXP and SIGNEXTEND. The top of the stack is at {@code sp -
 * 4}; binary operations take the top as their first operand and leave the result in the second
 * slot. ADD, SUB, MUL, DIV and MOD are direct calls into {@link U256} from the loop.
 */
final class ArithmeticOps {
  private ArithmeticOps() {}

  static void sdiv(long[] s, int sp, long[] scratch) {
    int a = sp - 4;
    int b = sp - 8;
    boolean aNegative = s[a + 3] < 0;
    boolean bNegative = s[b + 3] < 0;
    if (aNegative) {
      U256.negate(s, a);
    }
    if (bNegative) {
      U256.negate(s, b);
    }
    U256.divMod(s, a, b, b, -1, scratch);
    if (aNegative != bNegative) {
      U256.negate(s, b);
    }
  }

  /** The result takes the sign of the dividend. */
  static void smod(long[] s, int sp, long[] scratch) {
    int a = sp - 4;
    int b = sp - 8;
    boolean aNegative = s[a + 3] < 0;
    if (aNegative) {
      U256.negate(s, a);
    }
    if (s[b + 3] < 0) {
      U256.negate(s, b);
    }
    U256.divMod(s, a, b, -1, b, scratch);
    if (aNegative) {
      U256.negate(s, b);
    }
  }

  /** (a + b) mod n over 257 bits; zero when n is zero. */
  static void addmod(long[] s, int sp, long[] scratch) {
    int a = sp - 4;
    int b = sp - 8;
    int n = sp - 12;
    if (U256.isZero(s, n)) {
      return;
    }
    long a0 = s[a], a1 = s[a + 1], a2 = s[a + 2], a3 = s[a + 3];
    long b0 = s[b], b1 = s[b + 1], b2 = s[b + 2], b3 = s[b + 3];
    long r0 = a0 + b0;
    long c = U256.carry(a0, b0, r0);
    long r1 = a1 + b1 + c;
    c = U256.carry(a1, b1, r1);
    long r2 = a2 + b2 + c;
    c = U256.carry(a2, b2, r2);
    long r3 = a3 + b3 + c;
    c = U256.carry(a3, b3, r3);
    if (c == 0 && (r1 | r2 | r3 | s[n + 1] | s[n + 2] | s[n + 3]) == 0 && r0 >= 0 && s[n] > 0) {
      U256.set(s, n, r0 % s[n]);
      return;
    }
    U256.loadWide(scratch, r0, r1, r2, r3, c, 5);
    U256.modWide(scratch, 5, s, n, n);
  }

  /** (a * b) mod n over the full 512-bit product; zero when n is zero. */
  static void mulmod(long[] s, int sp, long[] scratch) {
    int a = sp - 4;
    int b = sp - 8;
    int n = sp - 12;
    if (U256.isZero(s, n)) {
      return;
    }
    U256.mulFull(s, a, b, scratch);
    U256.modWide(scratch, 8, s, n, n);
  }

  /**
   * base ^ exponent (mod 2^256), charging the per-byte exponent gas.
   *
   * @return gas left, or {@link Interpreter#OUT_OF_GAS}
   */
  static long exp(long[] s, int sp, long gas, long byteGas) {
    int base = sp - 4;
    int exponent = sp - 8;
    int bits = bitLength(s, exponent);
    gas -= byteGas * ((bits + 7) >>> 3);
    if (gas < 0) {
      return Interpreter.OUT_OF_GAS;
    }
    if (bits == 0) {
      U256.set(s, exponent, 1);
      return gas;
    }
    if (U256.fitsLong(s, base) && (s[base] == 0 || s[base] == 1)) {
      // 0^e = 0 and 1^e = 1 for e > 0
      U256.set(s, exponent, s[base]);
      return gas;
    }
    // Square-and-multiply with the two scratch words above the stack top.
    int result = sp;
    int square = sp + 4;
    U256.set(s, result, 1);
    System.arraycopy(s, base, s, square, 4);
    for (int i = 0; i < bits; i++) {
      if ((s[exponent + (i >>> 6)] & (1L << i)) != 0) {
        U256.mul(s, result, square, result);
      }
      if (i + 1 < bits) {
        U256.mul(s, square, square, square);
      }
    }
    System.arraycopy(s, result, s, exponent, 4);
    return gas;
  }

  static int bitLength(long[] s, int i) {
    for (int k = 3; k >= 0; k--) {
      if (s[i + k] != 0) {
        return 64 * k + 64 - Long.numberOfLeadingZeros(s[i + k]);
      }
    }
    return 0;
  }

  /** Extends the sign of byte {@code b} (counting from the least significant) of x. */
  static void signextend(long[] s, int sp) {
    int b = sp - 4;
    int x = sp - 8;
    if (!U256.fitsLong(s, b) || s[b] < 0 || s[b] >= 31) {
      return;
    }
    int bit = (int) s[b] * 8 + 7;
    int limb = bit >>> 6;
    int within = bit & 63;
    boolean negative = (s[x + limb] & (1L << within)) != 0;
    long mask = within == 63 ? -1L : (1L << (within + 1)) - 1;
    if (negative) {
      s[x + limb] |= ~mask;
    } else {
      s[x + limb] &= mask;
    }
    long fill = negative ? -1L : 0L;
    for (int k = limb + 1; k < 4; k++) {
      s[x + k] = fill;
    }
  }
}
