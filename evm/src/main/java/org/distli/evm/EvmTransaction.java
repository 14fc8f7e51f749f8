package org.distli.evm;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * A transaction as the EVM executes it: signature already checked and the sender recovered.
 *
 * @param type 0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844
 * @param sender the recovered sender
 * @param to the callee, or null for a contract creation
 * @param nonce the sender's nonce (an unsigned 64-bit value)
 * @param gasLimit the gas limit
 * @param gasPrice the gas price of types 0 and 1; for types 2 and 3 the same as maxFeePerGas
 * @param maxFeePerGas the fee cap: gasPrice for types 0 and 1
 * @param maxPriorityFeePerGas the tip cap: gasPrice for types 0 and 1
 * @param value the value sent
 * @param data call data or initcode
 * @param accessList the EIP-2930 access list (empty for legacy transactions)
 * @param blobVersionedHashes the EIP-4844 blob hashes (empty unless type 3)
 * @param maxFeePerBlobGas the EIP-4844 blob fee cap (zero unless type 3)
 */
public record EvmTransaction(
    int type,
    Address sender,
    Address to,
    long nonce,
    long gasLimit,
    Wei gasPrice,
    Wei maxFeePerGas,
    Wei maxPriorityFeePerGas,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList,
    List<Hash> blobVersionedHashes,
    Wei maxFeePerBlobGas) {

  public static final int LEGACY = 0;
  public static final int ACCESS_LIST = 1;
  public static final int DYNAMIC_FEE = 2;
  public static final int BLOB = 3;

  public EvmTransaction {
    Objects.requireNonNull(sender, "sender");
    gasPrice = gasPrice == null ? Wei.ZERO : gasPrice;
    maxFeePerGas = maxFeePerGas == null ? gasPrice : maxFeePerGas;
    maxPriorityFeePerGas = maxPriorityFeePerGas == null ? gasPrice : maxPriorityFeePerGas;
    value = value == null ? Wei.ZERO : value;
    data = data == null ? Bytes.EMPTY : data;
    accessList = accessList == null ? List.of() : List.copyOf(accessList);
    blobVersionedHashes =
        blobVersionedHashes == null ? List.of() : List.copyOf(blobVersionedHashes);
    maxFeePerBlobGas = maxFeePerBlobGas == null ? Wei.ZERO : maxFeePerBlobGas;
  }

  public boolean isCreate() {
    return to == null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder; without fee fields set, the transaction is legacy with gas price zero. */
  public static final class Builder {
    private int type = LEGACY;
    private Address sender;
    private Address to;
    private long nonce;
    private long gasLimit = 30_000_000;
    private Wei gasPrice;
    private Wei maxFeePerGas;
    private Wei maxPriorityFeePerGas;
    private Wei value;
    private Bytes data;
    private List<AccessListEntry> accessList;
    private List<Hash> blobVersionedHashes;
    private Wei maxFeePerBlobGas;

    public Builder type(int value) {
      type = value;
      return this;
    }

    public Builder sender(Address value) {
      sender = value;
      return this;
    }

    public Builder to(Address value) {
      to = value;
      return this;
    }

    public Builder nonce(long value) {
      nonce = value;
      return this;
    }

    public Builder gasLimit(long value) {
      gasLimit = value;
      return this;
    }

    public Builder gasPrice(Wei value) {
      gasPrice = value;
      return this;
    }

    /** Sets EIP-1559 fees; makes the transaction type 2 unless a type was set. */
    public Builder fees(Wei maxFee, Wei maxPriorityFee) {
      maxFeePerGas = maxFee;
      maxPriorityFeePerGas = maxPriorityFee;
      gasPrice = maxFee;
      if (type == LEGACY) {
        type = DYNAMIC_FEE;
      }
      return this;
    }

    public Builder value(Wei v) {
      value = v;
      return this;
    }

    public Builder data(Bytes v) {
      data = v;
      return this;
    }

    public Builder accessList(List<AccessListEntry> v) {
      accessList = v;
      return this;
    }

    public Builder blobs(List<Hash> versionedHashes, Wei maxFeePerBlob) {
      blobVersionedHashes = versionedHashes;
      maxFeePerBlobGas = maxFeePerBlob;
      type = BLOB;
      return this;
    }

    public EvmTransaction build() {
      return new EvmTransaction(
          type,
          sender,
          to,
          nonce,
          gasLimit,
          gasPrice,
          maxFeePerGas,
          maxPriorityFeePerGas,
          value,
          data,
          accessList,
          blobVersionedHashes,
          maxFeePerBlobGas);
    }
  }
}
