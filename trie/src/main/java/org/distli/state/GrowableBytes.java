package org.distli.state;

import java.util.Arrays;
import org.distli.primitives.Hash;

/**
 * An append-only byte buffer for the bookkeeping a commit writes (stale-node lists, undo logs): a
 * ByteArrayOutputStream without its locking, with appends of hashes in place.
 */
final class GrowableBytes {
  private byte[] bytes;
  private int size;

  GrowableBytes(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  void write(int b) {
    if (size == bytes.length) {
      grow(1);
    }
    bytes[size++] = (byte) b;
  }

  void write(byte[] source, int offset, int length) {
    if (size + length > bytes.length) {
      grow(length);
    }
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void write(Hash hash) {
    if (size + Hash.SIZE > bytes.length) {
      grow(Hash.SIZE);
    }
    hash.copyTo(bytes, size);
    size += Hash.SIZE;
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void grow(int needed) {
    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
  }
}
