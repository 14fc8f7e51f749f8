package org.distli.pos;

/** A block whose seals do not prove that the right proposer and a quorum of stake signed it. */
public final class InvalidSealException extends RuntimeException {
  public InvalidSealException(String message) {
    super(message);
  }
}
