package org.distli.rlp;

/** Input that is not canonical RLP, or not the RLP shape a type expects. */
public final class RlpException extends RuntimeException {
  public RlpException(String message) {
    super(message.startsWith("rlp: ") ? message : "rlp: " + message);
  }

  public RlpException(String message, Throwable cause) {
    super(message.startsWith("rlp: ") ? message : "rlp: " + message, cause);
  }
}
