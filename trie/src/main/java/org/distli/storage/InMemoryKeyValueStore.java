package org.distli.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A {@link KeyValueStore} in memory, for tests and throw-away state. */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final Map<Column, ConcurrentSkipListMap<byte[], byte[]>> columns =
      new ConcurrentHashMap<>();
  // Batches apply under the write lock so that no reader sees half of one.
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private ConcurrentSkipListMap<byte[], byte[]> column(Column column) {
    if (closed) {
      throw new StorageException("store is closed");
    }
    return columns.computeIfAbsent(
        column, c -> new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    lock.readLock().lock();
    try {
      byte[] value = column(column).get(key);
      return value == null ? null : value.clone();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void forEachWithPrefix(Column column, byte[] prefix, EntryVisitor visitor) {
    List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (Map.Entry<byte[], byte[]> entry : column(column).tailMap(prefix, true).entrySet()) {
        byte[] key = entry.getKey();
        if (key.length < prefix.length
            || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
          break;
        }
        entries.add(entry);
      }
    } finally {
      lock.readLock().unlock();
    }
    for (Map.Entry<byte[], byte[]> entry : entries) {
      if (!visitor.visit(entry.getKey().clone(), entry.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public WriteBatch newBatch() {
    return new Batch();
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Entries of a column, for tests. */
  public int size(Column column) {
    return column(column).size();
  }

  private final class Batch extends WriteBatch {
    private final List<Object[]> operations = new ArrayList<>();

    @Override
    public void put(Column column, byte[] key, byte[] value) {
      checkOpen();
      operations.add(new Object[] {column, key.clone(), value.clone()});
    }

    @Override
    public void delete(Column column, byte[] key) {
      checkOpen();
      operations.add(new Object[] {column, key.clone(), null});
    }

    @Override
    public int size() {
      return operations.size();
    }

    @Override
    protected void write() {
      lock.writeLock().lock();
      try {
        for (Object[] op : operations) {
          ConcurrentSkipListMap<byte[], byte[]> column = column((Column) op[0]);
          if (op[2] == null) {
            column.remove((byte[]) op[1]);
          } else {
            column.put((byte[]) op[1], (byte[]) op[2]);
          }
        }
      } finally {
        lock.writeLock().unlock();
      }
    }

    @Override
    protected void release() {
      operations.clear();
    }
  }
}
