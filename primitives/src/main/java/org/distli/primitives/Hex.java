package org.distli.primitives;

import org.apache.tuweni.bytes.Bytes;

/** Hex conversions with the {@code 0x} conventions of Ethereum's JSON formats. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Lower-case hex with a {@code 0x} prefix; {@code "0x"} for no bytes. */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  public static String encode(byte[] bytes, int offset, int length) {
    char[] out = new char[2 + 2 * length];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 + 2 * i] = DIGITS[b >>> 4];
      out[3 + 2 * i] = DIGITS[b & 0xf];
    }
    return new String(out);
  }

  public static String encode(Bytes bytes) {
    return encode(bytes.toArrayUnsafe());
  }

  /**
   * Decodes hex with or without {@code 0x}. An odd number of digits is refused: data in Ethereum's
   * formats is always whole bytes.
   *
   * @throws IllegalArgumentException naming the offending input
   */
  public static Bytes decode(String hex) {
    int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    int digits = hex.length() - start;
    if (digits % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + abbreviate(hex));
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(start + 2 * i), 16);
      int lo = Character.digit(hex.charAt(start + 2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("invalid hex: " + abbreviate(hex));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return Bytes.wrap(out);
  }

  /** Minimal hex quantity as JSON-RPC prints numbers: {@code 0x0}, {@code 0x1a}. */
  public static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? '"' + s + '"' : '"' + s.substring(0, 77) + "...\"";
  }
}
