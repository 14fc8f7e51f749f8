package org.distli.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldTest {
  private static final BigInteger P = Fp.MODULUS;
  private final Random random = new Random(11);

  private BigInteger randomElement() {
    return new BigInteger(260, random).mod(P);
  }

  private long[] randomFp12() {
    long[] a = new long[Fp12.SIZE];
    for (int i = 0; i < Fp12.SIZE; i += 4) {
      Fp.copy(a, i, Fp.of(randomElement()), 0);
    }
    return a;
  }

  @Test
  void baseFieldMatchesBigIntegerArithmetic() {
    BigInteger[] edge = {
      BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO)
    };
    for (int i = 0; i < 2000; i++) {
      BigInteger x = i < 16 ? edge[i % 4] : randomElement();
      BigInteger y = i < 16 ? edge[i / 4] : randomElement();
      long[] a = Fp.of(x);
      long[] b = Fp.of(y);
      long[] r = new long[4];
      Fp.mul(r, 0, a, 0, b, 0);
      assertEquals(x.multiply(y).mod(P), Fp.toBigInteger(r, 0));
      Fp.add(r, 0, a, 0, b, 0);
      assertEquals(x.add(y).mod(P), Fp.toBigInteger(r, 0));
      Fp.sub(r, 0, a, 0, b, 0);
      assertEquals(x.subtract(y).mod(P), Fp.toBigInteger(r, 0));
      Fp.neg(r, 0, a, 0);
      assertEquals(x.negate().mod(P), Fp.toBigInteger(r, 0));
    }
    long[] a = Fp.of(BigInteger.valueOf(12345));
    Fp.inv(a, 0, a, 0);
    assertEquals(BigInteger.valueOf(12345).modInverse(P), Fp.toBigInteger(a, 0));
  }

  @Test
  void readRefusesNumbersNotBelowTheModulus() {
    byte[] in = new byte[32];
    byte[] modulus = P.toByteArray();
    System.arraycopy(modulus, 0, in, 32 - modulus.length, modulus.length);
    long[] r = new long[4];
    assertFalse(Fp.read(in, 0, r, 0));
    in[31]--;
    assertTrue(Fp.read(in, 0, r, 0));
    assertEquals(P.subtract(BigInteger.ONE), Fp.toBigInteger(r, 0));
  }

  @Test
  void quadraticExtensionMatchesComplexArithmetic() {
    Fp2 fp2 = new Fp2();
    for (int i = 0; i < 200; i++) {
      BigInteger a0 = randomElement(),
          a1 = randomElement(),
          b0 = randomElement(),
          b1 = randomElement();
      long[] a = Fp2.of(a0, a1);
      long[] b = Fp2.of(b0, b1);
      long[] r = new long[8];
      fp2.mul(r, 0, a, 0, b, 0);
      assertEquals(a0.multiply(b0).subtract(a1.multiply(b1)).mod(P), Fp.toBigInteger(r, 0));
      assertEquals(a0.multiply(b1).add(a1.multiply(b0)).mod(P), Fp.toBigInteger(r, 4));
      long[] s = new long[8];
      fp2.sqr(s, 0, a, 0);
      fp2.mul(r, 0, a, 0, a, 0);
      assertTrue(Fp2.equal(r, 0, s, 0));
      fp2.mulByXi(r, 0, a, 0);
      fp2.mul(s, 0, a, 0, Fp2.of(BigInteger.valueOf(9), BigInteger.ONE), 0);
      assertTrue(Fp2.equal(r, 0, s, 0));
      fp2.inv(r, 0, a, 0);
      fp2.mul(r, 0, r, 0, a, 0);
      assertTrue(Fp2.isOne(r, 0));
    }
  }

  @Test
  void sexticAndTwelfthExtensionsInvertAndSquareConsistently() {
    Fp12 fp12 = new Fp12();
    for (int i = 0; i < 20; i++) {
      long[] a = randomFp12();
      long[] b = randomFp12();
      long[] r = new long[Fp12.SIZE];
      long[] s = new long[Fp12.SIZE];
      fp12.sqr(r, 0, a, 0);
      fp12.mul(s, 0, a, 0, a, 0);
      assertTrue(Fp12.equal(r, 0, s, 0), "square");
      fp12.inv(r, 0, a, 0);
      fp12.mul(r, 0, r, 0, a, 0);
      assertTrue(Fp12.isOne(r, 0), "inverse");
      // (a b)(b^-1) = a exercises multiplication against inversion with distinct operands.
      fp12.mul(r, 0, a, 0, b, 0);
      fp12.inv(s, 0, b, 0);
      fp12.mul(r, 0, r, 0, s, 0);
      assertTrue(Fp12.equal(r, 0, a, 0), "associativity");
      long[] fp6Inverse = new long[Fp6.SIZE];
      fp12.fp6.inv(fp6Inverse, 0, a, 0);
      fp12.fp6.mul(fp6Inverse, 0, fp6Inverse, 0, a, 0);
      assertTrue(Fp6.isOne(fp6Inverse, 0));
    }
  }

  @Test
  void sparseLineMultiplicationEqualsFullMultiplication() {
    Fp12 fp12 = new Fp12();
    for (int i = 0; i < 20; i++) {
      long[] f = randomFp12();
      long[] line = new long[24];
      long[] full = new long[Fp12.SIZE];
      for (int k = 0; k < 24; k += 4) {
        Fp.copy(line, k, Fp.of(randomElement()), 0);
      }
      // a at w^0 (c0.c0), b at w^1 (c1.c0), c at w^3 (c1.c1)
      Fp2.copy(full, 0, line, 0);
      Fp2.copy(full, 24, line, 8);
      Fp2.copy(full, 32, line, 16);
      long[] expected = new long[Fp12.SIZE];
      long[] actual = new long[Fp12.SIZE];
      fp12.mul(expected, 0, f, 0, full, 0);
      fp12.mulByLine(actual, 0, f, 0, line, 0);
      assertTrue(Fp12.equal(expected, 0, actual, 0));
    }
  }

  @Test
  void frobeniusIsThePthPower() {
    Fp12 fp12 = new Fp12();
    long[] a = randomFp12();
    long[] expected = a.clone();
    for (int k = 1; k <= 3; k++) {
      expected = pow(fp12, expected, P);
      long[] actual = new long[Fp12.SIZE];
      fp12.frobenius(actual, 0, a, 0, k);
      assertTrue(Fp12.equal(expected, 0, actual, 0), "p^" + k);
    }
  }

  static long[] pow(Fp12 fp12, long[] a, BigInteger exponent) {
    long[] acc = new long[Fp12.SIZE];
    Fp12.setOne(acc, 0);
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      fp12.sqr(acc, 0, acc, 0);
      if (exponent.testBit(bit)) {
        fp12.mul(acc, 0, acc, 0, a, 0);
      }
    }
    return acc;
  }

  @Test
  void cyclotomicSquaringAgreesWithSquaringOnNormOneElements() {
    Fp12 fp12 = new Fp12();
    for (int i = 0; i < 5; i++) {
      long[] f = randomFp12();
      // f^((p^6 - 1)(p^2 + 1)) lies in the cyclotomic subgroup.
      long[] g = new long[Fp12.SIZE];
      long[] inverse = new long[Fp12.SIZE];
      fp12.inv(inverse, 0, f, 0);
      Fp12.conj(g, 0, f, 0);
      fp12.mul(g, 0, g, 0, inverse, 0);
      long[] frobenius = new long[Fp12.SIZE];
      fp12.frobenius(frobenius, 0, g, 0, 2);
      fp12.mul(g, 0, g, 0, frobenius, 0);
      long[] expected = new long[Fp12.SIZE];
      fp12.sqr(expected, 0, g, 0);
      long[] actual = g.clone();
      fp12.cyclotomicSqr(actual, 0, actual, 0);
      assertTrue(Fp12.equal(expected, 0, actual, 0));
    }
  }

  @Test
  void nonAdjacentFormRepresentsTheNumber() {
    for (BigInteger k :
        new BigInteger[] {
          BigInteger.ONE,
          BigInteger.valueOf(7),
          BigInteger.valueOf(Pairing.X),
          new BigInteger(200, random)
        }) {
      byte[] digits = Naf.of(k);
      BigInteger value = BigInteger.ZERO;
      for (int i = digits.length - 1; i >= 0; i--) {
        value = value.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
        if (i > 0) {
          assertTrue(digits[i] == 0 || digits[i - 1] == 0, "adjacent non-zero digits");
        }
      }
      assertEquals(k, value);
      assertEquals(1, digits[digits.length - 1]);
    }
  }

  @Test
  void finalExponentiationRaisesToTheFullExponent() {
    Fp12 fp12 = new Fp12();
    Pairing pairing = new Pairing();
    long[] f = randomFp12();
    BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(G2.ORDER);
    long[] expected = pow(fp12, f, exponent);
    long[] actual = new long[Fp12.SIZE];
    pairing.finalExponentiation(actual, f);
    assertTrue(Fp12.equal(expected, 0, actual, 0));
  }
}
