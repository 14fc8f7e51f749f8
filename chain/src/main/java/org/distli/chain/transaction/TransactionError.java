package org.distli.chain.transaction;

/**
 * Why a transaction is refused, worded exactly as go-ethereum words it: wallets and libraries match
 * on these messages. Shared by block validation, the transaction pool and JSON-RPC.
 */
public enum TransactionError {
  // state checks (go-ethereum core/error.go)
  NONCE_TOO_LOW("nonce too low"),
  NONCE_TOO_HIGH("nonce too high"),
  NONCE_MAX("nonce has max value"),
  GAS_LIMIT_REACHED("gas limit reached"),
  INSUFFICIENT_FUNDS_FOR_TRANSFER("insufficient funds for transfer"),
  MAX_INIT_CODE_SIZE_EXCEEDED("max initcode size exceeded"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  GAS_UINT_OVERFLOW("gas uint64 overflow"),
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  FLOOR_DATA_GAS("insufficient gas for floor data gas cost"),
  TX_TYPE_NOT_SUPPORTED("transaction type not supported"),
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  TIP_VERY_HIGH("max priority fee per gas higher than 2^256-1"),
  FEE_CAP_VERY_HIGH("max fee per gas higher than 2^256-1"),
  FEE_CAP_TOO_LOW("max fee per gas less than block base fee"),
  SENDER_NOT_EOA("sender not an eoa"),
  BLOB_FEE_CAP_TOO_LOW("max fee per blob gas less than block blob gas fee"),
  BLOB_TX_CREATE("blob transaction of type create"),
  MISSING_BLOB_HASHES("blob transaction missing blob hashes"),
  INVALID_BLOB_HASH_VERSION("blob hash has an invalid version"),
  TOO_MANY_BLOBS("blob transaction has too many blobs"),
  EMPTY_AUTHORIZATION_LIST("EIP-7702 transaction with empty auth list"),
  SET_CODE_TX_CREATE("EIP-7702 transaction cannot be used to create contract"),

  // signature (go-ethereum core/types)
  INVALID_SIGNATURE("invalid transaction v, r, s values"),
  INVALID_CHAIN_ID("invalid chain id for signer"),

  // transaction pool (go-ethereum core/txpool)
  INVALID_SENDER("invalid sender"),
  ALREADY_KNOWN("already known"),
  UNDERPRICED("transaction underpriced"),
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  TX_POOL_OVERFLOW("txpool is full"),
  ACCOUNT_LIMIT_EXCEEDED("account limit exceeded"),
  EXCEEDS_BLOCK_GAS_LIMIT("exceeds block gas limit"),
  NEGATIVE_VALUE("negative value"),
  OVERSIZED_DATA("oversized data"),
  FUTURE_REPLACE_PENDING("future transaction tries to replace pending");

  private final String message;

  TransactionError(String message) {
    this.message = message;
  }

  /** go-ethereum's message, the prefix of every error a client sees for this reason. */
  public String message() {
    return message;
  }
}
