package org.distli.rlp;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * Writes canonical RLP into one growing buffer (headers as {@link Rlp} lays them out). A list's
 * content is written first and its header inserted when the list ends, so nested structures encode
 * in one pass without intermediate arrays. Not thread-safe.
 */
public final class RlpWriter {
  private byte[] buffer;
  private int size;
  private int[] listStarts = new int[8];
  private int depth;

  public RlpWriter() {
    this(128);
  }

  public RlpWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  public RlpWriter startList() {
    if (depth == listStarts.length) {
      listStarts = Arrays.copyOf(listStarts, depth * 2);
    }
    listStarts[depth++] = size;
    return this;
  }

  public RlpWriter endList() {
    if (depth == 0) {
      throw new IllegalStateException("endList without startList");
    }
    int start = listStarts[--depth];
    int length = size - start;
    int headerSize = Rlp.headerLength(length);
    ensureCapacity(headerSize);
    System.arraycopy(buffer, start, buffer, start + headerSize, length);
    Rlp.writeListHeader(length, buffer, start);
    size += headerSize;
    return this;
  }

  public RlpWriter writeBytes(byte[] value) {
    return writeBytes(value, 0, value.length);
  }

  public RlpWriter writeBytes(byte[] value, int offset, int length) {
    if (length == 1 && (value[offset] & 0xff) < 0x80) {
      ensureCapacity(1);
      buffer[size++] = value[offset];
      return this;
    }
    writeStringHeader(length);
    System.arraycopy(value, offset, buffer, size, length);
    size += length;
    return this;
  }

  public RlpWriter writeBytes(Bytes value) {
    return writeBytes(value.toArrayUnsafe());
  }

  public RlpWriter writeAddress(Address address) {
    writeStringHeader(Address.SIZE);
    address.copyTo(buffer, size);
    size += Address.SIZE;
    return this;
  }

  /** The empty string for {@code null}: a contract creation's recipient. */
  public RlpWriter writeOptionalAddress(Address address) {
    return address == null ? writeEmptyString() : writeAddress(address);
  }

  public RlpWriter writeHash(Hash hash) {
    writeStringHeader(Hash.SIZE);
    hash.copyTo(buffer, size);
    size += Hash.SIZE;
    return this;
  }

  public RlpWriter writeEmptyString() {
    ensureCapacity(1);
    buffer[size++] = (byte) 0x80;
    return this;
  }

  public RlpWriter writeEmptyList() {
    ensureCapacity(1);
    buffer[size++] = (byte) 0xc0;
    return this;
  }

  /** An unsigned 64-bit integer in its minimal big-endian form. */
  public RlpWriter writeLong(long value) {
    if (value == 0) {
      return writeEmptyString();
    }
    if (value > 0 && value < 0x80) {
      ensureCapacity(1);
      buffer[size++] = (byte) value;
      return this;
    }
    int length = 8 - Long.numberOfLeadingZeros(value) / 8;
    ensureCapacity(1 + length);
    buffer[size++] = (byte) (0x80 + length);
    for (int i = length - 1; i >= 0; i--) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public RlpWriter writeUInt256(UInt256 value) {
    if (value.fitsLong()) {
      return writeLong(value.toLong());
    }
    byte[] bytes = value.toArrayUnsafe();
    int skip = 0;
    while (bytes[skip] == 0) {
      skip++;
    }
    return writeBytes(bytes, skip, bytes.length - skip);
  }

  public RlpWriter writeWei(Wei value) {
    return writeUInt256(value.toUInt256());
  }

  /** Appends an item that is already RLP-encoded. */
  public RlpWriter writeRaw(byte[] encodedItem) {
    ensureCapacity(encodedItem.length);
    System.arraycopy(encodedItem, 0, buffer, size, encodedItem.length);
    size += encodedItem.length;
    return this;
  }

  /** Appends a raw byte (the type byte of a typed envelope); not an RLP item. */
  public RlpWriter writeByteUnframed(int value) {
    ensureCapacity(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " list(s) not ended");
    }
    return Arrays.copyOf(buffer, size);
  }

  private void writeStringHeader(int length) {
    ensureCapacity(Rlp.headerLength(length) + length);
    size = Rlp.writeHeader(Rlp.STRING, length, buffer, size);
  }

  private void ensureCapacity(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
