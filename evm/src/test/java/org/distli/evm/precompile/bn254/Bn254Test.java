package org.distli.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Bn254Test {
  private static final BigInteger P = Fp.MODULUS;
  private static final BigInteger R = G2.ORDER;

  // The generators EIP-197 names: G1 = (1, 2) and G2 with coordinates (imaginary, real).
  private static final BigInteger[] G2_GENERATOR = {
    new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
    new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
    new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531"),
    new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930")
  };

  private final Random random = new Random(5);

  // ---- an independent affine reference for G1, in BigInteger ----

  private record Point(BigInteger x, BigInteger y) {
    static final Point INFINITY = new Point(BigInteger.ZERO, BigInteger.ZERO);

    boolean isInfinity() {
      return x.signum() == 0 && y.signum() == 0;
    }
  }

  private static Point refAdd(Point a, Point b) {
    if (a.isInfinity()) {
      return b;
    }
    if (b.isInfinity()) {
      return a;
    }
    BigInteger lambda;
    if (a.x.equals(b.x)) {
      if (a.y.add(b.y).mod(P).signum() == 0) {
        return Point.INFINITY;
      }
      lambda =
          a.x
              .pow(2)
              .multiply(BigInteger.valueOf(3))
              .multiply(a.y.shiftLeft(1).modInverse(P))
              .mod(P);
    } else {
      lambda = b.y.subtract(a.y).multiply(b.x.subtract(a.x).modInverse(P)).mod(P);
    }
    BigInteger x = lambda.pow(2).subtract(a.x).subtract(b.x).mod(P);
    BigInteger y = lambda.multiply(a.x.subtract(x)).subtract(a.y).mod(P);
    return new Point(x, y);
  }

  private static Point refMul(Point a, BigInteger k) {
    Point acc = Point.INFINITY;
    for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
      acc = refAdd(acc, acc);
      if (k.testBit(bit)) {
        acc = refAdd(acc, a);
      }
    }
    return acc;
  }

  private static byte[] word(BigInteger value) {
    byte[] out = new byte[32];
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 32 ? bytes.length - 32 : 0;
    System.arraycopy(bytes, skip, out, 32 - (bytes.length - skip), bytes.length - skip);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  private static byte[] encode(Point p) {
    return concat(word(p.x), word(p.y));
  }

  private static final Point G1_GENERATOR = new Point(BigInteger.ONE, BigInteger.TWO);

  // ---- G2 helpers through the implementation's own Jacobian arithmetic ----

  private static long[] g2Generator() {
    long[] q = new long[G2.AFFINE_SIZE];
    Fp.copy(q, 0, Fp.of(G2_GENERATOR[1]), 0);
    Fp.copy(q, 4, Fp.of(G2_GENERATOR[0]), 0);
    Fp.copy(q, 8, Fp.of(G2_GENERATOR[3]), 0);
    Fp.copy(q, 12, Fp.of(G2_GENERATOR[2]), 0);
    return q;
  }

  private static long[] g2Mul(long[] q, BigInteger k) {
    Fp2 fp2 = new Fp2();
    G2 g2 = new G2(fp2);
    long[] acc = new long[G2.JACOBIAN_SIZE];
    for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
      g2.dbl(acc, 0, acc, 0);
      if (k.testBit(bit)) {
        g2.addAffine(acc, 0, acc, 0, q, 0);
      }
    }
    long[] affine = new long[G2.AFFINE_SIZE];
    if (Fp2.isZero(acc, 16)) {
      return affine;
    }
    long[] zi = new long[8];
    long[] zi2 = new long[8];
    fp2.inv(zi, 0, acc, 16);
    fp2.sqr(zi2, 0, zi, 0);
    fp2.mul(zi, 0, zi, 0, zi2, 0);
    fp2.mul(affine, 0, acc, 0, zi2, 0);
    fp2.mul(affine, 8, acc, 8, zi, 0);
    return affine;
  }

  private static byte[] encodeG2(long[] q) {
    byte[] out = new byte[128];
    Fp.write(q, 4, out, 0);
    Fp.write(q, 0, out, 32);
    Fp.write(q, 12, out, 64);
    Fp.write(q, 8, out, 96);
    return out;
  }

  private BigInteger randomScalar() {
    return new BigInteger(256, random).mod(R);
  }

  // ---- EIP-196 ----

  @Test
  void additionMatchesTheAffineReference() {
    for (int i = 0; i < 30; i++) {
      Point a = refMul(G1_GENERATOR, randomScalar());
      Point b = i % 5 == 0 ? a : refMul(G1_GENERATOR, randomScalar());
      assertArrayEquals(encode(refAdd(a, b)), Bn254.add(concat(encode(a), encode(b))));
    }
  }

  @Test
  void additionHandlesInfinityAndOpposites() {
    Point g = G1_GENERATOR;
    Point minusG = new Point(g.x, P.subtract(g.y));
    assertArrayEquals(new byte[64], Bn254.add(concat(encode(g), encode(minusG))));
    assertArrayEquals(encode(g), Bn254.add(concat(encode(g), new byte[64])));
    assertArrayEquals(encode(g), Bn254.add(encode(g)), "short input is zero-padded");
    assertArrayEquals(new byte[64], Bn254.add(new byte[0]));
    assertArrayEquals(
        encode(refAdd(g, g)), Bn254.add(concat(encode(g), encode(g), new byte[] {7})));
  }

  @Test
  void additionRejectsPointsOffTheCurveOrOutOfRange() {
    Point offCurve = new Point(BigInteger.ONE, BigInteger.valueOf(3));
    assertNull(Bn254.add(concat(encode(offCurve), encode(G1_GENERATOR))));
    assertNull(Bn254.add(concat(encode(G1_GENERATOR), encode(offCurve))));
    // (p + 1, 2) is (1, 2) if reduced, but coordinates must be below p.
    Point unreduced = new Point(P.add(BigInteger.ONE), BigInteger.TWO);
    assertNull(Bn254.add(concat(encode(unreduced), new byte[64])));
  }

  @Test
  void scalarMultiplicationMatchesTheReferenceForAnyScalar() {
    for (int i = 0; i < 10; i++) {
      Point a = refMul(G1_GENERATOR, randomScalar());
      BigInteger k = new BigInteger(256, random); // not reduced mod r
      assertArrayEquals(encode(refMul(a, k.mod(R))), Bn254.mul(concat(encode(a), word(k))));
    }
    assertArrayEquals(new byte[64], Bn254.mul(concat(encode(G1_GENERATOR), word(R))));
    assertArrayEquals(new byte[64], Bn254.mul(concat(encode(G1_GENERATOR), word(BigInteger.ZERO))));
    assertArrayEquals(new byte[64], Bn254.mul(concat(new byte[64], word(BigInteger.TEN))));
    assertArrayEquals(
        encode(G1_GENERATOR), Bn254.mul(concat(encode(G1_GENERATOR), word(BigInteger.ONE))));
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertArrayEquals(
        encode(refMul(G1_GENERATOR, max.mod(R))),
        Bn254.mul(concat(encode(G1_GENERATOR), word(max))));
    assertNull(Bn254.mul(concat(encode(new Point(BigInteger.ONE, BigInteger.ONE)), word(R))));
  }

  // ---- EIP-197 ----

  @Test
  void emptyPairingCheckIsTrue() {
    assertEquals(1, Bn254.pairing(new byte[0])[31]);
  }

  @Test
  void pairingOfAPointWithItsNegationCancels() {
    byte[] q = encodeG2(g2Generator());
    Point minusG = new Point(BigInteger.ONE, P.subtract(BigInteger.TWO));
    byte[] out = Bn254.pairing(concat(encode(G1_GENERATOR), q, encode(minusG), q));
    assertArrayEquals(word(BigInteger.ONE), out);
    assertArrayEquals(word(BigInteger.ZERO), Bn254.pairing(concat(encode(G1_GENERATOR), q)));
  }

  @Test
  void pairingIsBilinear() {
    long[] q = g2Generator();
    for (int i = 0; i < 3; i++) {
      BigInteger a = randomScalar();
      BigInteger b = randomScalar();
      // e(aP, bQ) e(-(ab)P, Q) = 1
      Point aP = refMul(G1_GENERATOR, a);
      Point abP = refMul(G1_GENERATOR, a.multiply(b).mod(R));
      Point minusAbP = new Point(abP.x, P.subtract(abP.y));
      byte[] bQ = encodeG2(g2Mul(q, b));
      byte[] input = concat(encode(aP), bQ, encode(minusAbP), encodeG2(q));
      assertArrayEquals(word(BigInteger.ONE), Bn254.pairing(input));
      // and a wrong product is refused
      Point wrong = refAdd(minusAbP, G1_GENERATOR);
      byte[] bad = concat(encode(aP), bQ, encode(wrong), encodeG2(q));
      assertArrayEquals(word(BigInteger.ZERO), Bn254.pairing(bad));
    }
  }

  @Test
  void pairingValuesHaveOrderR() {
    Pairing pairing = new Pairing();
    long[] p = new long[8];
    Fp.copy(p, 0, Fp.of(BigInteger.ONE), 0);
    Fp.copy(p, 4, Fp.of(BigInteger.TWO), 0);
    long[] e = pairing.pair(p, g2Generator());
    assertFalse(Fp12.isOne(e, 0), "non-degenerate");
    assertTrue(Fp12.isOne(FieldTest.pow(new Fp12(), e, R), 0));
  }

  @Test
  void pairsWithInfinityContributeOne() {
    byte[] q = encodeG2(g2Generator());
    assertArrayEquals(word(BigInteger.ONE), Bn254.pairing(concat(new byte[64], q)));
    assertArrayEquals(
        word(BigInteger.ONE), Bn254.pairing(concat(encode(G1_GENERATOR), new byte[128])));
    assertArrayEquals(
        word(BigInteger.ZERO), Bn254.pairing(concat(new byte[64], q, encode(G1_GENERATOR), q)));
  }

  @Test
  void pairingRejectsBadLengthAndInvalidPoints() {
    byte[] q = encodeG2(g2Generator());
    byte[] good = concat(encode(G1_GENERATOR), q);
    assertNull(Bn254.pairing(Arrays.copyOf(good, 191)));
    assertNull(Bn254.pairing(Arrays.copyOf(good, 193)));
    byte[] offCurveG1 = concat(encode(new Point(BigInteger.ONE, BigInteger.ONE)), q);
    assertNull(Bn254.pairing(offCurveG1));
    byte[] offCurveG2 = good.clone();
    offCurveG2[191] ^= 1;
    assertNull(Bn254.pairing(offCurveG2));
    byte[] unreduced = good.clone();
    System.arraycopy(word(P.add(G2_GENERATOR[0])), 0, unreduced, 64, 32);
    assertNull(Bn254.pairing(unreduced));
  }

  @Test
  void pairingRejectsTwistPointsOutsideTheSubgroup() {
    long[] q = twistPointOfLargeCofactorOrder();
    Fp2 fp2 = new Fp2();
    assertTrue(new G2(fp2).isOnCurve(q, 0));
    assertFalse(new G2(fp2).isInSubgroup(q, 0));
    assertNull(Bn254.pairing(concat(encode(G1_GENERATOR), encodeG2(q))));
    assertNull(Bn254.pairing(concat(new byte[64], encodeG2(q))), "even paired with infinity");
  }

  @Test
  void subgroupCheckRejectsCofactorTorsionAndMixedPoints() {
    G2 g2 = new G2(new Fp2());
    for (int i = 0; i < 3; i++) {
      long[] random = twistPointOfLargeCofactorOrder();
      long[] torsion = g2Mul(random, R); // order divides the cofactor
      assertTrue(g2.isOnCurve(torsion, 0));
      assertFalse(G2.isInfinity(torsion, 0));
      assertFalse(g2.isInSubgroup(torsion, 0), "cofactor torsion");
      long[] member = g2Mul(g2Generator(), randomScalar());
      assertTrue(g2.isInSubgroup(member, 0), "multiple of the generator");
      long[] mixed = g2Add(member, torsion);
      assertFalse(g2.isInSubgroup(mixed, 0), "member plus torsion");
    }
  }

  private static long[] g2Add(long[] p, long[] q) {
    Fp2 fp2 = new Fp2();
    G2 g2 = new G2(fp2);
    long[] acc = new long[G2.JACOBIAN_SIZE];
    g2.addAffine(acc, 0, acc, 0, p, 0);
    g2.addAffine(acc, 0, acc, 0, q, 0);
    long[] zi = new long[8];
    long[] zi2 = new long[8];
    long[] affine = new long[G2.AFFINE_SIZE];
    fp2.inv(zi, 0, acc, 16);
    fp2.sqr(zi2, 0, zi, 0);
    fp2.mul(zi, 0, zi, 0, zi2, 0);
    fp2.mul(affine, 0, acc, 0, zi2, 0);
    fp2.mul(affine, 8, acc, 8, zi, 0);
    return affine;
  }

  /** A point on the twist found from a random x; the chance that it lies in G2 is about 1/p. */
  private long[] twistPointOfLargeCofactorOrder() {
    Fp2 fp2 = new Fp2();
    BigInteger quarter = P.subtract(BigInteger.valueOf(3)).shiftRight(2);
    BigInteger half = P.subtract(BigInteger.ONE).shiftRight(1);
    long[] minusOne = Fp2.of(P.subtract(BigInteger.ONE), BigInteger.ZERO);
    for (int attempt = 0; attempt < 100; attempt++) {
      long[] x = Fp2.of(new BigInteger(256, random), new BigInteger(256, random));
      long[] rhs = new long[8];
      fp2.sqr(rhs, 0, x, 0);
      fp2.mul(rhs, 0, rhs, 0, x, 0);
      Fp2.add(rhs, 0, rhs, 0, G2.TWIST_B, 0);
      // square root in Fp2 for p = 3 mod 4 (Adj and Rodriguez-Henriquez, algorithm 9)
      long[] a1 = new long[8];
      fp2.pow(a1, 0, rhs, 0, quarter);
      long[] alpha = new long[8];
      fp2.sqr(alpha, 0, a1, 0);
      fp2.mul(alpha, 0, alpha, 0, rhs, 0);
      long[] x0 = new long[8];
      fp2.mul(x0, 0, a1, 0, rhs, 0);
      long[] y = new long[8];
      if (Fp2.equal(alpha, 0, minusOne, 0)) {
        fp2.mul(y, 0, x0, 0, Fp2.of(BigInteger.ZERO, BigInteger.ONE), 0);
      } else {
        long[] b = new long[8];
        Fp2.setOne(b, 0);
        Fp2.add(b, 0, b, 0, alpha, 0);
        fp2.pow(b, 0, b, 0, half);
        fp2.mul(y, 0, b, 0, x0, 0);
      }
      long[] check = new long[8];
      fp2.sqr(check, 0, y, 0);
      if (Fp2.equal(check, 0, rhs, 0)) {
        long[] point = new long[16];
        Fp2.copy(point, 0, x, 0);
        Fp2.copy(point, 8, y, 0);
        return point;
      }
    }
    throw new AssertionError("no square found");
  }

  @Test
  void generatorPointsAreValid() {
    assertNotNull(Bn254.pairing(concat(encode(G1_GENERATOR), encodeG2(g2Generator()))));
    assertTrue(new G2(new Fp2()).isInSubgroup(g2Generator(), 0));
  }
}
