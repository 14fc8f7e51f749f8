package org.distli.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Arithmetic in Fp2 = Fp[u] / (u^2 + 1). An element is c0 + c1 u: eight limbs (c0, then c1) at an
 * offset in a {@code long[]}. An instance owns the scratch space its multiplications need, so it is
 * cheap to create and must not be shared between threads; results may overwrite inputs.
 */
final class Fp2 {
  static final int SIZE = 8;

  private final long[] t = new long[4 * 4];

  static long[] of(BigInteger c0, BigInteger c1) {
    long[] out = new long[SIZE];
    Fp.copy(out, 0, Fp.of(c0), 0);
    Fp.copy(out, 4, Fp.of(c1), 0);
    return out;
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, SIZE);
  }

  static void setZero(long[] r, int ro) {
    java.util.Arrays.fill(r, ro, ro + SIZE, 0L);
  }

  static void setOne(long[] r, int ro) {
    Fp.setOne(r, ro);
    Fp.setZero(r, ro + 4);
  }

  static boolean isZero(long[] a, int ao) {
    return Fp.isZero(a, ao) && Fp.isZero(a, ao + 4);
  }

  static boolean isOne(long[] a, int ao) {
    return Fp.equal(a, ao, Fp.ONE, 0) && Fp.isZero(a, ao + 4);
  }

  static boolean equal(long[] a, int ao, long[] b, int bo) {
    return Fp.equal(a, ao, b, bo) && Fp.equal(a, ao + 4, b, bo + 4);
  }

  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp.add(r, ro, a, ao, b, bo);
    Fp.add(r, ro + 4, a, ao + 4, b, bo + 4);
  }

  static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp.sub(r, ro, a, ao, b, bo);
    Fp.sub(r, ro + 4, a, ao + 4, b, bo + 4);
  }

  static void dbl(long[] r, int ro, long[] a, int ao) {
    Fp.dbl(r, ro, a, ao);
    Fp.dbl(r, ro + 4, a, ao + 4);
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    Fp.neg(r, ro, a, ao);
    Fp.neg(r, ro + 4, a, ao + 4);
  }

  /** The conjugate c0 - c1 u, which is also the Frobenius map a^p. */
  static void conj(long[] r, int ro, long[] a, int ao) {
    Fp.copy(r, ro, a, ao);
    Fp.neg(r, ro + 4, a, ao + 4);
  }

  /** Multiplication by an element of Fp. */
  static void mulByFp(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp.mul(r, ro, a, ao, b, bo);
    Fp.mul(r, ro + 4, a, ao + 4, b, bo);
  }

  /** Karatsuba: three base-field multiplications instead of four. */
  void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp.mul(t, 0, a, ao, b, bo); // a0 b0
    Fp.mul(t, 4, a, ao + 4, b, bo + 4); // a1 b1
    Fp.add(t, 8, a, ao, a, ao + 4);
    Fp.add(t, 12, b, bo, b, bo + 4);
    Fp.mul(t, 8, t, 8, t, 12); // (a0 + a1)(b0 + b1)
    Fp.sub(r, ro, t, 0, t, 4);
    Fp.sub(t, 8, t, 8, t, 0);
    Fp.sub(r, ro + 4, t, 8, t, 4);
  }

  /** (c0 + c1 u)^2 = (c0 + c1)(c0 - c1) + 2 c0 c1 u. */
  void sqr(long[] r, int ro, long[] a, int ao) {
    Fp.add(t, 0, a, ao, a, ao + 4);
    Fp.sub(t, 4, a, ao, a, ao + 4);
    Fp.mul(t, 8, a, ao, a, ao + 4);
    Fp.mul(r, ro, t, 0, t, 4);
    Fp.dbl(r, ro + 4, t, 8);
  }

  /** Multiplication by xi = 9 + u, the non-residue that defines Fp6 and the twist. */
  void mulByXi(long[] r, int ro, long[] a, int ao) {
    // (a0 + a1 u)(9 + u) = (9 a0 - a1) + (a0 + 9 a1) u
    Fp.dbl(t, 0, a, ao);
    Fp.dbl(t, 0, t, 0);
    Fp.dbl(t, 0, t, 0);
    Fp.add(t, 0, t, 0, a, ao); // 9 a0
    Fp.dbl(t, 4, a, ao + 4);
    Fp.dbl(t, 4, t, 4);
    Fp.dbl(t, 4, t, 4);
    Fp.add(t, 4, t, 4, a, ao + 4); // 9 a1
    Fp.sub(t, 0, t, 0, a, ao + 4);
    Fp.add(r, ro + 4, t, 4, a, ao);
    Fp.copy(r, ro, t, 0);
  }

  /** 1 / (c0 + c1 u) = (c0 - c1 u) / (c0^2 + c1^2). */
  void inv(long[] r, int ro, long[] a, int ao) {
    Fp.sqr(t, 0, a, ao);
    Fp.sqr(t, 4, a, ao + 4);
    Fp.add(t, 0, t, 0, t, 4);
    Fp.inv(t, 0, t, 0);
    Fp.mul(r, ro, a, ao, t, 0);
    Fp.mul(t, 4, a, ao + 4, t, 0);
    Fp.neg(r, ro + 4, t, 4);
  }

  /** a^e for a non-negative exponent; used to derive constants. */
  void pow(long[] r, int ro, long[] a, int ao, BigInteger exponent) {
    long[] base = new long[SIZE];
    copy(base, 0, a, ao);
    long[] acc = new long[SIZE];
    setOne(acc, 0);
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      sqr(acc, 0, acc, 0);
      if (exponent.testBit(bit)) {
        mul(acc, 0, acc, 0, base, 0);
      }
    }
    copy(r, ro, acc, 0);
  }
}
