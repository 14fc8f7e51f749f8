package org.distli.trie;

import java.util.Arrays;

/**
 * Keys as sequences of 4-bit nibbles, one per byte, and the hex-prefix encoding (Yellow Paper,
 * appendix C) that packs a nibble path with its leaf/extension flag into bytes.
 */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  static byte[] fromBytes(byte[] bytes) {
    byte[] nibbles = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      nibbles[2 * i] = (byte) ((bytes[i] >> 4) & 0xf);
      nibbles[2 * i + 1] = (byte) (bytes[i] & 0xf);
    }
    return nibbles;
  }

  /** Packs an even number of nibbles back into bytes. */
  static byte[] toBytes(byte[] nibbles, int length) {
    if ((length & 1) != 0) {
      throw new IllegalArgumentException("odd nibble count " + length + " is not a byte key");
    }
    byte[] bytes = new byte[length / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return bytes;
  }

  static int commonPrefix(byte[] a, byte[] b, int bOffset) {
    int max = Math.min(a.length, b.length - bOffset);
    int i = 0;
    while (i < max && a[i] == b[bOffset + i]) {
      i++;
    }
    return i;
  }

  static byte[] slice(byte[] nibbles, int from, int to) {
    return from == to ? EMPTY : Arrays.copyOfRange(nibbles, from, to);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] prepend(int nibble, byte[] rest) {
    byte[] out = new byte[rest.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  /** Hex-prefix length in bytes of a path of {@code length} nibbles. */
  static int hexPrefixLength(int length) {
    return length / 2 + 1;
  }

  /** Writes the hex-prefix encoding of {@code path} into {@code out} at {@code offset}. */
  static void writeHexPrefix(byte[] path, boolean leaf, byte[] out, int offset) {
    int flag = leaf ? 2 : 0;
    int i = 0;
    if ((path.length & 1) == 1) {
      out[offset] = (byte) (((flag | 1) << 4) | path[0]);
      i = 1;
    } else {
      out[offset] = (byte) (flag << 4);
    }
    int o = offset + 1;
    for (; i < path.length; i += 2) {
      out[o++] = (byte) ((path[i] << 4) | path[i + 1]);
    }
  }

  /** Decodes a hex-prefix encoded path; the leaf flag is bit 1 of the first nibble. */
  static byte[] readHexPrefix(byte[] in, int offset, int length) {
    if (length == 0) {
      throw new MalformedNodeException("empty hex-prefix path");
    }
    int first = (in[offset] >> 4) & 0xf;
    if (first > 3) {
      throw new MalformedNodeException("invalid hex-prefix flag " + first);
    }
    boolean odd = (first & 1) == 1;
    if (!odd && (in[offset] & 0xf) != 0) {
      throw new MalformedNodeException("non-zero padding nibble in even hex-prefix path");
    }
    int count = (length - 1) * 2 + (odd ? 1 : 0);
    byte[] path = new byte[count];
    int p = 0;
    if (odd) {
      path[p++] = (byte) (in[offset] & 0xf);
    }
    for (int i = 1; i < length; i++) {
      path[p++] = (byte) ((in[offset + i] >> 4) & 0xf);
      path[p++] = (byte) (in[offset + i] & 0xf);
    }
    return path;
  }

  static boolean isLeafFlag(byte first) {
    return ((first >> 4) & 2) != 0;
  }

  static String toHex(byte[] nibbles, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(nibbles[i], 16));
    }
    return out.toString();
  }
}
