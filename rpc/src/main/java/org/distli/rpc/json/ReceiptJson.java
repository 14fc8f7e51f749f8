package org.distli.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.evm.interpreter.Evm;
import org.distli.primitives.Address;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.JsonWritable;

/**
 * A receipt as go-ethereum returns it: the consensus receipt plus what is derived from its
 * transaction and block (gas used by this transaction alone, effective gas price, the created
 * contract's address, logs with their positions, and for blob transactions the blob gas and its
 * price).
 *
 * @param gasUsed this transaction's gas: its cumulative gas minus the previous receipt's
 * @param firstLogIndex the block-wide index of this receipt's first log
 * @param blobGasPrice the block's blob base fee, written for blob transactions only (may be null)
 */
public record ReceiptJson(
    Receipt receipt,
    Transaction transaction,
    BlockHeader header,
    int index,
    long gasUsed,
    int firstLogIndex,
    Wei blobGasPrice)
    implements JsonWritable {

  @Override
  public void writeJson(JsonGenerator out) throws IOException {
    out.writeStartObject();
    if (transaction.type() == TransactionType.BLOB && blobGasPrice != null) {
      Fields.quantity(out, "blobGasPrice", blobGasPrice);
      Fields.quantity(out, "blobGasUsed", transaction.blobGas());
    }
    Fields.hash(out, "blockHash", header.hash());
    Fields.quantity(out, "blockNumber", header.number());
    Fields.address(out, "contractAddress", contractAddress());
    Fields.quantity(out, "cumulativeGasUsed", receipt.cumulativeGasUsed());
    Fields.quantity(out, "effectiveGasPrice", effectiveGasPrice(transaction, header));
    Fields.address(out, "from", transaction.sender());
    Fields.quantity(out, "gasUsed", gasUsed);
    out.writeArrayFieldStart("logs");
    int logIndex = firstLogIndex;
    for (Log log : receipt.logs()) {
      new LogJson(
              log,
              header.hash(),
              header.number(),
              header.timestamp(),
              transaction.hash(),
              index,
              logIndex++,
              false)
          .writeJson(out);
    }
    out.writeEndArray();
    Fields.data(out, "logsBloom", receipt.logsBloom().toBytes());
    Fields.quantity(out, "status", receipt.success() ? 1 : 0);
    Fields.address(out, "to", transaction.to().orElse(null));
    Fields.hash(out, "transactionHash", transaction.hash());
    Fields.quantity(out, "transactionIndex", index);
    Fields.quantity(out, "type", transaction.type().typeByte());
    out.writeEndObject();
  }

  /** The price per gas the sender paid in this block. */
  public static Wei effectiveGasPrice(Transaction tx, BlockHeader header) {
    return header.baseFee().isPresent()
        ? tx.effectiveGasPrice(header.baseFee().get())
        : tx.gasPrice();
  }

  private Address contractAddress() {
    if (!transaction.isContractCreation()) {
      return null;
    }
    return Evm.createAddress(transaction.sender(), transaction.nonce());
  }
}
