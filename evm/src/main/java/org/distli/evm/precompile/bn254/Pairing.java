package org.distli.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * The optimal ate pairing on alt_bn128: a Miller loop over 6x + 2 (x the curve's BN parameter)
 * shared by all pairs, two Frobenius-twisted addition steps, then one final exponentiation to the
 * power (p^12 - 1) / r. G2 points stay on the twist in homogeneous projective coordinates, and each
 * line function is multiplied in as a sparse element. Not thread-safe: one instance per check.
 */
final class Pairing {
  /** The BN parameter x: p = 36x^4 + 36x^3 + 24x^2 + 6x + 1. */
  static final long X = 4965661367192848881L;

  /** 6x + 2, the optimal ate loop count, in non-adjacent form. */
  private static final byte[] LOOP =
      Naf.of(BigInteger.valueOf(X).multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

  /** x in non-adjacent form, for the exponentiations of the final exponentiation. */
  private static final byte[] X_NAF = Naf.of(BigInteger.valueOf(X));

  private static final long[] TWIST_B3 = times(G2.TWIST_B, 3);

  private final Fp12 fp12 = new Fp12();
  private final Fp2 fp2 = fp12.fp2;
  private final long[] t = new long[12 * Fp2.SIZE];
  private final long[] line = new long[3 * Fp2.SIZE];

  private static long[] times(long[] a, int k) {
    long[] r = new long[Fp2.SIZE];
    for (int i = 0; i < k; i++) {
      Fp2.add(r, 0, r, 0, a, 0);
    }
    return r;
  }

  /**
   * Whether the product of e(P_i, Q_i) is 1. Points are affine and already validated: G1 points (8
   * limbs each) in {@code g1}, G2 points (16 limbs each) in {@code g2}; pairs where either point is
   * infinity contribute 1 and are skipped.
   */
  boolean isProductOne(long[] g1, long[] g2, int count) {
    long[] f = new long[Fp12.SIZE];
    millerLoop(f, g1, g2, count);
    finalExponentiation(f, f);
    return Fp12.isOne(f, 0);
  }

  /** e(P, Q) itself, for tests. */
  long[] pair(long[] p, long[] q) {
    long[] f = new long[Fp12.SIZE];
    millerLoop(f, p, q, 1);
    finalExponentiation(f, f);
    return f;
  }

  void millerLoop(long[] f, long[] g1, long[] g2, int count) {
    Fp12.setOne(f, 0);
    int[] active = new int[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (!G1.isInfinity(g1, 8 * i) && !G2.isInfinity(g2, G2.AFFINE_SIZE * i)) {
        active[n++] = i;
      }
    }
    if (n == 0) {
      return;
    }
    // T_i = Q_i in homogeneous projective coordinates (X, Y, Z), x = X / Z, y = Y / Z.
    long[] points = new long[n * G2.JACOBIAN_SIZE];
    for (int k = 0; k < n; k++) {
      int qo = G2.AFFINE_SIZE * active[k];
      System.arraycopy(g2, qo, points, k * G2.JACOBIAN_SIZE, G2.AFFINE_SIZE);
      Fp2.setOne(points, k * G2.JACOBIAN_SIZE + 2 * Fp2.SIZE);
    }
    // -Q_k, for the loop's negative digits.
    long[] negated = new long[n * G2.AFFINE_SIZE];
    for (int k = 0; k < n; k++) {
      int qo = G2.AFFINE_SIZE * active[k];
      Fp2.copy(negated, k * G2.AFFINE_SIZE, g2, qo);
      Fp2.neg(negated, k * G2.AFFINE_SIZE + Fp2.SIZE, g2, qo + Fp2.SIZE);
    }
    for (int i = LOOP.length - 2; i >= 0; i--) {
      if (i != LOOP.length - 2) {
        fp12.sqr(f, 0, f, 0); // f is still 1 in the first round
      }
      for (int k = 0; k < n; k++) {
        doublingStep(points, k * G2.JACOBIAN_SIZE, g1, 8 * active[k]);
        fp12.mulByLine(f, 0, f, 0, line, 0);
      }
      if (LOOP[i] != 0) {
        for (int k = 0; k < n; k++) {
          long[] q = LOOP[i] > 0 ? g2 : negated;
          int qo = LOOP[i] > 0 ? G2.AFFINE_SIZE * active[k] : G2.AFFINE_SIZE * k;
          additionStep(points, k * G2.JACOBIAN_SIZE, q, qo, g1, 8 * active[k]);
          fp12.mulByLine(f, 0, f, 0, line, 0);
        }
      }
    }
    // The two closing steps of the optimal ate pairing: add pi(Q), then -pi^2(Q).
    long[] twisted = new long[G2.AFFINE_SIZE];
    for (int k = 0; k < n; k++) {
      int qo = G2.AFFINE_SIZE * active[k];
      Fp2.conj(twisted, 0, g2, qo);
      fp2.mul(twisted, 0, twisted, 0, Fp12.frobeniusConstant(1, 2), 0);
      Fp2.conj(twisted, Fp2.SIZE, g2, qo + Fp2.SIZE);
      fp2.mul(twisted, Fp2.SIZE, twisted, Fp2.SIZE, Fp12.frobeniusConstant(1, 3), 0);
      additionStep(points, k * G2.JACOBIAN_SIZE, twisted, 0, g1, 8 * active[k]);
      fp12.mulByLine(f, 0, f, 0, line, 0);

      fp2.mul(twisted, 0, g2, qo, Fp12.frobeniusConstant(2, 2), 0);
      fp2.mul(twisted, Fp2.SIZE, g2, qo + Fp2.SIZE, Fp12.frobeniusConstant(2, 3), 0);
      Fp2.neg(twisted, Fp2.SIZE, twisted, Fp2.SIZE);
      additionStep(points, k * G2.JACOBIAN_SIZE, twisted, 0, g1, 8 * active[k]);
      fp12.mulByLine(f, 0, f, 0, line, 0);
    }
  }

  /**
   * T = 2T, leaving in {@link #line} the tangent at T evaluated at P, scaled by 2 y_T Z^3 (a factor
   * in Fp2, which the final exponentiation removes): 2YZ y_P - 3X^2 x_P w + (Y^2 - 3b'Z^2) w^3.
   */
  private void doublingStep(long[] tp, int to, long[] p, int po) {
    final int xo = to, yo = to + 8, zo = to + 16;
    final int a = 0, b = 8, c = 16, e = 24, f = 32, yz = 40, x2 = 48;
    fp2.mul(t, a, tp, xo, tp, yo); // XY
    fp2.sqr(t, b, tp, yo); // Y^2
    fp2.sqr(t, c, tp, zo); // Z^2
    fp2.mul(t, e, t, c, TWIST_B3, 0); // 3b'Z^2
    Fp2.dbl(t, f, t, e);
    Fp2.add(t, f, t, f, t, e); // 9b'Z^2
    fp2.mul(t, yz, tp, yo, tp, zo); // YZ
    fp2.sqr(t, x2, tp, xo); // X^2

    // line
    Fp2.dbl(line, 0, t, yz);
    Fp2.mulByFp(line, 0, line, 0, p, po + 4);
    Fp2.dbl(line, 8, t, x2);
    Fp2.add(line, 8, line, 8, t, x2);
    Fp2.neg(line, 8, line, 8);
    Fp2.mulByFp(line, 8, line, 8, p, po);
    Fp2.sub(line, 16, t, b, t, e);

    // 2T, scaled by 4 to avoid halving: X3 = 2XY (Y^2 - 9b'Z^2),
    // Y3 = (Y^2 + 9b'Z^2)^2 - 12 (3b'Z^2)^2, Z3 = 8 Y^3 Z
    Fp2.sub(t, c, t, b, t, f);
    fp2.mul(tp, xo, t, a, t, c);
    Fp2.dbl(tp, xo, tp, xo);
    fp2.mul(tp, zo, t, b, t, yz);
    Fp2.dbl(tp, zo, tp, zo);
    Fp2.dbl(tp, zo, tp, zo);
    Fp2.dbl(tp, zo, tp, zo);
    Fp2.add(t, c, t, b, t, f);
    fp2.sqr(t, c, t, c);
    fp2.sqr(t, e, t, e);
    Fp2.dbl(t, a, t, e);
    Fp2.add(t, a, t, a, t, e); // 3 E^2
    Fp2.dbl(t, a, t, a);
    Fp2.dbl(t, a, t, a); // 12 E^2
    Fp2.sub(tp, yo, t, c, t, a);
  }

  /**
   * T = T + Q for affine Q, leaving in {@link #line} the line through T and Q evaluated at P,
   * scaled by delta = X - x_Q Z: delta y_P - theta x_P w + (theta x_Q - delta y_Q) w^3.
   */
  private void additionStep(long[] tp, int to, long[] q, int qo, long[] p, int po) {
    final int xo = to, yo = to + 8, zo = to + 16;
    final int theta = 0, delta = 8, c = 16, d = 24, e = 32, f = 40, g = 48, h = 56, s = 64;
    fp2.mul(t, theta, q, qo + 8, tp, zo);
    Fp2.sub(t, theta, tp, yo, t, theta);
    fp2.mul(t, delta, q, qo, tp, zo);
    Fp2.sub(t, delta, tp, xo, t, delta);

    Fp2.mulByFp(line, 0, t, delta, p, po + 4);
    Fp2.neg(line, 8, t, theta);
    Fp2.mulByFp(line, 8, line, 8, p, po);
    fp2.mul(line, 16, t, theta, q, qo);
    fp2.mul(t, s, t, delta, q, qo + 8);
    Fp2.sub(line, 16, line, 16, t, s);

    fp2.sqr(t, c, t, theta);
    fp2.sqr(t, d, t, delta);
    fp2.mul(t, e, t, delta, t, d);
    fp2.mul(t, f, tp, zo, t, c);
    fp2.mul(t, g, tp, xo, t, d);
    Fp2.add(t, h, t, e, t, f);
    Fp2.sub(t, h, t, h, t, g);
    Fp2.sub(t, h, t, h, t, g);
    fp2.mul(tp, xo, t, delta, t, h);
    fp2.mul(t, s, t, e, tp, yo);
    Fp2.sub(t, g, t, g, t, h);
    fp2.mul(tp, yo, t, theta, t, g);
    Fp2.sub(tp, yo, tp, yo, t, s);
    fp2.mul(tp, zo, tp, zo, t, e);
  }

  /**
   * f^((p^12 - 1) / r). The easy part (p^6 - 1)(p^2 + 1) costs an inversion and Frobenius maps; the
   * hard part (p^4 - p^2 + 1) / r is written in base p with coefficients that are polynomials in x
   * (Scott et al., "On the final exponentiation for calculating pairings on ordinary elliptic
   * curves"), so it needs only three exponentiations by x.
   */
  void finalExponentiation(long[] r, long[] f) {
    final int n = Fp12.SIZE;
    long[] m = new long[12 * n];
    final int a = 0, fx = n, fx2 = 2 * n, fx3 = 3 * n, y0 = 4 * n, y1 = 5 * n, y2 = 6 * n;
    final int y3 = 7 * n, y4 = 8 * n, y5 = 9 * n, y6 = 10 * n, s = 11 * n;
    // easy part: a = f^(p^6 - 1) then a = a^(p^2 + 1); a is now in the cyclotomic subgroup,
    // where inversion is conjugation.
    fp12.inv(m, s, f, 0);
    Fp12.conj(m, a, f, 0);
    fp12.mul(m, a, m, a, m, s);
    fp12.frobenius(m, s, m, a, 2);
    fp12.mul(m, a, m, a, m, s);

    expByX(m, fx, m, a);
    expByX(m, fx2, m, fx);
    expByX(m, fx3, m, fx2);

    fp12.frobenius(m, y0, m, a, 1);
    fp12.frobenius(m, s, m, a, 2);
    fp12.mul(m, y0, m, y0, m, s);
    fp12.frobenius(m, s, m, a, 3);
    fp12.mul(m, y0, m, y0, m, s);
    Fp12.conj(m, y1, m, a);
    fp12.frobenius(m, y2, m, fx2, 2);
    fp12.frobenius(m, y3, m, fx, 1);
    Fp12.conj(m, y3, m, y3);
    fp12.frobenius(m, y4, m, fx2, 1);
    fp12.mul(m, y4, m, y4, m, fx);
    Fp12.conj(m, y4, m, y4);
    Fp12.conj(m, y5, m, fx2);
    fp12.frobenius(m, y6, m, fx3, 1);
    fp12.mul(m, y6, m, y6, m, fx3);
    Fp12.conj(m, y6, m, y6);

    // y0 y1^2 y2^6 y3^12 y4^18 y5^30 y6^36 by a vectorial addition chain; t0 reuses fx, t1 fx2.
    final int t0 = fx, t1 = fx2;
    fp12.sqr(m, t0, m, y6);
    fp12.mul(m, t0, m, t0, m, y4);
    fp12.mul(m, t0, m, t0, m, y5);
    fp12.mul(m, t1, m, y3, m, y5);
    fp12.mul(m, t1, m, t1, m, t0);
    fp12.mul(m, t0, m, t0, m, y2);
    fp12.sqr(m, t1, m, t1);
    fp12.mul(m, t1, m, t1, m, t0);
    fp12.sqr(m, t1, m, t1);
    fp12.mul(m, t0, m, t1, m, y1);
    fp12.mul(m, t1, m, t1, m, y0);
    fp12.sqr(m, t0, m, t0);
    fp12.mul(m, t0, m, t0, m, t1);
    Fp12.copy(r, 0, m, t0);
  }

  /**
   * r = a^x for a in the cyclotomic subgroup, where squaring is cheap and inversion is conjugation,
   * over the non-adjacent form of x.
   */
  private void expByX(long[] m, int ro, long[] a, int ao) {
    long[] acc = new long[Fp12.SIZE];
    long[] inverse = new long[Fp12.SIZE];
    Fp12.conj(inverse, 0, a, ao);
    Fp12.copy(acc, 0, a, ao);
    for (int i = X_NAF.length - 2; i >= 0; i--) {
      fp12.cyclotomicSqr(acc, 0, acc, 0);
      if (X_NAF[i] > 0) {
        fp12.mul(acc, 0, acc, 0, a, ao);
      } else if (X_NAF[i] < 0) {
        fp12.mul(acc, 0, acc, 0, inverse, 0);
      }
    }
    Fp12.copy(m, ro, acc, 0);
  }
}
