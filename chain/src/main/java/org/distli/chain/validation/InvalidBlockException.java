package org.distli.chain.validation;

/**
 * A block refused on import, with go-ethereum's wording of the reason where it has one ("invalid
 * merkle root (remote: 0x.. local: 0x..)", "could not apply tx 0 [0x..]: nonce too low: ...").
 * Subclasses name refusals a peer-to-peer layer treats specially ({@link
 * org.distli.chain.forkchoice.FinalizedConflictException}).
 */
public class InvalidBlockException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidBlockException(String reason) {
    super(reason);
  }

  public InvalidBlockException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
