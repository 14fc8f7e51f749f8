package org.distli.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * The group of alt_bn128 points over Fp, y^2 = x^3 + 3 (prime order, so every point on the curve is
 * in the group). Affine points are eight limbs (x, y) with the point at infinity as (0, 0), which
 * is not on the curve; Jacobian points (X, Y, Z) with x = X / Z^2, y = Y / Z^3 are twelve limbs,
 * infinity having Z = 0.
 */
final class G1 {
  private static final long[] B = Fp.of(BigInteger.valueOf(3));

  private final long[] t = new long[10 * 4];

  /**
   * Reads a 64-byte point (x, y).
   *
   * @return false when a coordinate is not below p or the point is not on the curve
   */
  static boolean read(byte[] in, int offset, long[] r, int ro) {
    if (!Fp.read(in, offset, r, ro) || !Fp.read(in, offset + 32, r, ro + 4)) {
      return false;
    }
    return isInfinity(r, ro) || isOnCurve(r, ro);
  }

  static boolean isInfinity(long[] a, int ao) {
    return Fp.isZero(a, ao) && Fp.isZero(a, ao + 4);
  }

  static boolean isOnCurve(long[] a, int ao) {
    long[] lhs = new long[4];
    long[] rhs = new long[4];
    Fp.sqr(lhs, 0, a, ao + 4);
    Fp.sqr(rhs, 0, a, ao);
    Fp.mul(rhs, 0, rhs, 0, a, ao);
    Fp.add(rhs, 0, rhs, 0, B, 0);
    return Fp.equal(lhs, 0, rhs, 0);
  }

  /** Writes an affine point as 64 bytes; infinity as zeros. */
  static void write(long[] a, int ao, byte[] out, int offset) {
    Fp.write(a, ao, out, offset);
    Fp.write(a, ao + 4, out, offset + 32);
  }

  /** Jacobian doubling (a = 0): 2 multiplications and 5 squarings. */
  void dbl(long[] r, int ro, long[] p, int po) {
    if (Fp.isZero(p, po + 8)) {
      Fp.setZero(r, ro + 8);
      return;
    }
    final int a = 0, b = 4, c = 8, d = 12, e = 16, f = 20, z = 24;
    Fp.sqr(t, a, p, po);
    Fp.sqr(t, b, p, po + 4);
    Fp.sqr(t, c, t, b);
    Fp.add(t, d, p, po, t, b);
    Fp.sqr(t, d, t, d);
    Fp.sub(t, d, t, d, t, a);
    Fp.sub(t, d, t, d, t, c);
    Fp.dbl(t, d, t, d);
    Fp.dbl(t, e, t, a);
    Fp.add(t, e, t, e, t, a);
    Fp.sqr(t, f, t, e);
    Fp.mul(t, z, p, po + 4, p, po + 8);
    Fp.dbl(r, ro + 8, t, z); // Z3 = 2 Y Z, before X and Y are overwritten
    Fp.sub(r, ro, t, f, t, d);
    Fp.sub(r, ro, r, ro, t, d); // X3 = F - 2D
    Fp.sub(t, d, t, d, r, ro);
    Fp.mul(t, d, t, d, t, e);
    Fp.dbl(t, c, t, c);
    Fp.dbl(t, c, t, c);
    Fp.dbl(t, c, t, c);
    Fp.sub(r, ro + 4, t, d, t, c); // Y3 = E (D - X3) - 8C
  }

  /** Jacobian plus affine; handles infinity and equal points. */
  void addAffine(long[] r, int ro, long[] p, int po, long[] q, int qo) {
    if (isInfinity(q, qo)) {
      System.arraycopy(p, po, r, ro, 12);
      return;
    }
    if (Fp.isZero(p, po + 8)) {
      Fp.copy(r, ro, q, qo);
      Fp.copy(r, ro + 4, q, qo + 4);
      Fp.setOne(r, ro + 8);
      return;
    }
    final int z1z1 = 0, u2 = 4, s2 = 8, h = 12, hh = 16, i = 20, j = 24, rr = 28, v = 32;
    Fp.sqr(t, z1z1, p, po + 8);
    Fp.mul(t, u2, q, qo, t, z1z1);
    Fp.mul(t, s2, q, qo + 4, p, po + 8);
    Fp.mul(t, s2, t, s2, t, z1z1);
    Fp.sub(t, h, t, u2, p, po);
    Fp.sub(t, rr, t, s2, p, po + 4);
    if (Fp.isZero(t, h)) {
      if (Fp.isZero(t, rr)) {
        dbl(r, ro, p, po);
      } else {
        Fp.setZero(r, ro + 8);
      }
      return;
    }
    Fp.dbl(t, rr, t, rr);
    Fp.sqr(t, hh, t, h);
    Fp.dbl(t, i, t, hh);
    Fp.dbl(t, i, t, i);
    Fp.mul(t, j, t, h, t, i);
    Fp.mul(t, v, p, po, t, i);
    // Z3 = (Z1 + H)^2 - Z1Z1 - HH
    Fp.add(t, u2, p, po + 8, t, h);
    Fp.sqr(t, u2, t, u2);
    Fp.sub(t, u2, t, u2, t, z1z1);
    Fp.sub(t, u2, t, u2, t, hh);
    // Y1 J, before Y is overwritten
    Fp.mul(t, s2, p, po + 4, t, j);
    Fp.copy(r, ro + 8, t, u2);
    // X3 = r^2 - J - 2V
    Fp.sqr(t, h, t, rr);
    Fp.sub(t, h, t, h, t, j);
    Fp.sub(t, h, t, h, t, v);
    Fp.sub(r, ro, t, h, t, v);
    // Y3 = r (V - X3) - 2 Y1 J
    Fp.sub(t, v, t, v, r, ro);
    Fp.mul(t, v, t, v, t, rr);
    Fp.dbl(t, s2, t, s2);
    Fp.sub(r, ro + 4, t, v, t, s2);
  }

  /** Converts a Jacobian point to affine (infinity to (0, 0)). */
  void toAffine(long[] r, int ro, long[] p, int po) {
    if (Fp.isZero(p, po + 8)) {
      Fp.setZero(r, ro);
      Fp.setZero(r, ro + 4);
      return;
    }
    final int zi = 0, zi2 = 4;
    Fp.inv(t, zi, p, po + 8);
    Fp.sqr(t, zi2, t, zi);
    Fp.mul(t, zi, t, zi, t, zi2);
    Fp.mul(r, ro, p, po, t, zi2);
    Fp.mul(r, ro + 4, p, po + 4, t, zi);
  }

  /** Sum of two affine points, affine. */
  void add(long[] r, int ro, long[] p, int po, long[] q, int qo) {
    long[] jacobian = new long[12];
    if (isInfinity(p, po)) {
      Fp.setZero(jacobian, 8);
    } else {
      Fp.copy(jacobian, 0, p, po);
      Fp.copy(jacobian, 4, p, po + 4);
      Fp.setOne(jacobian, 8);
    }
    addAffine(jacobian, 0, jacobian, 0, q, qo);
    toAffine(r, ro, jacobian, 0);
  }

  /** {@code scalar} (32 bytes, big-endian, any value) times an affine point, affine. */
  void mul(long[] r, int ro, long[] p, int po, byte[] scalar, int so) {
    byte[] digits = Naf.of(new BigInteger(1, java.util.Arrays.copyOfRange(scalar, so, so + 32)));
    long[] negated = new long[8];
    Fp.copy(negated, 0, p, po);
    Fp.neg(negated, 4, p, po + 4);
    long[] acc = new long[12];
    for (int i = digits.length - 1; i >= 0; i--) {
      dbl(acc, 0, acc, 0);
      if (digits[i] > 0) {
        addAffine(acc, 0, acc, 0, p, po);
      } else if (digits[i] < 0) {
        addAffine(acc, 0, acc, 0, negated, 0);
      }
    }
    toAffine(r, ro, acc, 0);
  }
}
