package org.distli.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Arithmetic in the base field of alt_bn128 (BN254), p = 0x30644e72...d87cfd47. An element is four
 * 64-bit limbs, least significant first, at an offset in a {@code long[]}, kept in Montgomery form
 * (x * 2^256 mod p) so that multiplication needs no division. Every method reads all of its inputs
 * before it writes the result, so results may overwrite inputs.
 */
final class Fp {
  static final BigInteger MODULUS =
      new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);

  static final long P0 = 0x3c208c16d87cfd47L;
  static final long P1 = 0x97816a916871ca8dL;
  static final long P2 = 0xb85045b68181585dL;
  static final long P3 = 0x30644e72e131a029L;

  /** -p^-1 mod 2^64, for Montgomery reduction. */
  private static final long INV = negatedInverse(P0);

  /** 2^512 mod p: multiplying by it moves a number into Montgomery form. */
  private static final long[] R_SQUARED = limbs(BigInteger.ONE.shiftLeft(512).mod(MODULUS));

  private static final long[] ONE_PLAIN = {1, 0, 0, 0};

  /** 1 in Montgomery form. */
  static final long[] ONE = limbs(BigInteger.ONE.shiftLeft(256).mod(MODULUS));

  private Fp() {}

  private static long negatedInverse(long p0) {
    long inverse = p0; // correct to 3 bits for odd p0; each Newton step doubles that
    for (int i = 0; i < 5; i++) {
      inverse *= 2 - p0 * inverse;
    }
    return -inverse;
  }

  /** The plain (not Montgomery) limbs of {@code value}, which must be below 2^256. */
  static long[] limbs(BigInteger value) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      out[i] = value.shiftRight(64 * i).longValue();
    }
    return out;
  }

  /** The Montgomery form of a number below p. */
  static long[] of(BigInteger value) {
    long[] out = limbs(value.mod(MODULUS));
    mul(out, 0, out, 0, R_SQUARED, 0);
    return out;
  }

  static BigInteger toBigInteger(long[] a, int ao) {
    byte[] bytes = new byte[32];
    write(a, ao, bytes, 0);
    return new BigInteger(1, bytes);
  }

  /**
   * Reads a 32-byte big-endian number into Montgomery form.
   *
   * @return false, writing nothing, when the number is not below p
   */
  static boolean read(byte[] in, int offset, long[] r, int ro) {
    long l3 = bigEndian(in, offset);
    long l2 = bigEndian(in, offset + 8);
    long l1 = bigEndian(in, offset + 16);
    long l0 = bigEndian(in, offset + 24);
    if (!lessThanP(l0, l1, l2, l3)) {
      return false;
    }
    r[ro] = l0;
    r[ro + 1] = l1;
    r[ro + 2] = l2;
    r[ro + 3] = l3;
    mul(r, ro, r, ro, R_SQUARED, 0);
    return true;
  }

  /** Writes {@code a} as a 32-byte big-endian number. */
  static void write(long[] a, int ao, byte[] out, int offset) {
    long[] plain = new long[4];
    mul(plain, 0, a, ao, ONE_PLAIN, 0);
    for (int i = 0; i < 4; i++) {
      long limb = plain[3 - i];
      for (int b = 0; b < 8; b++) {
        out[offset + 8 * i + b] = (byte) (limb >>> (56 - 8 * b));
      }
    }
  }

  private static long bigEndian(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (in[offset + i] & 0xffL);
    }
    return value;
  }

  private static boolean lessThanP(long l0, long l1, long l2, long l3) {
    if (l3 != P3) {
      return Long.compareUnsigned(l3, P3) < 0;
    }
    if (l2 != P2) {
      return Long.compareUnsigned(l2, P2) < 0;
    }
    if (l1 != P1) {
      return Long.compareUnsigned(l1, P1) < 0;
    }
    return Long.compareUnsigned(l0, P0) < 0;
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    r[ro] = a[ao];
    r[ro + 1] = a[ao + 1];
    r[ro + 2] = a[ao + 2];
    r[ro + 3] = a[ao + 3];
  }

  static void setZero(long[] r, int ro) {
    r[ro] = 0;
    r[ro + 1] = 0;
    r[ro + 2] = 0;
    r[ro + 3] = 0;
  }

  static void setOne(long[] r, int ro) {
    copy(r, ro, ONE, 0);
  }

  static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }

  static boolean equal(long[] a, int ao, long[] b, int bo) {
    return a[ao] == b[bo]
        && a[ao + 1] == b[bo + 1]
        && a[ao + 2] == b[bo + 2]
        && a[ao + 3] == b[bo + 3];
  }

  /** The carry out of {@code x + y + carryIn} whose low 64 bits are {@code sum}. */
  private static long carry(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** The borrow out of {@code x - y - borrowIn} whose low 64 bits are {@code difference}. */
  private static long borrow(long x, long y, long difference) {
    return ((~x & y) | (~(x ^ y) & difference)) >>> 63;
  }

  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long s0 = a0 + b[bo];
    long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
    long t1 = a1 + c;
    long c1 = Long.compareUnsigned(t1, a1) < 0 ? 1 : 0;
    long s1 = t1 + b[bo + 1];
    c = c1 | (Long.compareUnsigned(s1, t1) < 0 ? 1 : 0);
    long t2 = a2 + c;
    long c2 = Long.compareUnsigned(t2, a2) < 0 ? 1 : 0;
    long s2 = t2 + b[bo + 2];
    c = c2 | (Long.compareUnsigned(s2, t2) < 0 ? 1 : 0);
    long s3 = a3 + b[bo + 3] + c; // p < 2^254: the sum of two elements fits in four limbs
    reduceOnce(r, ro, s0, s1, s2, s3);
  }

  /**
   * Writes {@code s - p} when {@code s >= p}, else {@code s}; for {@code s < 2p}. Comparisons and a
   * branch measured faster here than branch-free masks.
   */
  private static void reduceOnce(long[] r, int ro, long s0, long s1, long s2, long s3) {
    boolean atLeastP =
        s3 != P3
            ? Long.compareUnsigned(s3, P3) > 0
            : s2 != P2
                ? Long.compareUnsigned(s2, P2) > 0
                : s1 != P1 ? Long.compareUnsigned(s1, P1) > 0 : Long.compareUnsigned(s0, P0) >= 0;
    if (atLeastP) {
      long w = Long.compareUnsigned(s0, P0) < 0 ? 1 : 0;
      s0 -= P0;
      long d1 = s1 - P1 - w;
      w = Long.compareUnsigned(s1, P1) < 0 || (s1 == P1 && w != 0) ? 1 : 0;
      long d2 = s2 - P2 - w;
      w = Long.compareUnsigned(s2, P2) < 0 || (s2 == P2 && w != 0) ? 1 : 0;
      s1 = d1;
      s2 = d2;
      s3 = s3 - P3 - w;
    }
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = s3;
  }

  static void dbl(long[] r, int ro, long[] a, int ao) {
    add(r, ro, a, ao, a, ao);
  }

  static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long d0 = a0 - b0;
    long w = borrow(a0, b0, d0);
    long d1 = a1 - b1 - w;
    w = borrow(a1, b1, d1);
    long d2 = a2 - b2 - w;
    w = borrow(a2, b2, d2);
    long d3 = a3 - b3 - w;
    w = borrow(a3, b3, d3);
    if (w != 0) {
      // Went below zero: add p back (the carry out of the top limb cancels the borrow).
      long s0 = d0 + P0;
      long c = carry(d0, P0, s0);
      long s1 = d1 + P1 + c;
      c = carry(d1, P1, s1);
      long s2 = d2 + P2 + c;
      c = carry(d2, P2, s2);
      d3 = d3 + P3 + c;
      d0 = s0;
      d1 = s1;
      d2 = s2;
    }
    r[ro] = d0;
    r[ro + 1] = d1;
    r[ro + 2] = d2;
    r[ro + 3] = d3;
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    if ((a0 | a1 | a2 | a3) == 0) {
      setZero(r, ro);
      return;
    }
    long d0 = P0 - a0;
    long w = borrow(P0, a0, d0);
    long d1 = P1 - a1 - w;
    w = borrow(P1, a1, d1);
    long d2 = P2 - a2 - w;
    w = borrow(P2, a2, d2);
    long d3 = P3 - a3 - w;
    r[ro] = d0;
    r[ro + 1] = d1;
    r[ro + 2] = d2;
    r[ro + 3] = d3;
  }

  /**
   * Montgomery multiplication a * b / 2^256 mod p, by the coarsely integrated operand scanning
   * method in the variant that needs no extra carry word: valid because p's top limb is below 2^63
   * - 1, so the running total never exceeds four limbs.
   */
  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long t0, t1, t2, t3, lo, hi, s, u, carryA, carryC, m;
    // row 0: t += a0 * b, then t = (t + m * p) / 2^64
    t0 = a0 * b0;
    carryA = Math.unsignedMultiplyHigh(a0, b0);
    m = t0 * INV;
    lo = m * P0;
    s = lo + t0;
    carryC = Math.unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = a0 * b1;
    hi = Math.unsignedMultiplyHigh(a0, b1);
    s = lo + carryA;
    carryA = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t1 = s;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t0 = u;
    lo = a0 * b2;
    hi = Math.unsignedMultiplyHigh(a0, b2);
    s = lo + carryA;
    carryA = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t2 = s;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t1 = u;
    lo = a0 * b3;
    hi = Math.unsignedMultiplyHigh(a0, b3);
    s = lo + carryA;
    carryA = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t3 = s;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = carryC + carryA;
    // row 1: t += a1 * b, then t = (t + m * p) / 2^64
    lo = a1 * b0;
    s = lo + t0;
    carryA = Math.unsignedMultiplyHigh(a1, b0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t0 = s;
    m = t0 * INV;
    lo = m * P0;
    s = lo + t0;
    carryC = Math.unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    s = lo + t1;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t1 = u;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t0 = u;
    lo = a1 * b2;
    hi = Math.unsignedMultiplyHigh(a1, b2);
    s = lo + t2;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t1 = u;
    lo = a1 * b3;
    hi = Math.unsignedMultiplyHigh(a1, b3);
    s = lo + t3;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t3 = u;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = carryC + carryA;
    // row 2: t += a2 * b, then t = (t + m * p) / 2^64
    lo = a2 * b0;
    s = lo + t0;
    carryA = Math.unsignedMultiplyHigh(a2, b0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t0 = s;
    m = t0 * INV;
    lo = m * P0;
    s = lo + t0;
    carryC = Math.unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = a2 * b1;
    hi = Math.unsignedMultiplyHigh(a2, b1);
    s = lo + t1;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t1 = u;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t0 = u;
    lo = a2 * b2;
    hi = Math.unsignedMultiplyHigh(a2, b2);
    s = lo + t2;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t1 = u;
    lo = a2 * b3;
    hi = Math.unsignedMultiplyHigh(a2, b3);
    s = lo + t3;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t3 = u;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = carryC + carryA;
    // row 3: t += a3 * b, then t = (t + m * p) / 2^64
    lo = a3 * b0;
    s = lo + t0;
    carryA = Math.unsignedMultiplyHigh(a3, b0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t0 = s;
    m = t0 * INV;
    lo = m * P0;
    s = lo + t0;
    carryC = Math.unsignedMultiplyHigh(m, P0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    lo = a3 * b1;
    hi = Math.unsignedMultiplyHigh(a3, b1);
    s = lo + t1;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t1 = u;
    lo = m * P1;
    hi = Math.unsignedMultiplyHigh(m, P1);
    s = lo + t1;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t0 = u;
    lo = a3 * b2;
    hi = Math.unsignedMultiplyHigh(a3, b2);
    s = lo + t2;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    lo = m * P2;
    hi = Math.unsignedMultiplyHigh(m, P2);
    s = lo + t2;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t1 = u;
    lo = a3 * b3;
    hi = Math.unsignedMultiplyHigh(a3, b3);
    s = lo + t3;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryA;
    carryA = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t3 = u;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = lo + t3;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + carryC;
    carryC = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = carryC + carryA;

    reduceOnce(r, ro, t0, t1, t2, t3);
  }

  static void sqr(long[] r, int ro, long[] a, int ao) {
    mul(r, ro, a, ao, a, ao);
  }

  /**
   * The inverse (zero maps to zero). Rare (affine results, one per final exponentiation), so the
   * extended Euclid of {@link BigInteger#modInverse} serves: it is several times faster than the
   * 254 squarings of Fermat's a^(p-2).
   */
  static void inv(long[] r, int ro, long[] a, int ao) {
    if (isZero(a, ao)) {
      setZero(r, ro);
      return;
    }
    copy(r, ro, of(toBigInteger(a, ao).modInverse(MODULUS)), 0);
  }
}
