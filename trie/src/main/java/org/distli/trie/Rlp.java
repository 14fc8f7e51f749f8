package org.distli.trie;

/**
 * The few RLP primitives trie nodes need, on plain byte arrays: measuring and writing string and
 * list headers, and reading one item's bounds. Kept here rather than going through a general RLP
 * library because node encoding and decoding sit on the hot path of every state root.
 */
final class Rlp {
  private Rlp() {}

  static int headerLength(int payloadLength) {
    if (payloadLength <= 55) {
      return 1;
    }
    return 1 + bytesOf(payloadLength);
  }

  private static int bytesOf(int value) {
    return value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x1000000 ? 3 : 4;
  }

  /** Encoded length of {@code value} as an RLP string. */
  static int stringLength(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      return 1;
    }
    return headerLength(value.length) + value.length;
  }

  static int writeString(byte[] value, byte[] out, int offset) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      out[offset] = value[0];
      return offset + 1;
    }
    offset = writeHeader(0x80, value.length, out, offset);
    System.arraycopy(value, 0, out, offset, value.length);
    return offset + value.length;
  }

  static int writeListHeader(int payloadLength, byte[] out, int offset) {
    return writeHeader(0xc0, payloadLength, out, offset);
  }

  static int writeHeader(int base, int length, byte[] out, int offset) {
    if (length <= 55) {
      out[offset] = (byte) (base + length);
      return offset + 1;
    }
    int n = bytesOf(length);
    out[offset++] = (byte) (base + 55 + n);
    for (int i = n - 1; i >= 0; i--) {
      out[offset++] = (byte) (length >>> (8 * i));
    }
    return offset;
  }

  /**
   * Reads the item at {@code offset}: returns its payload offset and length packed as {@code
   * (payloadOffset << 32) | payloadLength}, with the list flag in {@link #isList}. Throws on a
   * malformed or truncated item, or a non-canonical header.
   */
  static long item(byte[] in, int offset, int end) {
    if (offset >= end) {
      throw new MalformedNodeException("truncated RLP");
    }
    int b = in[offset] & 0xff;
    int payloadOffset;
    int length;
    if (b < 0x80) {
      payloadOffset = offset;
      length = 1;
    } else if (b <= 0xb7) {
      payloadOffset = offset + 1;
      length = b - 0x80;
      if (length == 1 && payloadOffset < end && (in[payloadOffset] & 0xff) < 0x80) {
        throw new MalformedNodeException("non-canonical RLP single byte");
      }
    } else if (b < 0xc0) {
      int n = b - 0xb7;
      length = readLength(in, offset + 1, n, end);
      payloadOffset = offset + 1 + n;
    } else if (b <= 0xf7) {
      payloadOffset = offset + 1;
      length = b - 0xc0;
    } else {
      int n = b - 0xf7;
      length = readLength(in, offset + 1, n, end);
      payloadOffset = offset + 1 + n;
    }
    if (length < 0 || payloadOffset + length > end || payloadOffset + length < payloadOffset) {
      throw new MalformedNodeException("RLP item overruns its container");
    }
    return ((long) payloadOffset << 32) | length;
  }

  static boolean isList(byte[] in, int offset) {
    return (in[offset] & 0xff) >= 0xc0;
  }

  static int payloadOffset(long item) {
    return (int) (item >>> 32);
  }

  static int payloadLength(long item) {
    return (int) item;
  }

  private static int readLength(byte[] in, int offset, int n, int end) {
    if (n > 4 || offset + n > end) {
      throw new MalformedNodeException("RLP length out of range");
    }
    if (in[offset] == 0) {
      throw new MalformedNodeException("RLP length with leading zero");
    }
    int length = 0;
    for (int i = 0; i < n; i++) {
      length = (length << 8) | (in[offset + i] & 0xff);
    }
    if (length <= 55) {
      throw new MalformedNodeException("RLP long form for a short length");
    }
    return length;
  }
}
