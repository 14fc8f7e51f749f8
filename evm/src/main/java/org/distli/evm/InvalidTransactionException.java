package org.distli.evm;

/**
 * The transaction cannot be included: the state was not touched. The message is go-ethereum's
 * ("nonce too low: address 0x..., tx: 1 state: 2"), which wallets and libraries match on.
 */
public final class InvalidTransactionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The kinds of invalid transaction, for callers that branch on them. */
  public enum Reason {
    NONCE_TOO_LOW,
    NONCE_TOO_HIGH,
    NONCE_MAX,
    SENDER_NOT_EOA,
    INSUFFICIENT_FUNDS,
    FEE_CAP_TOO_LOW,
    TIP_ABOVE_FEE_CAP,
    FEE_CAP_TOO_HIGH,
    TIP_TOO_HIGH,
    INTRINSIC_GAS_TOO_LOW,
    GAS_LIMIT_REACHED,
    MAX_INITCODE_SIZE_EXCEEDED,
    TYPE_NOT_SUPPORTED,
    BLOB_TX_CREATE,
    BLOB_TX_NO_BLOBS,
    BLOB_TX_TOO_MANY_BLOBS,
    BLOB_TX_INVALID_HASH_VERSION,
    BLOB_FEE_CAP_TOO_LOW,
    GAS_PRICE_OVERFLOW
  }
}
