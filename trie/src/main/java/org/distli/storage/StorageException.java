package org.distli.storage;

/** The underlying store failed (I/O error, corruption, closed store). */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
