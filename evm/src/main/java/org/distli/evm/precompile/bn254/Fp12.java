package org.distli.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Arithmetic in Fp12 = Fp6[w] / (w^2 - v), the field the pairing lands in. An element is c0 + c1 w:
 * two Fp6 elements (48 limbs). Since w^2 = v and v^3 = xi, it is also sum(g_i w^i) for i < 6 with
 * g_i in Fp2, which is the basis the Frobenius map is simplest in. Instances own scratch space;
 * results may overwrite inputs.
 */
final class Fp12 {
  static final int SIZE = 2 * Fp6.SIZE;
  private static final int C1 = Fp6.SIZE;

  /** Where coefficient g_i of w^i sits: w^0..w^5 are c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2. */
  private static final int[] W_POWER_OFFSET = {0, 24, 8, 32, 16, 40};

  /**
   * FROBENIUS[k - 1][i] = xi^(i (p^k - 1) / 6): (g w^i)^(p^k) = g^(p^k) w^i times this constant,
   * because w^6 = xi.
   */
  private static final long[][][] FROBENIUS = frobeniusConstants();

  final Fp6 fp6 = new Fp6();
  final Fp2 fp2 = fp6.fp2;
  private final long[] t = new long[5 * Fp6.SIZE];

  private static long[][][] frobeniusConstants() {
    Fp2 fp2 = new Fp2();
    long[] xi = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
    BigInteger p = Fp.MODULUS;
    long[][][] constants = new long[3][6][];
    for (int k = 1; k <= 3; k++) {
      BigInteger pk = p.pow(k);
      for (int i = 0; i < 6; i++) {
        long[] c = new long[Fp2.SIZE];
        fp2.pow(
            c,
            0,
            xi,
            0,
            pk.subtract(BigInteger.ONE)
                .multiply(BigInteger.valueOf(i))
                .divide(BigInteger.valueOf(6)));
        constants[k - 1][i] = c;
      }
    }
    return constants;
  }

  /** xi^((p^k - 1) i / 6), exposed for the twisted Frobenius map on G2 points. */
  static long[] frobeniusConstant(int k, int i) {
    return FROBENIUS[k - 1][i];
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, SIZE);
  }

  static void setOne(long[] r, int ro) {
    java.util.Arrays.fill(r, ro, ro + SIZE, 0L);
    Fp2.setOne(r, ro);
  }

  static boolean isOne(long[] a, int ao) {
    return Fp6.isOne(a, ao) && Fp6.isZero(a, ao + C1);
  }

  static boolean equal(long[] a, int ao, long[] b, int bo) {
    return java.util.Arrays.equals(a, ao, ao + SIZE, b, bo, bo + SIZE);
  }

  /** The conjugate c0 - c1 w, which is a^(p^6); the inverse for elements of norm 1. */
  static void conj(long[] r, int ro, long[] a, int ao) {
    Fp6.copy(r, ro, a, ao);
    Fp6.neg(r, ro + C1, a, ao + C1);
  }

  /** Karatsuba: three Fp6 multiplications. */
  void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    final int v0 = 0, v1 = 24, s = 48, u = 72;
    fp6.mul(t, v0, a, ao, b, bo);
    fp6.mul(t, v1, a, ao + C1, b, bo + C1);
    Fp6.add(t, s, a, ao, a, ao + C1);
    Fp6.add(t, u, b, bo, b, bo + C1);
    fp6.mul(t, s, t, s, t, u);
    Fp6.sub(t, s, t, s, t, v0);
    Fp6.sub(r, ro + C1, t, s, t, v1);
    fp6.mulByV(t, v1, t, v1);
    Fp6.add(r, ro, t, v0, t, v1);
  }

  /** Complex squaring: two Fp6 multiplications. */
  void sqr(long[] r, int ro, long[] a, int ao) {
    final int ab = 0, s = 24, u = 48, vab = 72;
    fp6.mul(t, ab, a, ao, a, ao + C1);
    Fp6.add(t, s, a, ao, a, ao + C1);
    fp6.mulByV(t, u, a, ao + C1);
    Fp6.add(t, u, t, u, a, ao);
    fp6.mul(t, s, t, s, t, u); // (a0 + a1)(a0 + v a1)
    fp6.mulByV(t, vab, t, ab);
    Fp6.sub(t, s, t, s, t, ab);
    Fp6.sub(r, ro, t, s, t, vab);
    Fp6.dbl(r, ro + C1, t, ab);
  }

  /**
   * Multiplication by a line function l = a + b w + c v w (a, b, c in Fp2 at {@code line}, {@code
   * line + 8}, {@code line + 16}): thirteen Fp2 multiplications instead of eighteen.
   */
  void mulByLine(long[] r, int ro, long[] a, int ao, long[] line, int lo) {
    final int t0 = 0, t1 = 24, s = 48, sparse = 72;
    fp6.mulByFp2(t, t0, a, ao, line, lo);
    fp6.mulBySparse01(t, t1, a, ao + C1, line, lo + 8, lo + 16);
    Fp6.add(t, s, a, ao, a, ao + C1);
    Fp2.add(t, sparse, line, lo, line, lo + 8);
    Fp2.copy(t, sparse + 8, line, lo + 16);
    fp6.mulBySparse01(t, s, t, s, t, sparse, sparse + 8);
    Fp6.sub(t, s, t, s, t, t0);
    Fp6.sub(r, ro + C1, t, s, t, t1);
    fp6.mulByV(t, t1, t, t1);
    Fp6.add(r, ro, t, t0, t, t1);
  }

  /**
   * Squaring of an element of the cyclotomic subgroup (norm 1 over Fp6 and over Fp4), by Granger
   * and Scott, "Faster squaring in the cyclotomic subgroup of sixth degree extensions" (2010). Seen
   * as a + b w + c w^2 over Fp4 = Fp2[s] / (s^2 - xi) with s = w^3, the square is (3a^2 - 2
   * conj(a)) + (3 s c^2 + 2 conj(b)) w + (3 b^2 - 2 conj(c)) w^2: three Fp4 squarings, nine Fp2
   * squarings in all, against twelve Fp2 multiplications for a general square.
   */
  void cyclotomicSqr(long[] r, int ro, long[] f, int fo) {
    // Fp2 coefficients of w^0..w^5; a = (g0, g3), b = (g1, g4), c = (g2, g5).
    final int g0 = fo, g1 = fo + 24, g2 = fo + 8, g3 = fo + 32, g4 = fo + 16, g5 = fo + 40;
    final int a0 = 0, a1 = 8, b0 = 16, b1 = 24, c0 = 32, c1 = 40, x = 48;
    fp4Sqr(a0, a1, f, g0, g3);
    fp4Sqr(b0, b1, f, g1, g4);
    fp4Sqr(c0, c1, f, g2, g5);
    // w^0, w^3: 3 a^2 - 2 conj(a)
    tripleMinusTwice(r, ro, t, a0, f, g0, false);
    tripleMinusTwice(r, ro + 32, t, a1, f, g3, true);
    // w^2, w^5: 3 b^2 - 2 conj(c)
    tripleMinusTwice(r, ro + 8, t, b0, f, g2, false);
    tripleMinusTwice(r, ro + 40, t, b1, f, g5, true);
    // w^1, w^4: 3 s c^2 + 2 conj(b), with s (c0 + c1 s) = xi c1 + c0 s
    fp2.mulByXi(t, x, t, c1);
    tripleMinusTwice(r, ro + 24, t, x, f, g1, true);
    tripleMinusTwice(r, ro + 16, t, c0, f, g4, false);
  }

  /** (x0 + x1 s)^2 with s^2 = xi, written to scratch at (r0, r1). */
  private void fp4Sqr(int r0, int r1, long[] f, int x0, int x1) {
    final int s0 = 56, s1 = 64, s2 = 72;
    fp2.sqr(t, s0, f, x0);
    fp2.sqr(t, s1, f, x1);
    Fp2.add(t, s2, f, x0, f, x1);
    fp2.sqr(t, s2, t, s2);
    Fp2.sub(t, s2, t, s2, t, s0);
    Fp2.sub(t, r1, t, s2, t, s1);
    fp2.mulByXi(t, s1, t, s1);
    Fp2.add(t, r0, t, s1, t, s0);
  }

  /** r = 3 x - 2 y, or 3 x + 2 y when {@code plus}: the coefficient rule of cyclotomic squaring. */
  private void tripleMinusTwice(
      long[] r, int ro, long[] x, int xo, long[] y, int yo, boolean plus) {
    final int s = 80, u = 88;
    Fp2.dbl(t, s, x, xo);
    Fp2.add(t, s, t, s, x, xo);
    Fp2.dbl(t, u, y, yo);
    if (plus) {
      Fp2.add(r, ro, t, s, t, u);
    } else {
      Fp2.sub(r, ro, t, s, t, u);
    }
  }

  /** 1 / (c0 + c1 w) = (c0 - c1 w) / (c0^2 - v c1^2). */
  void inv(long[] r, int ro, long[] a, int ao) {
    final int x = 0, y = 24;
    fp6.sqr(t, x, a, ao);
    fp6.sqr(t, y, a, ao + C1);
    fp6.mulByV(t, y, t, y);
    Fp6.sub(t, x, t, x, t, y);
    fp6.inv(t, x, t, x);
    fp6.mul(r, ro, a, ao, t, x);
    fp6.mul(t, y, a, ao + C1, t, x);
    Fp6.neg(r, ro + C1, t, y);
  }

  /** a^(p^k) for k in 1..3. */
  void frobenius(long[] r, int ro, long[] a, int ao, int k) {
    long[][] constants = FROBENIUS[k - 1];
    for (int i = 0; i < 6; i++) {
      int offset = W_POWER_OFFSET[i];
      if (k % 2 == 1) {
        Fp2.conj(t, 0, a, ao + offset);
      } else {
        Fp2.copy(t, 0, a, ao + offset);
      }
      fp2.mul(r, ro + offset, t, 0, constants[i], 0);
    }
  }
}
