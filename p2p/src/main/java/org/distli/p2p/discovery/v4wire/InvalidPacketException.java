package org.distli.p2p.discovery.v4wire;

/** A datagram that is not a well-formed, correctly hashed and signed discovery v4 packet. */
public final class InvalidPacketException extends RuntimeException {
  /** Why a datagram was refused, for counters and logs. */
  public enum Reason {
    TOO_SMALL,
    TOO_LARGE,
    BAD_HASH,
    BAD_SIGNATURE,
    UNKNOWN_TYPE,
    MALFORMED
  }

  private final Reason reason;

  public InvalidPacketException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidPacketException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
