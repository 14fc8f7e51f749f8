package org.distli.chain.transaction;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.spec.BlobSchedule;
import org.distli.chain.spec.ChainSpec;
import org.distli.evm.Fork;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * The validity rules of a transaction, in two parts: {@link #validateIntrinsic} needs only the
 * transaction and the chain's rules (what a block's transactions and the pool's arrivals are
 * checked against before execution), {@link #validateAgainstAccount} adds the sender's account and
 * the block's fees (the pre-checks of execution, also the pool's admission test).
 */
public final class TransactionValidator {
  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private TransactionValidator() {}

  /**
   * Checks what needs no state: the type is enabled, the chain id matches, the signature is valid
   * and low-s (EIP-2), the nonce is not 2^64-1 (EIP-2681), the fee fields are consistent, gas * fee
   * cap + value fits 256 bits, the gas limit covers the intrinsic gas (and the EIP-7623 floor),
   * init code fits (EIP-3860) and blob fields are sound (EIP-4844).
   *
   * @return the intrinsic gas, for the caller's bookkeeping
   * @throws InvalidTransactionException with go-ethereum's reason
   */
  public static long validateIntrinsic(Transaction tx, ChainSpec spec, Fork fork) {
    checkTypeEnabled(tx.type(), spec, fork);
    UInt256 chainId = tx.chainId().orElse(null);
    if (chainId != null && !chainId.equals(UInt256.valueOf(spec.chainId()))) {
      throw new InvalidTransactionException(
          TransactionError.INVALID_CHAIN_ID,
          "have " + chainId.toBigInteger() + " want " + spec.chainId());
    }
    tx.sender(); // throws for an invalid signature
    if (tx.nonce() == -1L) {
      throw new InvalidTransactionException(TransactionError.NONCE_MAX);
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      throw new InvalidTransactionException(
          TransactionError.TIP_ABOVE_FEE_CAP,
          "maxPriorityFeePerGas: "
              + tx.maxPriorityFeePerGas()
              + ", maxFeePerGas: "
              + tx.maxFeePerGas());
    }
    BigInteger gasCost =
        BigInteger.valueOf(tx.gasLimit())
            .and(UNSIGNED_LONG_MASK)
            .multiply(tx.maxFeePerGas().toBigInteger());
    if (gasCost.compareTo(MAX_UINT256) > 0) {
      throw new InvalidTransactionException(
          TransactionError.INSUFFICIENT_FUNDS, "required balance exceeds 256 bits");
    }
    if (tx.isContractCreation()
        && fork.isAtLeast(Fork.SHANGHAI)
        && tx.data().size() > IntrinsicGas.MAX_INIT_CODE_SIZE) {
      throw new InvalidTransactionException(
          TransactionError.MAX_INIT_CODE_SIZE_EXCEEDED,
          "code size " + tx.data().size() + " limit " + IntrinsicGas.MAX_INIT_CODE_SIZE);
    }
    long intrinsic = IntrinsicGas.of(tx, fork);
    if (Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      throw new InvalidTransactionException(
          TransactionError.INTRINSIC_GAS_TOO_LOW,
          "gas " + Long.toUnsignedString(tx.gasLimit()) + ", minimum needed " + intrinsic);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      long floor = IntrinsicGas.floorDataGas(tx);
      if (Long.compareUnsigned(tx.gasLimit(), floor) < 0) {
        throw new InvalidTransactionException(
            TransactionError.FLOOR_DATA_GAS,
            "gas " + Long.toUnsignedString(tx.gasLimit()) + ", minimum needed " + floor);
      }
    }
    if (tx.type() == TransactionType.BLOB) {
      checkBlobFields(tx, fork);
    }
    return intrinsic;
  }

  /**
   * Checks the transaction against its sender's account and the block it would go in: the nonce
   * matches, the sender has no code, the fee cap covers the base fee (and the blob fee cap the blob
   * base fee), and the balance covers gas * fee cap + value (+ blob gas * blob fee cap).
   *
   * @param accountNonce the sender's nonce in the state the transaction executes on
   * @param accountBalance the sender's balance there
   * @param senderHasCode whether the sender's account holds code (EIP-3607)
   * @param baseFee the block's base fee; null before London
   * @param blobBaseFee the block's blob base fee; null before Cancun
   */
  public static void validateAgainstAccount(
      Transaction tx,
      long accountNonce,
      Wei accountBalance,
      boolean senderHasCode,
      Wei baseFee,
      Wei blobBaseFee) {
    Address sender = tx.sender();
    if (Long.compareUnsigned(tx.nonce(), accountNonce) < 0) {
      throw new InvalidTransactionException(
          TransactionError.NONCE_TOO_LOW,
          "address "
              + sender
              + ", tx: "
              + Long.toUnsignedString(tx.nonce())
              + " state: "
              + Long.toUnsignedString(accountNonce));
    }
    if (Long.compareUnsigned(tx.nonce(), accountNonce) > 0) {
      throw new InvalidTransactionException(
          TransactionError.NONCE_TOO_HIGH,
          "address "
              + sender
              + ", tx: "
              + Long.toUnsignedString(tx.nonce())
              + " state: "
              + Long.toUnsignedString(accountNonce));
    }
    if (accountNonce == -1L) {
      throw new InvalidTransactionException(
          TransactionError.NONCE_MAX,
          "address " + sender + ", nonce: " + Long.toUnsignedString(accountNonce));
    }
    if (senderHasCode) {
      throw new InvalidTransactionException(TransactionError.SENDER_NOT_EOA, "address " + sender);
    }
    if (baseFee != null && tx.maxFeePerGas().compareTo(baseFee) < 0) {
      throw new InvalidTransactionException(
          TransactionError.FEE_CAP_TOO_LOW,
          "address " + sender + ", maxFeePerGas: " + tx.maxFeePerGas() + ", baseFee: " + baseFee);
    }
    if (tx.type() == TransactionType.BLOB
        && blobBaseFee != null
        && tx.maxFeePerBlobGas().compareTo(blobBaseFee) < 0) {
      throw new InvalidTransactionException(
          TransactionError.BLOB_FEE_CAP_TOO_LOW,
          "address "
              + sender
              + " blobGasFeeCap: "
              + tx.maxFeePerBlobGas()
              + ", blobBaseFee: "
              + blobBaseFee);
    }
    BigInteger required = maxCost(tx);
    if (accountBalance.toBigInteger().compareTo(required) < 0) {
      throw new InvalidTransactionException(
          TransactionError.INSUFFICIENT_FUNDS,
          "address " + sender + " have " + accountBalance + " want " + required);
    }
  }

  /** gas limit * fee cap + value (+ blob gas * blob fee cap): what the sender must hold upfront. */
  public static BigInteger maxCost(Transaction tx) {
    BigInteger cost =
        BigInteger.valueOf(tx.gasLimit())
            .and(UNSIGNED_LONG_MASK)
            .multiply(tx.maxFeePerGas().toBigInteger())
            .add(tx.value().toBigInteger());
    if (tx.type() == TransactionType.BLOB) {
      cost =
          cost.add(BigInteger.valueOf(tx.blobGas()).multiply(tx.maxFeePerBlobGas().toBigInteger()));
    }
    return cost;
  }

  private static final BigInteger UNSIGNED_LONG_MASK =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private static void checkTypeEnabled(TransactionType type, ChainSpec spec, Fork fork) {
    boolean enabled =
        switch (type) {
          case LEGACY -> true;
          case ACCESS_LIST -> fork.isAtLeast(Fork.BERLIN);
          case DYNAMIC_FEE -> fork.isAtLeast(Fork.LONDON);
          case BLOB -> spec.blobTransactions() && fork.isAtLeast(Fork.CANCUN);
          case SET_CODE -> false; // EIP-7702 arrives with Prague support
        };
    if (!enabled) {
      throw new InvalidTransactionException(
          TransactionError.TX_TYPE_NOT_SUPPORTED,
          type == TransactionType.BLOB && !spec.blobTransactions()
              ? "this chain carries no blobs"
              : "type " + type.typeByte() + " is not enabled at " + fork);
    }
  }

  private static void checkBlobFields(Transaction tx, Fork fork) {
    if (tx.blobVersionedHashes().isEmpty()) {
      throw new InvalidTransactionException(TransactionError.MISSING_BLOB_HASHES);
    }
    for (int i = 0; i < tx.blobVersionedHashes().size(); i++) {
      Hash hash = tx.blobVersionedHashes().get(i);
      if (!IntrinsicGas.isVersionedHash(hash)) {
        throw new InvalidTransactionException(
            TransactionError.INVALID_BLOB_HASH_VERSION, "blob " + i + ": " + hash);
      }
    }
    BlobSchedule schedule = ChainSpec.blobSchedule(fork).orElseThrow();
    if (tx.blobVersionedHashes().size() > schedule.max()) {
      throw new InvalidTransactionException(
          TransactionError.TOO_MANY_BLOBS,
          tx.blobVersionedHashes().size() + " blobs, at most " + schedule.max());
    }
  }
}
