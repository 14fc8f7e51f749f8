package org.distli.rlp;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * A strict reader of canonical RLP, as consensus data requires: sizes in their shortest form,
 * single bytes below 0x80 unwrapped, integers without leading zero bytes and within their field's
 * width, lists with exactly the expected number of items, and nothing after the last item. Every
 * refusal names the field it concerns.
 *
 * <p>Reads one byte array without copying it until a value is extracted. Not thread-safe.
 */
public final class RlpReader {
  private final byte[] data;
  private int position;
  private int limit;
  private int[] enclosingLimits = new int[8];
  private int depth;

  // header of the item at `position`, filled by peekHeader
  private int headerPosition = -1;
  private int contentStart;
  private int contentLength;
  private boolean isList;

  private RlpReader(byte[] data, int offset, int length) {
    this.data = data;
    this.position = offset;
    this.limit = offset + length;
  }

  /** Reads {@code data} in place; the caller must not modify it while reading. */
  public static RlpReader of(byte[] data) {
    return new RlpReader(data, 0, data.length);
  }

  public static RlpReader of(byte[] data, int offset, int length) {
    return new RlpReader(data, offset, length);
  }

  public static RlpReader of(Bytes data) {
    return new RlpReader(data.toArrayUnsafe(), 0, data.size());
  }

  /** Whether the current list (or the input, at top level) has another item. */
  public boolean hasNext() {
    return position < limit;
  }

  public boolean nextIsList() {
    peekHeader();
    return isList;
  }

  /** The position of the next item in the underlying array. */
  public int position() {
    return position;
  }

  /** Enters the list at the current position; returns the length of its content in bytes. */
  public int enterList(String field) {
    peekHeader();
    if (!isList) {
      throw new RlpException("expected a list for " + field + ", got a string");
    }
    if (depth == enclosingLimits.length) {
      enclosingLimits = Arrays.copyOf(enclosingLimits, depth * 2);
    }
    enclosingLimits[depth++] = limit;
    limit = contentStart + contentLength;
    position = contentStart;
    headerPosition = -1;
    return contentLength;
  }

  /** Leaves the current list, which must have been read completely. */
  public void exitList(String field) {
    if (depth == 0) {
      throw new IllegalStateException("not inside a list");
    }
    if (position != limit) {
      throw new RlpException("too many elements in " + field);
    }
    limit = enclosingLimits[--depth];
    headerPosition = -1;
  }

  /** Requires the input to end here: nothing may follow the top-level item. */
  public void expectEnd(String what) {
    if (depth != 0) {
      throw new IllegalStateException("still inside a list");
    }
    if (position != limit) {
      throw new RlpException("trailing bytes after " + what);
    }
  }

  /** Requires another item in the current list. */
  private void requireNext(String field) {
    if (position >= limit) {
      throw new RlpException("too few elements: missing " + field);
    }
  }

  /** Skips the next item, string or list. */
  public void skip(String field) {
    requireNext(field);
    peekHeader();
    advance();
  }

  /** A copy of the next item's complete encoding (header included), and moves past it. */
  public byte[] readRaw(String field) {
    requireNext(field);
    peekHeader();
    int start = position;
    int end = contentStart + contentLength;
    advance();
    return Arrays.copyOfRange(data, start, end);
  }

  // ---- strings

  /** A copy of the next string item's content. */
  public byte[] readBytes(String field) {
    readStringHeader(field);
    byte[] out = Arrays.copyOfRange(data, contentStart, contentStart + contentLength);
    advance();
    return out;
  }

  public Bytes readValue(String field) {
    byte[] bytes = readBytes(field);
    return bytes.length == 0 ? Bytes.EMPTY : Bytes.wrap(bytes);
  }

  /** The next string, which must be exactly {@code size} bytes. */
  public byte[] readFixed(String field, int size) {
    readStringHeader(field);
    if (contentLength != size) {
      throw new RlpException(
          field
              + " must be "
              + size
              + " bytes, got "
              + contentLength
              + (contentLength > size ? " (too long)" : " (too short)"));
    }
    return readBytesAfterHeader();
  }

  public Hash readHash(String field) {
    return Hash.wrap(readFixed(field, Hash.SIZE));
  }

  public Address readAddress(String field) {
    return Address.of(readFixed(field, Address.SIZE));
  }

  /** An address, or {@code null} for the empty string (a contract creation's recipient). */
  public Address readOptionalAddress(String field) {
    readStringHeader(field);
    if (contentLength == 0) {
      advance();
      return null;
    }
    if (contentLength != Address.SIZE) {
      throw new RlpException(
          field
              + " must be 20 bytes, got "
              + contentLength
              + (contentLength > Address.SIZE ? " (too long)" : " (too short)"));
    }
    return Address.wrapCopy(readBytesAfterHeader(), 0);
  }

  // ---- integers

  /** An unsigned integer of at most 64 bits, returned in a long (read it unsigned when needed). */
  public long readLong(String field) {
    readIntegerHeader(field, 8);
    long value = 0;
    for (int i = 0; i < contentLength; i++) {
      value = (value << 8) | (data[contentStart + i] & 0xff);
    }
    advance();
    return value;
  }

  /** An unsigned integer of at most 64 bits that must also fit in a non-negative long. */
  public long readNonNegativeLong(String field) {
    long value = readLong(field);
    if (value < 0) {
      throw new RlpException(field + " exceeds 2^63-1");
    }
    return value;
  }

  /** An unsigned integer of at most 32 bits, as an int within [0, 2^31). */
  public int readInt(String field) {
    long value = readLong(field);
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new RlpException(field + " exceeds 2^31-1");
    }
    return (int) value;
  }

  public UInt256 readUInt256(String field) {
    readIntegerHeader(field, 32);
    UInt256 value =
        contentLength == 0
            ? UInt256.ZERO
            : UInt256.fromBytes(Bytes.wrap(data, contentStart, contentLength));
    advance();
    return value;
  }

  public Wei readWei(String field) {
    UInt256 value = readUInt256(field);
    return value.isZero() ? Wei.ZERO : Wei.of(value);
  }

  // ---- internals

  private void readIntegerHeader(String field, int maxBytes) {
    readStringHeader(field);
    if (contentLength > maxBytes) {
      throw new RlpException(field + " overflows " + (maxBytes * 8) + " bits");
    }
    if (contentLength > 0 && data[contentStart] == 0) {
      throw new RlpException("leading zero bytes in integer field " + field);
    }
  }

  private void readStringHeader(String field) {
    requireNext(field);
    peekHeader();
    if (isList) {
      throw new RlpException("expected a string for " + field + ", got a list");
    }
  }

  private byte[] readBytesAfterHeader() {
    byte[] out = Arrays.copyOfRange(data, contentStart, contentStart + contentLength);
    advance();
    return out;
  }

  private void advance() {
    position = contentStart + contentLength;
    headerPosition = -1;
  }

  private void peekHeader() {
    if (headerPosition == position) {
      return;
    }
    if (position >= limit) {
      throw new RlpException("unexpected end of input");
    }
    int prefix = data[position] & 0xff;
    if (prefix < 0x80) {
      isList = false;
      contentStart = position;
      contentLength = 1;
    } else if (prefix <= 0xb7) {
      isList = false;
      contentStart = position + 1;
      contentLength = prefix - 0x80;
      if (contentLength == 1) {
        checkInBounds();
        if ((data[contentStart] & 0xff) < 0x80) {
          throw new RlpException("non-canonical size information: single byte below 0x80 wrapped");
        }
      }
    } else if (prefix <= 0xbf) {
      isList = false;
      readLongSize(prefix - 0xb7);
    } else if (prefix <= 0xf7) {
      isList = true;
      contentStart = position + 1;
      contentLength = prefix - 0xc0;
    } else {
      isList = true;
      readLongSize(prefix - 0xf7);
    }
    checkInBounds();
    headerPosition = position;
  }

  private void readLongSize(int sizeBytes) {
    if (position + 1 + sizeBytes > limit) {
      throw new RlpException("unexpected end of input in size information");
    }
    if (data[position + 1] == 0) {
      throw new RlpException("non-canonical size information: leading zero bytes");
    }
    if (sizeBytes > 4) {
      throw new RlpException("value size exceeds available input length");
    }
    long size = 0;
    for (int i = 0; i < sizeBytes; i++) {
      size = (size << 8) | (data[position + 1 + i] & 0xff);
    }
    if (size < 56) {
      throw new RlpException("non-canonical size information: short size in long form");
    }
    if (size > Integer.MAX_VALUE) {
      throw new RlpException("value size exceeds available input length");
    }
    contentStart = position + 1 + sizeBytes;
    contentLength = (int) size;
  }

  private void checkInBounds() {
    if ((long) contentStart + contentLength > limit) {
      throw new RlpException("value size exceeds available input length");
    }
  }
}
