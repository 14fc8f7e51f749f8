package org.distli.primitives;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;

/** An amount of the native coin in wei: an unsigned 256-bit integer. Immutable. */
public final class Wei implements Comparable<Wei> {
  public static final Wei ZERO = new Wei(UInt256.ZERO);
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private final UInt256 value;

  private Wei(UInt256 value) {
    this.value = value;
  }

  public static Wei of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("wei amount cannot be negative: " + value);
    }
    return value == 0 ? ZERO : new Wei(UInt256.valueOf(value));
  }

  public static Wei of(UInt256 value) {
    return new Wei(value);
  }

  /**
   * @throws IllegalArgumentException if negative or wider than 256 bits
   */
  public static Wei of(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("wei amount out of range: " + value);
    }
    return new Wei(UInt256.valueOf(value));
  }

  public static Wei ofEther(long ether) {
    return of(BigInteger.valueOf(ether).multiply(ETHER));
  }

  /** Parses a decimal string or a {@code 0x} hex quantity. */
  public static Wei parse(String text) {
    String s = text.trim();
    BigInteger parsed =
        s.startsWith("0x") || s.startsWith("0X")
            ? new BigInteger(s.length() == 2 ? "0" : s.substring(2), 16)
            : new BigInteger(s);
    return of(parsed);
  }

  public UInt256 toUInt256() {
    return value;
  }

  public BigInteger toBigInteger() {
    return value.toBigInteger();
  }

  public boolean isZero() {
    return value.isZero();
  }

  /** Fits in a signed long: what most fee arithmetic needs. */
  public boolean fitsLong() {
    return value.fitsLong();
  }

  public long toLong() {
    return value.toLong();
  }

  /**
   * @throws ArithmeticException on overflow past 2^256 - 1
   */
  public Wei add(Wei other) {
    UInt256 sum = value.add(other.value);
    if (sum.compareTo(value) < 0) {
      throw new ArithmeticException("wei overflow");
    }
    return new Wei(sum);
  }

  /**
   * @throws ArithmeticException when the result would be negative
   */
  public Wei subtract(Wei other) {
    if (value.compareTo(other.value) < 0) {
      throw new ArithmeticException("wei underflow");
    }
    return new Wei(value.subtract(other.value));
  }

  /** Minimal hex quantity, as JSON-RPC prints amounts. */
  public String toHexQuantity() {
    return value.isZero() ? "0x0" : value.toShortHexString();
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Wei that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.toBigInteger().toString();
  }
}
