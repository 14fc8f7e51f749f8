package org.distli.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered byte-key, byte-value store split into {@link Column}s, written through atomic {@link
 * WriteBatch}es. Keys sort as unsigned bytes. Reads see committed batches only, never part of one.
 * Safe for concurrent use. Arrays passed in or returned are never retained or shared by the store.
 */
public interface KeyValueStore extends AutoCloseable {

  /** The value of {@code key}, or null when absent. */
  byte[] get(Column column, byte[] key);

  /** The values of {@code keys} in order (null for the absent ones), in one round trip if able. */
  default List<byte[]> getAll(Column column, List<byte[]> keys) {
    List<byte[]> values = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      values.add(get(column, key));
    }
    return values;
  }

  /**
   * Visits the entries whose key starts with {@code prefix}, in key order, until the visitor
   * returns false. The visit sees one consistent state of the store.
   */
  void forEachWithPrefix(Column column, byte[] prefix, EntryVisitor visitor);

  /** A new empty batch; nothing is written until {@link WriteBatch#commit()}. */
  WriteBatch newBatch();

  /** Flushes and releases the store; any use afterwards fails. */
  @Override
  void close();

  @FunctionalInterface
  interface EntryVisitor {
    /** Returns false to stop. The arrays belong to the visitor. */
    boolean visit(byte[] key, byte[] value);
  }
}
