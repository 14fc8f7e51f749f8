package org.distli.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/** The limb arithmetic agrees with BigInteger on edge cases and on many random operands. */
class WordArithmeticTest {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MAX = MOD.subtract(BigInteger.ONE);
  private static final BigInteger HALF = BigInteger.ONE.shiftLeft(255);

  private final long[] scratch = new long[U256.SCRATCH_SIZE];

  private static List<BigInteger> operands() {
    List<BigInteger> values = new ArrayList<>();
    for (long v : new long[] {0, 1, 2, 3, 7, 31, 32, 255, 256, 1L << 32, (1L << 32) - 1}) {
      values.add(BigInteger.valueOf(v));
    }
    for (int bits : new int[] {63, 64, 65, 127, 128, 129, 191, 192, 193, 255}) {
      values.add(BigInteger.ONE.shiftLeft(bits));
      values.add(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
      values.add(BigInteger.ONE.shiftLeft(bits).add(BigInteger.ONE));
    }
    values.add(MAX);
    values.add(MAX.subtract(BigInteger.ONE));
    values.add(HALF);
    Random random = new Random(42);
    for (int i = 0; i < 120; i++) {
      int bits = 1 + random.nextInt(256);
      BigInteger v = new BigInteger(bits, random);
      values.add(v);
      // values with long runs of ones stress the division's correction steps
      values.add(
          BigInteger.ONE
              .shiftLeft(bits)
              .subtract(BigInteger.ONE)
              .xor(BigInteger.valueOf(random.nextInt(1 << 16)))
              .and(MAX));
    }
    return values;
  }

  private static void put(long[] s, int i, BigInteger v) {
    BigInteger x = v.mod(MOD);
    for (int k = 0; k < 4; k++) {
      s[i + k] = x.shiftRight(64 * k).longValue();
    }
  }

  private static BigInteger get(long[] s, int i) {
    BigInteger v = BigInteger.ZERO;
    for (int k = 3; k >= 0; k--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(s[i + k])));
    }
    return v;
  }

  private static BigInteger signed(BigInteger v) {
    return v.testBit(255) ? v.subtract(MOD) : v;
  }

  private interface BinaryOp {
    void apply(long[] s, int sp);
  }

  /** Runs a binary stack operation: a on top, b below; compares the result with expected(a, b). */
  private void checkBinary(String name, BinaryOp op, BinaryOperator<BigInteger> expected) {
    List<BigInteger> values = operands();
    long[] s = new long[64];
    for (BigInteger a : values) {
      for (BigInteger b : values) {
        put(s, 4, b);
        put(s, 8, a);
        op.apply(s, 12);
        BigInteger want = expected.apply(a, b).mod(MOD);
        assertEquals(
            want, get(s, 4), () -> name + "(" + a.toString(16) + ", " + b.toString(16) + ")");
      }
    }
  }

  @Test
  void addSubMulMatchBigInteger() {
    checkBinary("add", (s, sp) -> U256.add(s, sp - 4, sp - 8, sp - 8), BigInteger::add);
    checkBinary("sub", (s, sp) -> U256.sub(s, sp - 4, sp - 8, sp - 8), BigInteger::subtract);
    checkBinary("mul", (s, sp) -> U256.mul(s, sp - 4, sp - 8, sp - 8), BigInteger::multiply);
  }

  @Test
  void divisionAndModuloMatchBigIntegerWithZeroForZeroDivisor() {
    checkBinary(
        "div",
        (s, sp) -> U256.divMod(s, sp - 4, sp - 8, sp - 8, -1, scratch),
        (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.divide(b));
    checkBinary(
        "mod",
        (s, sp) -> U256.divMod(s, sp - 4, sp - 8, -1, sp - 8, scratch),
        (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.mod(b));
  }

  @Test
  void signedDivisionTruncatesTowardZero() {
    checkBinary(
        "sdiv",
        (s, sp) -> ArithmeticOps.sdiv(s, sp, scratch),
        (a, b) -> b.signum() == 0 ? BigInteger.ZERO : signed(a).divide(signed(b)));
    checkBinary(
        "smod",
        (s, sp) -> ArithmeticOps.smod(s, sp, scratch),
        (a, b) -> {
          if (b.signum() == 0) {
            return BigInteger.ZERO;
          }
          BigInteger r = signed(a).abs().mod(signed(b).abs());
          return signed(a).signum() < 0 ? r.negate() : r;
        });
  }

  @Test
  void modularArithmeticUsesFullPrecision() {
    List<BigInteger> values = operands();
    Random random = new Random(7);
    long[] s = new long[64];
    for (int i = 0; i < 20_000; i++) {
      BigInteger a = values.get(random.nextInt(values.size()));
      BigInteger b = values.get(random.nextInt(values.size()));
      BigInteger n = values.get(random.nextInt(values.size()));
      put(s, 4, n);
      put(s, 8, b);
      put(s, 12, a);
      ArithmeticOps.addmod(s, 16, scratch);
      BigInteger want = n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n);
      assertEquals(want, get(s, 4), "addmod " + a + " " + b + " " + n);
      put(s, 4, n);
      put(s, 8, b);
      put(s, 12, a);
      ArithmeticOps.mulmod(s, 16, scratch);
      want = n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n);
      assertEquals(want, get(s, 4), "mulmod " + a + " " + b + " " + n);
    }
  }

  @Test
  void exponentiationWrapsAndChargesPerExponentByte() {
    List<BigInteger> values = operands();
    long[] s = new long[64];
    for (BigInteger base : values.subList(0, 60)) {
      for (BigInteger exponent : values.subList(0, 60)) {
        put(s, 4, exponent);
        put(s, 8, base);
        long gasLeft = ArithmeticOps.exp(s, 12, 10_000, 50);
        assertEquals(base.modPow(exponent, MOD), get(s, 4), base + "^" + exponent);
        assertEquals(10_000 - 50L * ((exponent.bitLength() + 7) / 8), gasLeft);
      }
    }
  }

  @Test
  void shiftsByteAndSignExtendMatchTheirDefinitions() {
    checkBinary(
        "shl",
        (s, sp) -> BitwiseOps.shl(s, sp),
        (shift, v) ->
            shift.compareTo(BigInteger.valueOf(256)) >= 0
                ? BigInteger.ZERO
                : v.shiftLeft(shift.intValue()));
    checkBinary(
        "shr",
        (s, sp) -> BitwiseOps.shr(s, sp),
        (shift, v) ->
            shift.compareTo(BigInteger.valueOf(256)) >= 0
                ? BigInteger.ZERO
                : v.shiftRight(shift.intValue()));
    checkBinary(
        "sar",
        (s, sp) -> BitwiseOps.sar(s, sp),
        (shift, v) -> {
          int n = shift.compareTo(BigInteger.valueOf(256)) >= 0 ? 256 : shift.intValue();
          return signed(v).shiftRight(n);
        });
    checkBinary(
        "byte",
        (s, sp) -> BitwiseOps.byteOp(s, sp),
        (i, v) ->
            i.compareTo(BigInteger.valueOf(32)) >= 0
                ? BigInteger.ZERO
                : v.shiftRight(8 * (31 - i.intValue())).and(BigInteger.valueOf(255)));
    checkBinary(
        "signextend",
        (s, sp) -> ArithmeticOps.signextend(s, sp),
        (b, x) -> {
          if (b.compareTo(BigInteger.valueOf(31)) >= 0) {
            return x;
          }
          int bits = 8 * (b.intValue() + 1);
          BigInteger low = x.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
          return low.testBit(bits - 1) ? low.subtract(BigInteger.ONE.shiftLeft(bits)) : low;
        });
  }

  @Test
  void comparisonsAreUnsignedOrSignedAsNamed() {
    checkBinary(
        "lt",
        (s, sp) -> BitwiseOps.lt(s, sp),
        (a, b) -> a.compareTo(b) < 0 ? BigInteger.ONE : BigInteger.ZERO);
    checkBinary(
        "gt",
        (s, sp) -> BitwiseOps.gt(s, sp),
        (a, b) -> a.compareTo(b) > 0 ? BigInteger.ONE : BigInteger.ZERO);
    checkBinary(
        "slt",
        (s, sp) -> BitwiseOps.slt(s, sp),
        (a, b) -> signed(a).compareTo(signed(b)) < 0 ? BigInteger.ONE : BigInteger.ZERO);
    checkBinary(
        "sgt",
        (s, sp) -> BitwiseOps.sgt(s, sp),
        (a, b) -> signed(a).compareTo(signed(b)) > 0 ? BigInteger.ONE : BigInteger.ZERO);
    checkBinary(
        "eq",
        (s, sp) -> BitwiseOps.eq(s, sp),
        (a, b) -> a.equals(b) ? BigInteger.ONE : BigInteger.ZERO);
  }
}
