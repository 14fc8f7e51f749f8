package org.distli.evm.interpreter;

/**
 * 256-bit unsigned arithmetic on words held as four {@code long} limbs inside a {@code long[]} (the
 * interpreter's stack). A word at index {@code i} occupies {@code a[i..i+3]}, least significant
 * limb first. Nothing here allocates: division and the modular operations work in a caller-supplied
 * scratch array of at least {@link #SCRATCH_SIZE} longs.
 */
final class U256 {
  static final int SCRATCH_SIZE = 32;

  private U256() {}

  static boolean isZero(long[] a, int i) {
    return (a[i] | a[i + 1] | a[i + 2] | a[i + 3]) == 0;
  }

  /** Whether the word fits in 64 unsigned bits. */
  static boolean fitsLong(long[] a, int i) {
    return (a[i + 1] | a[i + 2] | a[i + 3]) == 0;
  }

  /**
   * The word as a non-negative long, or {@link Long#MAX_VALUE} when it is 2^63 or more: offsets and
   * sizes that large always run out of gas.
   */
  static long clampedLong(long[] a, int i) {
    long low = a[i];
    return ((a[i + 1] | a[i + 2] | a[i + 3]) != 0 || low < 0) ? Long.MAX_VALUE : low;
  }

  // ---- addition and subtraction

  /** r = x + y (mod 2^256). Any of r, x, y may be the same index. */
  static void add(long[] a, int x, int y, int r) {
    long x0 = a[x], x1 = a[x + 1], x2 = a[x + 2], x3 = a[x + 3];
    long y0 = a[y], y1 = a[y + 1], y2 = a[y + 2], y3 = a[y + 3];
    long r0 = x0 + y0;
    long c = carry(x0, y0, r0);
    long r1 = x1 + y1 + c;
    c = carry(x1, y1, r1);
    long r2 = x2 + y2 + c;
    c = carry(x2, y2, r2);
    a[r] = r0;
    a[r + 1] = r1;
    a[r + 2] = r2;
    a[r + 3] = x3 + y3 + c;
  }

  /** The carry out of {@code sum = x + y (+ carry in)}: the majority function of the top bits. */
  static long carry(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** The borrow out of {@code diff = x - y (- borrow in)}. */
  static long borrow(long x, long y, long diff) {
    return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
  }

  /** r = x - y (mod 2^256). */
  static void sub(long[] a, int x, int y, int r) {
    long x0 = a[x], x1 = a[x + 1], x2 = a[x + 2], x3 = a[x + 3];
    long y0 = a[y], y1 = a[y + 1], y2 = a[y + 2], y3 = a[y + 3];
    long r0 = x0 - y0;
    long b = borrow(x0, y0, r0);
    long r1 = x1 - y1 - b;
    b = borrow(x1, y1, r1);
    long r2 = x2 - y2 - b;
    b = borrow(x2, y2, r2);
    a[r] = r0;
    a[r + 1] = r1;
    a[r + 2] = r2;
    a[r + 3] = x3 - y3 - b;
  }

  static void negate(long[] a, int i) {
    long r0 = -a[i];
    long b = a[i] != 0 ? 1 : 0;
    long r1 = -a[i + 1] - b;
    b = (a[i + 1] | b) != 0 ? 1 : 0;
    long r2 = -a[i + 2] - b;
    b = (a[i + 2] | b) != 0 ? 1 : 0;
    a[i + 3] = -a[i + 3] - b;
    a[i] = r0;
    a[i + 1] = r1;
    a[i + 2] = r2;
  }

  // ---- multiplication

  /**
   * r = x * y (mod 2^256), row by row; each step adds a 64x64-bit product and two 64-bit values,
   * which always fits in 128 bits.
   */
  static void mul(long[] a, int x, int y, int r) {
    if ((a[x + 1] | a[x + 2] | a[x + 3] | a[y + 1] | a[y + 2] | a[y + 3]) == 0) {
      long x0 = a[x];
      long y0 = a[y];
      a[r] = x0 * y0;
      a[r + 1] = Math.unsignedMultiplyHigh(x0, y0);
      a[r + 2] = 0;
      a[r + 3] = 0;
    } else {
      mulWide(a, x, y, r);
    }
  }

  /** {@link #mul} when an operand has more than one limb: kept apart so that mul stays small. */
  private static void mulWide(long[] a, int x, int y, int r) {
    long x0 = a[x], x1 = a[x + 1], x2 = a[x + 2], x3 = a[x + 3];
    long y0 = a[y], y1 = a[y + 1], y2 = a[y + 2], y3 = a[y + 3];
    // row x0
    long r0 = x0 * y0;
    long c = Math.unsignedMultiplyHigh(x0, y0);
    long lo = x0 * y1;
    long r1 = lo + c;
    c = Math.unsignedMultiplyHigh(x0, y1) + carry(lo, c, r1);
    lo = x0 * y2;
    long r2 = lo + c;
    c = Math.unsignedMultiplyHigh(x0, y2) + carry(lo, c, r2);
    long r3 = x0 * y3 + c;
    // row x1
    lo = x1 * y0;
    long t = r1 + lo;
    c = Math.unsignedMultiplyHigh(x1, y0) + carry(r1, lo, t);
    r1 = t;
    lo = x1 * y1;
    t = r2 + lo;
    long c1 = carry(r2, lo, t);
    long t2 = t + c;
    c = Math.unsignedMultiplyHigh(x1, y1) + c1 + carry(t, c, t2);
    r2 = t2;
    r3 += x1 * y2 + c;
    // row x2
    lo = x2 * y0;
    t = r2 + lo;
    c = Math.unsignedMultiplyHigh(x2, y0) + carry(r2, lo, t);
    r2 = t;
    r3 += x2 * y1 + c;
    // row x3
    r3 += x3 * y0;
    a[r] = r0;
    a[r + 1] = r1;
    a[r + 2] = r2;
    a[r + 3] = r3;
  }

  /**
   * The full 512-bit product of the words at x and y into {@code out[0..7]}, least significant
   * first.
   */
  static void mulFull(long[] a, int x, int y, long[] out) {
    for (int k = 0; k < 8; k++) {
      out[k] = 0;
    }
    for (int i = 0; i < 4; i++) {
      long xi = a[x + i];
      if (xi == 0) {
        continue;
      }
      long carry = 0;
      for (int j = 0; j < 4; j++) {
        long yj = a[y + j];
        long lo = xi * yj;
        long hi = Math.unsignedMultiplyHigh(xi, yj);
        long s = out[i + j] + lo;
        hi += carry(out[i + j], lo, s);
        long s2 = s + carry;
        hi += carry(s, carry, s2);
        out[i + j] = s2;
        carry = hi;
      }
      out[i + 4] = carry;
    }
  }

  // ---- comparison

  /** Unsigned comparison of the words at x and y: negative, zero or positive. */
  static int compare(long[] a, int x, int y) {
    for (int k = 3; k >= 0; k--) {
      if (a[x + k] != a[y + k]) {
        return Long.compareUnsigned(a[x + k], a[y + k]);
      }
    }
    return 0;
  }

  /** Signed (two's complement) comparison. */
  static int compareSigned(long[] a, int x, int y) {
    if (a[x + 3] != a[y + 3]) {
      return Long.compare(a[x + 3], a[y + 3]);
    }
    for (int k = 2; k >= 0; k--) {
      if (a[x + k] != a[y + k]) {
        return Long.compareUnsigned(a[x + k], a[y + k]);
      }
    }
    return 0;
  }

  static boolean equal(long[] a, int x, int y) {
    return a[x] == a[y] && a[x + 1] == a[y + 1] && a[x + 2] == a[y + 2] && a[x + 3] == a[y + 3];
  }

  static void set(long[] a, int r, long value) {
    a[r] = value;
    a[r + 1] = 0;
    a[r + 2] = 0;
    a[r + 3] = 0;
  }

  // ---- division

  // Scratch layout for Knuth's algorithm D: the normalised dividend (up to 8 limbs + 1), the
  // normalised divisor, the quotient.
  private static final int UN = 0;
  private static final int VN = 10;
  private static final int QN = 16;

  // The last divisor top limb whose reciprocal was computed, and that reciprocal: MULMOD and
  // ADDMOD usually reduce by the same modulus again and again.
  private static final int RECIPROCAL_OF = 24;
  private static final int RECIPROCAL = 25;

  /**
   * Unsigned x / y into q and x % y into m (either may be -1 to skip it). Division by zero yields
   * zero for both, as the EVM defines it. q and m may alias x or y.
   */
  static void divMod(long[] a, int x, int y, int q, int m, long[] scratch) {
    long y0 = a[y], y1 = a[y + 1], y2 = a[y + 2], y3 = a[y + 3];
    long x0 = a[x], x1 = a[x + 1], x2 = a[x + 2], x3 = a[x + 3];
    if ((y1 | y2 | y3) == 0) {
      if (y0 == 0) {
        store(a, q, 0, 0, 0, 0);
        store(a, m, 0, 0, 0, 0);
        return;
      }
      if ((x1 | x2 | x3) == 0) {
        long quotient = Long.divideUnsigned(x0, y0);
        store(a, q, quotient, 0, 0, 0);
        store(a, m, x0 - quotient * y0, 0, 0, 0);
        return;
      }
      if ((y0 & (y0 - 1)) == 0) {
        // Division by a power of two is a shift (Solidity code divides by 2^k to shift right).
        int k = Long.numberOfTrailingZeros(y0);
        if (k == 0) {
          store(a, q, x0, x1, x2, x3);
        } else {
          store(
              a,
              q,
              (x0 >>> k) | (x1 << (64 - k)),
              (x1 >>> k) | (x2 << (64 - k)),
              (x2 >>> k) | (x3 << (64 - k)),
              x3 >>> k);
        }
        store(a, m, x0 & (y0 - 1), 0, 0, 0);
        return;
      }
      // One-limb divisor: normalise it, then divide limb by limb with its reciprocal.
      int shift = Long.numberOfLeadingZeros(y0);
      long d = y0 << shift;
      long v = cachedReciprocal(scratch, d);
      long u4 = shift == 0 ? 0 : x3 >>> (64 - shift);
      long u3 = shift == 0 ? x3 : (x3 << shift) | (x2 >>> (64 - shift));
      long u2 = shift == 0 ? x2 : (x2 << shift) | (x1 >>> (64 - shift));
      long u1 = shift == 0 ? x1 : (x1 << shift) | (x0 >>> (64 - shift));
      long u0 = x0 << shift;
      long q3 = div2by1(u4, u3, d, v);
      long r = u3 - q3 * d;
      long q2 = div2by1(r, u2, d, v);
      r = u2 - q2 * d;
      long q1 = div2by1(r, u1, d, v);
      r = u1 - q1 * d;
      long q0 = div2by1(r, u0, d, v);
      r = u0 - q0 * d;
      store(a, q, q0, q1, q2, q3);
      store(a, m, r >>> shift, 0, 0, 0);
      return;
    }
    int n = y3 != 0 ? 4 : y2 != 0 ? 3 : 2;
    int mLimbs = x3 != 0 ? 4 : x2 != 0 ? 3 : x1 != 0 ? 2 : 1;
    if (mLimbs < n || compare(a, x, y) < 0) {
      store(a, m, x0, x1, x2, x3);
      store(a, q, 0, 0, 0, 0);
      return;
    }
    scratch[UN] = x0;
    scratch[UN + 1] = x1;
    scratch[UN + 2] = x2;
    scratch[UN + 3] = x3;
    scratch[VN] = y0;
    scratch[VN + 1] = y1;
    scratch[VN + 2] = y2;
    scratch[VN + 3] = y3;
    knuth(scratch, mLimbs, n);
    store(
        a,
        q,
        scratch[QN],
        mLimbs - n >= 1 ? scratch[QN + 1] : 0,
        mLimbs - n >= 2 ? scratch[QN + 2] : 0,
        0);
    store(
        a,
        m,
        scratch[UN],
        scratch[UN + 1],
        n > 2 ? scratch[UN + 2] : 0,
        n > 3 ? scratch[UN + 3] : 0);
  }

  /**
   * The remainder of a {@code len}-limb number in {@code scratch[UN..]} divided by the word at y,
   * written at r. Used by ADDMOD (5 limbs) and MULMOD (8 limbs). The modulus must not be zero.
   */
  static void modWide(long[] scratch, int len, long[] a, int y, int r) {
    long y0 = a[y], y1 = a[y + 1], y2 = a[y + 2], y3 = a[y + 3];
    int mLimbs = len;
    while (mLimbs > 1 && scratch[UN + mLimbs - 1] == 0) {
      mLimbs--;
    }
    if ((y1 | y2 | y3) == 0) {
      int shift = Long.numberOfLeadingZeros(y0);
      long d = y0 << shift;
      long v = cachedReciprocal(scratch, d);
      // Normalise the dividend on the fly: each step divides (rem : next shifted limb).
      long rem = shift == 0 ? 0 : scratch[UN + mLimbs - 1] >>> (64 - shift);
      for (int i = mLimbs - 1; i >= 0; i--) {
        long limb = scratch[UN + i] << shift;
        if (shift != 0 && i > 0) {
          limb |= scratch[UN + i - 1] >>> (64 - shift);
        }
        long qd = div2by1(rem, limb, d, v);
        rem = limb - qd * d;
      }
      store(a, r, rem >>> shift, 0, 0, 0);
      return;
    }
    int n = y3 != 0 ? 4 : y2 != 0 ? 3 : 2;
    if (mLimbs < n) {
      store(
          a,
          r,
          scratch[UN],
          mLimbs > 1 ? scratch[UN + 1] : 0,
          mLimbs > 2 ? scratch[UN + 2] : 0,
          mLimbs > 3 ? scratch[UN + 3] : 0);
      return;
    }
    scratch[VN] = y0;
    scratch[VN + 1] = y1;
    scratch[VN + 2] = y2;
    scratch[VN + 3] = y3;
    knuth(scratch, mLimbs, n);
    store(
        a,
        r,
        scratch[UN],
        scratch[UN + 1],
        n > 2 ? scratch[UN + 2] : 0,
        n > 3 ? scratch[UN + 3] : 0);
  }

  private static void store(long[] a, int r, long w0, long w1, long w2, long w3) {
    if (r >= 0) {
      a[r] = w0;
      a[r + 1] = w1;
      a[r + 2] = w2;
      a[r + 3] = w3;
    }
  }

  /**
   * The quotient of the 128-bit (hi:lo) by d, for hi < d (so that it fits 64 bits). The remainder
   * is {@code lo - q * d} (mod 2^64). Two steps on 32-bit half digits (Hacker's Delight, divlu).
   */
  static long div128(long hi, long lo, long d) {
    if (hi == 0) {
      return Long.divideUnsigned(lo, d);
    }
    int s = Long.numberOfLeadingZeros(d);
    d <<= s;
    long dHi = d >>> 32;
    long dLo = d & 0xffffffffL;
    long un32 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
    long un10 = lo << s;
    long un1 = un10 >>> 32;
    long un0 = un10 & 0xffffffffL;

    long q1 = Long.divideUnsigned(un32, dHi);
    long rhat = un32 - q1 * dHi;
    while (q1 >>> 32 != 0 || Long.compareUnsigned(q1 * dLo, (rhat << 32) | un1) > 0) {
      q1--;
      rhat += dHi;
      if (rhat >>> 32 != 0) {
        break;
      }
    }
    long un21 = (un32 << 32) + un1 - q1 * d;
    long q0 = Long.divideUnsigned(un21, dHi);
    rhat = un21 - q0 * dHi;
    while (q0 >>> 32 != 0 || Long.compareUnsigned(q0 * dLo, (rhat << 32) | un0) > 0) {
      q0--;
      rhat += dHi;
      if (rhat >>> 32 != 0) {
        break;
      }
    }
    return (q1 << 32) | q0;
  }

  /**
   * The reciprocal of a normalised divisor (top bit set): floor((2^128 - 1) / d) - 2^64, as Möller
   * and Granlund define it ("Improved division by invariant integers", 2011).
   */
  static long reciprocal(long d) {
    return div128(~d, -1L, d);
  }

  /** The reciprocal of d, from the scratch cache when d was the last divisor. */
  static long cachedReciprocal(long[] scratch, long d) {
    if (scratch[RECIPROCAL_OF] == d) {
      return scratch[RECIPROCAL];
    }
    long v = reciprocal(d);
    scratch[RECIPROCAL_OF] = d;
    scratch[RECIPROCAL] = v;
    return v;
  }

  /**
   * (u1:u0) / d for a normalised d and u1 < d, with d's reciprocal v: two multiplications instead
   * of a hardware division (Möller and Granlund, algorithm 4). The remainder is {@code u0 - q * d}.
   */
  static long div2by1(long u1, long u0, long d, long v) {
    long productLow = v * u1;
    long productHigh = Math.unsignedMultiplyHigh(v, u1);
    long q0 = productLow + u0;
    long q1 = productHigh + u1 + (Long.compareUnsigned(q0, productLow) < 0 ? 1 : 0) + 1;
    long r = u0 - q1 * d;
    if (Long.compareUnsigned(r, q0) > 0) {
      q1--;
      r += d;
    }
    if (Long.compareUnsigned(r, d) >= 0) {
      q1++;
    }
    return q1;
  }

  /**
   * Knuth's algorithm D (TAOCP 4.3.1) on 64-bit digits. Dividend of m limbs at s[UN..], divisor of
   * n >= 2 limbs at s[VN..] with a non-zero top limb, m >= n. Leaves the quotient (m - n + 1 limbs)
   * at s[QN..] and the remainder (n limbs) at s[UN..].
   */
  private static void knuth(long[] s, int m, int n) {
    int shift = Long.numberOfLeadingZeros(s[VN + n - 1]);
    // D1: normalise so that the divisor's top bit is set.
    if (shift != 0) {
      for (int i = n - 1; i > 0; i--) {
        s[VN + i] = (s[VN + i] << shift) | (s[VN + i - 1] >>> (64 - shift));
      }
      s[VN] <<= shift;
      s[UN + m] = s[UN + m - 1] >>> (64 - shift);
      for (int i = m - 1; i > 0; i--) {
        s[UN + i] = (s[UN + i] << shift) | (s[UN + i - 1] >>> (64 - shift));
      }
      s[UN] <<= shift;
    } else {
      s[UN + m] = 0;
    }
    long vTop = s[VN + n - 1];
    long vNext = s[VN + n - 2];
    long vReciprocal = cachedReciprocal(s, vTop);
    for (int j = m - n; j >= 0; j--) {
      // D3: estimate the quotient digit from the top two dividend digits.
      long uTop = s[UN + j + n];
      long uNext = s[UN + j + n - 1];
      long qhat;
      long rhat;
      boolean rhatOverflow;
      if (Long.compareUnsigned(uTop, vTop) >= 0) {
        qhat = -1L;
        rhat = uNext + uTop;
        rhatOverflow = Long.compareUnsigned(rhat, uNext) < 0;
      } else {
        qhat = div2by1(uTop, uNext, vTop, vReciprocal);
        rhat = uNext - qhat * vTop;
        rhatOverflow = false;
      }
      long uThird = s[UN + j + n - 2];
      while (!rhatOverflow) {
        long pHi = Math.unsignedMultiplyHigh(qhat, vNext);
        long pLo = qhat * vNext;
        if (Long.compareUnsigned(pHi, rhat) > 0
            || (pHi == rhat && Long.compareUnsigned(pLo, uThird) > 0)) {
          qhat--;
          long newRhat = rhat + vTop;
          rhatOverflow = Long.compareUnsigned(newRhat, rhat) < 0;
          rhat = newRhat;
        } else {
          break;
        }
      }
      // D4: multiply and subtract.
      long mulCarry = 0;
      long subBorrow = 0;
      for (int i = 0; i < n; i++) {
        long pLo = qhat * s[VN + i];
        long pHi = Math.unsignedMultiplyHigh(qhat, s[VN + i]);
        long sum = pLo + mulCarry;
        pHi += carry(pLo, mulCarry, sum);
        mulCarry = pHi;
        long u = s[UN + i + j];
        long diff = u - sum;
        long b1 = Long.compareUnsigned(u, sum) < 0 ? 1 : 0;
        long diff2 = diff - subBorrow;
        long b2 = Long.compareUnsigned(diff, subBorrow) < 0 ? 1 : 0;
        s[UN + i + j] = diff2;
        subBorrow = b1 | b2;
      }
      long u = s[UN + j + n];
      long diff = u - mulCarry;
      boolean negative = Long.compareUnsigned(u, mulCarry) < 0;
      long diff2 = diff - subBorrow;
      negative |= Long.compareUnsigned(diff, subBorrow) < 0;
      s[UN + j + n] = diff2;
      // D6: the estimate was one too large; add the divisor back.
      if (negative) {
        qhat--;
        long c = 0;
        for (int i = 0; i < n; i++) {
          long x = s[UN + i + j];
          long y = s[VN + i];
          long sum = x + y + c;
          c = carry(x, y, sum);
          s[UN + i + j] = sum;
        }
        s[UN + j + n] += c;
      }
      s[QN + j] = qhat;
    }
    // D8: unnormalise the remainder.
    if (shift != 0) {
      for (int i = 0; i < n; i++) {
        s[UN + i] = (s[UN + i] >>> shift) | (s[UN + i + 1] << (64 - shift));
      }
    }
  }

  /** Loads a word into the scratch dividend area, zero-extending to {@code len} limbs. */
  static void loadWide(long[] scratch, long w0, long w1, long w2, long w3, long w4, int len) {
    scratch[UN] = w0;
    scratch[UN + 1] = w1;
    scratch[UN + 2] = w2;
    scratch[UN + 3] = w3;
    scratch[UN + 4] = w4;
    for (int i = 5; i < len; i++) {
      scratch[UN + i] = 0;
    }
  }
}
