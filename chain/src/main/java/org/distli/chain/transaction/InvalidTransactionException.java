package org.distli.chain.transaction;

/**
 * A transaction refused for a {@link TransactionError}. The message is go-ethereum's, optionally
 * followed by ": " and details, as go-ethereum formats them ("nonce too low: address 0x.., tx: 1
 * state: 2").
 */
public final class InvalidTransactionException extends RuntimeException {
  private final TransactionError error;

  public InvalidTransactionException(TransactionError error) {
    super(error.message());
    this.error = error;
  }

  public InvalidTransactionException(TransactionError error, String detail) {
    super(detail == null || detail.isEmpty() ? error.message() : error.message() + ": " + detail);
    this.error = error;
  }

  public TransactionError error() {
    return error;
  }
}
