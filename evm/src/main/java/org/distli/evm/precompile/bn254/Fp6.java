package org.distli.evm.precompile.bn254;

/**
 * Arithmetic in Fp6 = Fp2[v] / (v^3 - xi), xi = 9 + u. An element is c0 + c1 v + c2 v^2: three Fp2
 * elements (24 limbs). Instances own scratch space; results may overwrite inputs.
 */
final class Fp6 {
  static final int SIZE = 3 * Fp2.SIZE;
  private static final int C1 = Fp2.SIZE;
  private static final int C2 = 2 * Fp2.SIZE;

  final Fp2 fp2 = new Fp2();
  private final long[] t = new long[10 * Fp2.SIZE];

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, SIZE);
  }

  static void setZero(long[] r, int ro) {
    java.util.Arrays.fill(r, ro, ro + SIZE, 0L);
  }

  static void setOne(long[] r, int ro) {
    setZero(r, ro);
    Fp2.setOne(r, ro);
  }

  static boolean isZero(long[] a, int ao) {
    return Fp2.isZero(a, ao) && Fp2.isZero(a, ao + C1) && Fp2.isZero(a, ao + C2);
  }

  static boolean isOne(long[] a, int ao) {
    return Fp2.isOne(a, ao) && Fp2.isZero(a, ao + C1) && Fp2.isZero(a, ao + C2);
  }

  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp2.add(r, ro, a, ao, b, bo);
    Fp2.add(r, ro + C1, a, ao + C1, b, bo + C1);
    Fp2.add(r, ro + C2, a, ao + C2, b, bo + C2);
  }

  static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp2.sub(r, ro, a, ao, b, bo);
    Fp2.sub(r, ro + C1, a, ao + C1, b, bo + C1);
    Fp2.sub(r, ro + C2, a, ao + C2, b, bo + C2);
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    Fp2.neg(r, ro, a, ao);
    Fp2.neg(r, ro + C1, a, ao + C1);
    Fp2.neg(r, ro + C2, a, ao + C2);
  }

  static void dbl(long[] r, int ro, long[] a, int ao) {
    Fp2.dbl(r, ro, a, ao);
    Fp2.dbl(r, ro + C1, a, ao + C1);
    Fp2.dbl(r, ro + C2, a, ao + C2);
  }

  /** Karatsuba-style: six Fp2 multiplications. */
  void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    final int v0 = 0, v1 = 8, v2 = 16, s = 24, u = 32, c0 = 40, c1 = 48, c2 = 56;
    fp2.mul(t, v0, a, ao, b, bo);
    fp2.mul(t, v1, a, ao + C1, b, bo + C1);
    fp2.mul(t, v2, a, ao + C2, b, bo + C2);
    // c0 = v0 + xi ((a1 + a2)(b1 + b2) - v1 - v2)
    Fp2.add(t, s, a, ao + C1, a, ao + C2);
    Fp2.add(t, u, b, bo + C1, b, bo + C2);
    fp2.mul(t, c0, t, s, t, u);
    Fp2.sub(t, c0, t, c0, t, v1);
    Fp2.sub(t, c0, t, c0, t, v2);
    fp2.mulByXi(t, c0, t, c0);
    Fp2.add(t, c0, t, c0, t, v0);
    // c1 = (a0 + a1)(b0 + b1) - v0 - v1 + xi v2
    Fp2.add(t, s, a, ao, a, ao + C1);
    Fp2.add(t, u, b, bo, b, bo + C1);
    fp2.mul(t, c1, t, s, t, u);
    Fp2.sub(t, c1, t, c1, t, v0);
    Fp2.sub(t, c1, t, c1, t, v1);
    fp2.mulByXi(t, s, t, v2);
    Fp2.add(t, c1, t, c1, t, s);
    // c2 = (a0 + a2)(b0 + b2) - v0 - v2 + v1
    Fp2.add(t, s, a, ao, a, ao + C2);
    Fp2.add(t, u, b, bo, b, bo + C2);
    fp2.mul(t, c2, t, s, t, u);
    Fp2.sub(t, c2, t, c2, t, v0);
    Fp2.sub(t, c2, t, c2, t, v2);
    Fp2.add(t, c2, t, c2, t, v1);
    System.arraycopy(t, c0, r, ro, SIZE);
  }

  void sqr(long[] r, int ro, long[] a, int ao) {
    mul(r, ro, a, ao, a, ao);
  }

  /** Multiplication by v: (c0 + c1 v + c2 v^2) v = xi c2 + c0 v + c1 v^2. */
  void mulByV(long[] r, int ro, long[] a, int ao) {
    fp2.mulByXi(t, 0, a, ao + C2);
    Fp2.copy(r, ro + C2, a, ao + C1);
    Fp2.copy(r, ro + C1, a, ao);
    Fp2.copy(r, ro, t, 0);
  }

  /** Multiplication by an element of Fp2. */
  void mulByFp2(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    fp2.mul(r, ro, a, ao, b, bo);
    fp2.mul(r, ro + C1, a, ao + C1, b, bo);
    fp2.mul(r, ro + C2, a, ao + C2, b, bo);
  }

  /**
   * Multiplication by the sparse element b0 + b1 v (no v^2 term), the shape of a line function's
   * w-part: five Fp2 multiplications.
   */
  void mulBySparse01(long[] r, int ro, long[] a, int ao, long[] b, int bo0, int bo1) {
    final int v0 = 0, v1 = 8, s = 16, u = 24, c0 = 32, c1 = 40, c2 = 48;
    fp2.mul(t, v0, a, ao, b, bo0);
    fp2.mul(t, v1, a, ao + C1, b, bo1);
    // c0 = v0 + xi a2 b1
    fp2.mul(t, c0, a, ao + C2, b, bo1);
    fp2.mulByXi(t, c0, t, c0);
    Fp2.add(t, c0, t, c0, t, v0);
    // c1 = (a0 + a1)(b0 + b1) - v0 - v1
    Fp2.add(t, s, a, ao, a, ao + C1);
    Fp2.add(t, u, b, bo0, b, bo1);
    fp2.mul(t, c1, t, s, t, u);
    Fp2.sub(t, c1, t, c1, t, v0);
    Fp2.sub(t, c1, t, c1, t, v1);
    // c2 = a2 b0 + v1
    fp2.mul(t, c2, a, ao + C2, b, bo0);
    Fp2.add(t, c2, t, c2, t, v1);
    System.arraycopy(t, c0, r, ro, SIZE);
  }

  void inv(long[] r, int ro, long[] a, int ao) {
    final int x = 0, y = 8, z = 16, f = 24, w = 32;
    // x = a0^2 - xi a1 a2, y = xi a2^2 - a0 a1, z = a1^2 - a0 a2
    fp2.sqr(t, x, a, ao);
    fp2.mul(t, w, a, ao + C1, a, ao + C2);
    fp2.mulByXi(t, w, t, w);
    Fp2.sub(t, x, t, x, t, w);
    fp2.sqr(t, y, a, ao + C2);
    fp2.mulByXi(t, y, t, y);
    fp2.mul(t, w, a, ao, a, ao + C1);
    Fp2.sub(t, y, t, y, t, w);
    fp2.sqr(t, z, a, ao + C1);
    fp2.mul(t, w, a, ao, a, ao + C2);
    Fp2.sub(t, z, t, z, t, w);
    // f = a0 x + xi (a2 y + a1 z)
    fp2.mul(t, f, a, ao + C2, t, y);
    fp2.mul(t, w, a, ao + C1, t, z);
    Fp2.add(t, f, t, f, t, w);
    fp2.mulByXi(t, f, t, f);
    fp2.mul(t, w, a, ao, t, x);
    Fp2.add(t, f, t, f, t, w);
    fp2.inv(t, f, t, f);
    fp2.mul(r, ro, t, x, t, f);
    fp2.mul(r, ro + C1, t, y, t, f);
    fp2.mul(r, ro + C2, t, z, t, f);
  }
}
