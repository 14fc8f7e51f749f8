package org.distli.p2p.discovery.enr;

/** A node record that is malformed, too large, or not signed by the key it names (EIP-778). */
public final class InvalidRecordException extends RuntimeException {
  public InvalidRecordException(String message) {
    super(message);
  }

  public InvalidRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
