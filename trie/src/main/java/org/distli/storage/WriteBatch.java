package org.distli.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes to a {@link KeyValueStore} that become visible and durable together, or not at all: the
 * chain commits a block's data and its state in one batch. Used by one thread. Later writes to a
 * key in the same batch win.
 */
public abstract class WriteBatch implements AutoCloseable {
  private final List<Listener> listeners = new ArrayList<>();
  private boolean finished;

  /** Told around the write, so that in-memory views move exactly when the store does. */
  public interface Listener {
    /** Just before the batch is written. */
    default void beforeWrite() {}

    /**
     * After the write, or when the batch is closed without one: {@code written} tells whether the
     * batch is now in the store.
     */
    void afterWrite(boolean written);
  }

  public abstract void put(Column column, byte[] key, byte[] value);

  /**
   * Puts the value {@code valueHead ‖ valueTail}: spares callers that prefix a value with a small
   * header a copy of their own.
   */
  public void put(Column column, byte[] key, byte[] valueHead, byte[] valueTail) {
    byte[] value = java.util.Arrays.copyOf(valueHead, valueHead.length + valueTail.length);
    System.arraycopy(valueTail, 0, value, valueHead.length, valueTail.length);
    put(column, key, value);
  }

  public abstract void delete(Column column, byte[] key);

  /** How many puts and deletes the batch holds. */
  public abstract int size();

  public final void addListener(Listener listener) {
    checkOpen();
    listeners.add(listener);
  }

  /**
   * Writes the whole batch atomically. A batch commits once.
   *
   * @throws StorageException when the write fails; then nothing of it is in the store
   */
  public final void commit() {
    checkOpen();
    finished = true;
    boolean written = false;
    try {
      for (Listener listener : listeners) {
        listener.beforeWrite();
      }
      write();
      written = true;
    } finally {
      try {
        notifyAfterWrite(written);
      } finally {
        release();
      }
    }
  }

  /** Tells every listener, even when one of them throws; the first failure is rethrown. */
  private void notifyAfterWrite(boolean written) {
    RuntimeException failure = null;
    for (Listener listener : listeners) {
      try {
        listener.afterWrite(written);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Discards the batch if it was not committed. */
  @Override
  public final void close() {
    if (!finished) {
      finished = true;
      try {
        notifyAfterWrite(false);
      } finally {
        release();
      }
    }
  }

  protected final void checkOpen() {
    if (finished) {
      throw new IllegalStateException("write batch already committed or closed");
    }
  }

  /** Writes the batch to the store atomically. */
  protected abstract void write();

  /** Frees resources; called once after commit or close. */
  protected abstract void release();
}
