package org.distli.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.AccessListEntry;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.JsonWritable;

/**
 * A transaction as go-ethereum's RPCTransaction: the location fields are null while pending; the
 * fee fields depend on the type (gasPrice is the effective price once included); typed transactions
 * carry chainId, v and yParity, legacy ones chainId only with EIP-155.
 */
public final class TransactionJson implements JsonWritable {
  private final Transaction tx;
  private final BlockHeader header; // null while pending
  private final int index;
  private final Wei pendingBaseFee; // the base fee a pending transaction is priced at, or null

  private TransactionJson(Transaction tx, BlockHeader header, int index, Wei pendingBaseFee) {
    this.tx = tx;
    this.header = header;
    this.index = index;
    this.pendingBaseFee = pendingBaseFee;
  }

  /**
   * A transaction not yet in a block; {@code baseFee} (the next block's, or null) prices its
   * gasPrice as go-ethereum does.
   */
  public static TransactionJson pending(Transaction tx, Wei baseFee) {
    return new TransactionJson(tx, null, -1, baseFee);
  }

  public static TransactionJson included(Transaction tx, BlockHeader header, int index) {
    return new TransactionJson(tx, header, index, null);
  }

  @Override
  public void writeJson(JsonGenerator out) throws IOException {
    TransactionType type = tx.type();
    out.writeStartObject();
    if (header == null) {
      out.writeNullField("blockHash");
      out.writeNullField("blockNumber");
      out.writeNullField("blockTimestamp");
    } else {
      Fields.hash(out, "blockHash", header.hash());
      Fields.quantity(out, "blockNumber", header.number());
      Fields.quantity(out, "blockTimestamp", header.timestamp());
    }
    Fields.address(out, "from", tx.sender());
    Fields.quantity(out, "gas", tx.gasLimit());
    Fields.quantity(out, "gasPrice", gasPrice());
    if (type.hasDynamicFee()) {
      Fields.quantity(out, "maxFeePerGas", tx.maxFeePerGas());
      Fields.quantity(out, "maxPriorityFeePerGas", tx.maxPriorityFeePerGas());
    }
    if (type == TransactionType.BLOB) {
      Fields.quantity(out, "maxFeePerBlobGas", tx.maxFeePerBlobGas());
    }
    Fields.hash(out, "hash", tx.hash());
    Fields.data(out, "input", tx.data());
    Fields.quantity(out, "nonce", tx.nonce());
    Fields.address(out, "to", tx.to().orElse(null));
    if (header == null) {
      out.writeNullField("transactionIndex");
    } else {
      Fields.quantity(out, "transactionIndex", index);
    }
    Fields.quantity(out, "value", tx.value());
    Fields.quantity(out, "type", type.typeByte());
    if (type.isTyped()) {
      writeAccessList(out, tx);
    }
    if (tx.chainId().isPresent()) {
      Fields.quantity(out, "chainId", tx.chainId().get());
    }
    if (type == TransactionType.BLOB) {
      out.writeArrayFieldStart("blobVersionedHashes");
      for (Hash hash : tx.blobVersionedHashes()) {
        out.writeString(hash.toHexString());
      }
      out.writeEndArray();
    }
    Fields.quantity(out, "v", tx.v());
    Fields.quantity(out, "r", tx.r());
    Fields.quantity(out, "s", tx.s());
    if (type.isTyped()) {
      Fields.quantity(out, "yParity", tx.v());
    }
    out.writeEndObject();
  }

  /**
   * What the sender pays per gas: the gas price of older types; for EIP-1559 types the effective
   * price at the block's base fee (the next block's while pending), or the fee cap without one.
   */
  private Wei gasPrice() {
    if (!tx.type().hasDynamicFee()) {
      return tx.gasPrice();
    }
    Wei baseFee = header != null ? header.baseFee().orElse(null) : pendingBaseFee;
    return baseFee == null ? tx.maxFeePerGas() : tx.effectiveGasPrice(baseFee);
  }

  static void writeAccessList(JsonGenerator out, Transaction tx) throws IOException {
    out.writeFieldName("accessList");
    writeAccessList(out, tx.accessList());
  }

  /** An EIP-2930 access list as JSON: [{address, storageKeys}, ...]. */
  public static void writeAccessList(JsonGenerator out, java.util.List<AccessListEntry> list)
      throws IOException {
    out.writeStartArray();
    for (AccessListEntry entry : list) {
      out.writeStartObject();
      Fields.address(out, "address", entry.address());
      out.writeArrayFieldStart("storageKeys");
      for (Hash key : entry.storageKeys()) {
        out.writeString(key.toHexString());
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
