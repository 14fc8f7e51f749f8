package org.distli.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Points of the sextic twist E'(Fp2): y^2 = x^3 + 3 / xi, where alt_bn128's G2 lives. Unlike G1,
 * the twist has a large cofactor, so a point on the curve must also be checked to have order r
 * (EIP-197). Affine points are 16 limbs (x, y in Fp2), infinity being (0, 0); Jacobian points are
 * 24 limbs, infinity having Z = 0.
 */
final class G2 {
  static final int AFFINE_SIZE = 2 * Fp2.SIZE;
  static final int JACOBIAN_SIZE = 3 * Fp2.SIZE;

  /** The order r of G1, G2 and the pairing's target group. */
  static final BigInteger ORDER =
      new BigInteger("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16);

  /** 6x^2 in non-adjacent form (x the BN parameter). */
  private static final byte[] SIX_X_SQUARED =
      Naf.of(
          BigInteger.valueOf(Pairing.X)
              .multiply(BigInteger.valueOf(Pairing.X))
              .multiply(BigInteger.valueOf(6)));

  /** b' = 3 / xi, the twist's constant. */
  static final long[] TWIST_B = twistB();

  private static final int X = 0;
  private static final int Y = Fp2.SIZE;
  private static final int Z = 2 * Fp2.SIZE;

  private final Fp2 fp2;
  private final long[] t = new long[10 * Fp2.SIZE];

  G2(Fp2 fp2) {
    this.fp2 = fp2;
  }

  private static long[] twistB() {
    Fp2 fp2 = new Fp2();
    long[] b = Fp2.of(BigInteger.valueOf(9), BigInteger.ONE);
    fp2.inv(b, 0, b, 0);
    long[] three = Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO);
    fp2.mul(b, 0, b, 0, three, 0);
    return b;
  }

  /**
   * Reads a 128-byte point as EIP-197 encodes it: x = (imaginary, real), then y likewise.
   *
   * @return false when a coordinate is not below p or the point is not on the twist
   */
  boolean read(byte[] in, int offset, long[] r, int ro) {
    if (!Fp.read(in, offset, r, ro + 4)
        || !Fp.read(in, offset + 32, r, ro)
        || !Fp.read(in, offset + 64, r, ro + Y + 4)
        || !Fp.read(in, offset + 96, r, ro + Y)) {
      return false;
    }
    return isInfinity(r, ro) || isOnCurve(r, ro);
  }

  static boolean isInfinity(long[] a, int ao) {
    return Fp2.isZero(a, ao) && Fp2.isZero(a, ao + Y);
  }

  boolean isOnCurve(long[] a, int ao) {
    final int lhs = 0, rhs = 8;
    fp2.sqr(t, lhs, a, ao + Y);
    fp2.sqr(t, rhs, a, ao);
    fp2.mul(t, rhs, t, rhs, a, ao);
    Fp2.add(t, rhs, t, rhs, TWIST_B, 0);
    return Fp2.equal(t, lhs, t, rhs);
  }

  /**
   * Whether an affine point on the twist has order r. On G2 the twisted Frobenius map psi acts as
   * multiplication by p, and p = 6x^2 mod r, so members satisfy psi(Q) = [6x^2]Q; for BN curves the
   * converse holds too (El Housni, Guillevic and Piellard, "Co-factor clearing and subgroup
   * membership testing on pairing-friendly curves", 2022), which halves the cost of computing [r]Q.
   */
  boolean isInSubgroup(long[] q, int qo) {
    if (isInfinity(q, qo)) {
      return true;
    }
    long[] negated = new long[AFFINE_SIZE];
    Fp2.copy(negated, X, q, qo);
    Fp2.neg(negated, Y, q, qo + Y);
    long[] acc = new long[JACOBIAN_SIZE];
    for (int i = SIX_X_SQUARED.length - 1; i >= 0; i--) {
      dbl(acc, 0, acc, 0);
      if (SIX_X_SQUARED[i] > 0) {
        addAffine(acc, 0, acc, 0, q, qo);
      } else if (SIX_X_SQUARED[i] < 0) {
        addAffine(acc, 0, acc, 0, negated, 0);
      }
    }
    if (Fp2.isZero(acc, Z)) {
      return false; // psi(Q) is not infinity
    }
    // psi(Q) = (conj(x) xi^((p-1)/3), conj(y) xi^((p-1)/2)); compare with X / Z^2, Y / Z^3.
    final int psiX = 0, psiY = 8, z2 = 16, z3 = 24;
    Fp2.conj(t, psiX, q, qo + X);
    fp2.mul(t, psiX, t, psiX, Fp12.frobeniusConstant(1, 2), 0);
    Fp2.conj(t, psiY, q, qo + Y);
    fp2.mul(t, psiY, t, psiY, Fp12.frobeniusConstant(1, 3), 0);
    fp2.sqr(t, z2, acc, Z);
    fp2.mul(t, z3, t, z2, acc, Z);
    fp2.mul(t, psiX, t, psiX, t, z2);
    fp2.mul(t, psiY, t, psiY, t, z3);
    return Fp2.equal(t, psiX, acc, X) && Fp2.equal(t, psiY, acc, Y);
  }

  /** Jacobian doubling on a curve with a = 0. */
  void dbl(long[] r, int ro, long[] p, int po) {
    if (Fp2.isZero(p, po + Z)) {
      Fp2.setZero(r, ro + Z);
      return;
    }
    final int a = 0, b = 8, c = 16, d = 24, e = 32, f = 40, z = 48;
    fp2.sqr(t, a, p, po + X);
    fp2.sqr(t, b, p, po + Y);
    fp2.sqr(t, c, t, b);
    Fp2.add(t, d, p, po + X, t, b);
    fp2.sqr(t, d, t, d);
    Fp2.sub(t, d, t, d, t, a);
    Fp2.sub(t, d, t, d, t, c);
    Fp2.dbl(t, d, t, d);
    Fp2.dbl(t, e, t, a);
    Fp2.add(t, e, t, e, t, a);
    fp2.sqr(t, f, t, e);
    fp2.mul(t, z, p, po + Y, p, po + Z);
    Fp2.dbl(r, ro + Z, t, z);
    Fp2.sub(r, ro + X, t, f, t, d);
    Fp2.sub(r, ro + X, r, ro + X, t, d);
    Fp2.sub(t, d, t, d, r, ro + X);
    fp2.mul(t, d, t, d, t, e);
    Fp2.dbl(t, c, t, c);
    Fp2.dbl(t, c, t, c);
    Fp2.dbl(t, c, t, c);
    Fp2.sub(r, ro + Y, t, d, t, c);
  }

  /** Jacobian plus affine; handles infinity and equal points. */
  void addAffine(long[] r, int ro, long[] p, int po, long[] q, int qo) {
    if (isInfinity(q, qo)) {
      System.arraycopy(p, po, r, ro, JACOBIAN_SIZE);
      return;
    }
    if (Fp2.isZero(p, po + Z)) {
      Fp2.copy(r, ro + X, q, qo);
      Fp2.copy(r, ro + Y, q, qo + Y);
      Fp2.setOne(r, ro + Z);
      return;
    }
    final int z1z1 = 0, u2 = 8, s2 = 16, h = 24, hh = 32, i = 40, j = 48, rr = 56, v = 64;
    fp2.sqr(t, z1z1, p, po + Z);
    fp2.mul(t, u2, q, qo, t, z1z1);
    fp2.mul(t, s2, q, qo + Y, p, po + Z);
    fp2.mul(t, s2, t, s2, t, z1z1);
    Fp2.sub(t, h, t, u2, p, po + X);
    Fp2.sub(t, rr, t, s2, p, po + Y);
    if (Fp2.isZero(t, h)) {
      if (Fp2.isZero(t, rr)) {
        dbl(r, ro, p, po);
      } else {
        Fp2.setZero(r, ro + Z);
      }
      return;
    }
    Fp2.dbl(t, rr, t, rr);
    fp2.sqr(t, hh, t, h);
    Fp2.dbl(t, i, t, hh);
    Fp2.dbl(t, i, t, i);
    fp2.mul(t, j, t, h, t, i);
    fp2.mul(t, v, p, po + X, t, i);
    Fp2.add(t, u2, p, po + Z, t, h);
    fp2.sqr(t, u2, t, u2);
    Fp2.sub(t, u2, t, u2, t, z1z1);
    Fp2.sub(t, u2, t, u2, t, hh);
    fp2.mul(t, s2, p, po + Y, t, j);
    Fp2.copy(r, ro + Z, t, u2);
    fp2.sqr(t, h, t, rr);
    Fp2.sub(t, h, t, h, t, j);
    Fp2.sub(t, h, t, h, t, v);
    Fp2.sub(r, ro + X, t, h, t, v);
    Fp2.sub(t, v, t, v, r, ro + X);
    fp2.mul(t, v, t, v, t, rr);
    Fp2.dbl(t, s2, t, s2);
    Fp2.sub(r, ro + Y, t, v, t, s2);
  }
}
