package org.distli.rlp;

/**
 * The allocation-free layer of the RLP codec: measuring and writing string and list headers into a
 * caller's byte array, and reading one item's bounds in place. {@link RlpWriter} and {@link
 * RlpReader} build on the same rules for whole structures with field-named errors; this layer is
 * for hot paths that encode into an exactly sized array (trie nodes, accounts, storage values) and
 * for decoders that walk an encoding without copying it.
 *
 * <p>Reading is as strict as {@link RlpReader}: non-minimal sizes, wrapped single bytes and items
 * that overrun their container are refused with an {@link RlpException}.
 */
public final class Rlp {
  private Rlp() {}

  // ---- measuring

  /** The size of a string or list header for {@code payloadLength} bytes of content. */
  public static int headerLength(int payloadLength) {
    if (payloadLength <= 55) {
      return 1;
    }
    return 1 + bytesOf(payloadLength);
  }

  /** Encoded length of {@code value} as an RLP string. */
  public static int stringLength(byte[] value) {
    return value.length == 1 ? stringLength(1, value[0] & 0xff) : stringLength(value.length, 0x80);
  }

  /**
   * Encoded length of a string of {@code length} bytes whose first byte is {@code firstByte}
   * (unsigned; it matters only for a single byte, which below 0x80 is its own encoding).
   */
  public static int stringLength(int length, int firstByte) {
    if (length == 1 && firstByte < 0x80) {
      return 1;
    }
    return headerLength(length) + length;
  }

  /** Encoded length of a list around {@code payloadLength} bytes of items. */
  public static int listLength(int payloadLength) {
    return headerLength(payloadLength) + payloadLength;
  }

  // ---- writing into an array sized by the measurements above

  /** Writes {@code value} as an RLP string at {@code offset}; returns the offset after it. */
  public static int writeString(byte[] value, byte[] out, int offset) {
    return writeString(value, 0, value.length, out, offset);
  }

  /** Writes {@code length} bytes of {@code value} from {@code from} as an RLP string. */
  public static int writeString(byte[] value, int from, int length, byte[] out, int offset) {
    if (length == 1 && (value[from] & 0xff) < 0x80) {
      out[offset] = value[from];
      return offset + 1;
    }
    offset = writeHeader(STRING, length, out, offset);
    System.arraycopy(value, from, out, offset, length);
    return offset + length;
  }

  /** Writes a list header for {@code payloadLength} bytes of items. */
  public static int writeListHeader(int payloadLength, byte[] out, int offset) {
    return writeHeader(LIST, payloadLength, out, offset);
  }

  /** The first byte of a short string's header ({@code 0x80 + length}). */
  public static final int STRING = 0x80;

  /** The first byte of a short list's header ({@code 0xc0 + length}). */
  public static final int LIST = 0xc0;

  /** Writes a header of kind {@link #STRING} or {@link #LIST}; returns the offset after it. */
  public static int writeHeader(int base, int length, byte[] out, int offset) {
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

  // ---- reading in place

  /**
   * Reads the header of the item at {@code offset}, which must end by {@code end}: returns its
   * payload offset and length packed as {@code (payloadOffset << 32) | payloadLength} (unpack with
   * {@link #payloadOffset} and {@link #payloadLength}; {@link #isList} tells the kind).
   *
   * @throws RlpException on a truncated item, a non-canonical header or an overrun
   */
  public static long item(byte[] in, int offset, int end) {
    if (offset >= end) {
      throw new RlpException("unexpected end of input");
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
        throw new RlpException("non-canonical size information: single byte below 0x80 wrapped");
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
      throw new RlpException("value size exceeds available input length");
    }
    return ((long) payloadOffset << 32) | length;
  }

  /** Whether the item starting at {@code offset} is a list. */
  public static boolean isList(byte[] in, int offset) {
    return (in[offset] & 0xff) >= LIST;
  }

  public static int payloadOffset(long item) {
    return (int) (item >>> 32);
  }

  public static int payloadLength(long item) {
    return (int) item;
  }

  /** The offset just after an item read by {@link #item}. */
  public static int end(long item) {
    return payloadOffset(item) + payloadLength(item);
  }

  private static int readLength(byte[] in, int offset, int n, int end) {
    if (n > 4 || offset + n > end) {
      throw new RlpException("value size exceeds available input length");
    }
    if (in[offset] == 0) {
      throw new RlpException("non-canonical size information: leading zero bytes");
    }
    int length = 0;
    for (int i = 0; i < n; i++) {
      length = (length << 8) | (in[offset + i] & 0xff);
    }
    if (length <= 55) {
      throw new RlpException("non-canonical size information: short size in long form");
    }
    return length;
  }

  private static int bytesOf(int value) {
    return value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x1000000 ? 3 : 4;
  }
}
