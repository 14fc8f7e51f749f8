package org.distli.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Withdrawal;
import org.distli.chain.transaction.Transaction;
import org.distli.rpc.jsonrpc.JsonWritable;

/**
 * A block as go-ethereum returns it (fields in its alphabetical order): the header fields of its
 * fork, size, transactions as hashes or objects, empty uncles, withdrawals from Shanghai on, and no
 * totalDifficulty (removed after the merge).
 */
public record BlockJson(Block block, boolean fullTransactions) implements JsonWritable {

  @Override
  public void writeJson(JsonGenerator out) throws IOException {
    write(out, block.header(), block, fullTransactions);
  }

  /** A header alone, as "newHeads" notifications carry it (no transactions, size or uncles). */
  public static JsonWritable header(BlockHeader h) {
    return out -> write(out, h, null, false);
  }

  /**
   * The header's fields in go-ethereum's (alphabetical) order, with the body's fields among them
   * when {@code block} is given.
   */
  private static void write(JsonGenerator out, BlockHeader h, Block block, boolean fullTransactions)
      throws IOException {
    out.writeStartObject();
    if (h.baseFee().isPresent()) {
      Fields.quantity(out, "baseFeePerGas", h.baseFee().get());
    }
    if (h.blobGasUsed().isPresent()) {
      Fields.quantity(out, "blobGasUsed", h.blobGasUsed().getAsLong());
    }
    Fields.quantity(out, "difficulty", h.difficulty());
    if (h.excessBlobGas().isPresent()) {
      Fields.quantity(out, "excessBlobGas", h.excessBlobGas().getAsLong());
    }
    Fields.data(out, "extraData", h.extraData());
    Fields.quantity(out, "gasLimit", h.gasLimit());
    Fields.quantity(out, "gasUsed", h.gasUsed());
    Fields.hash(out, "hash", h.hash());
    Fields.data(out, "logsBloom", h.logsBloom().toBytes());
    Fields.address(out, "miner", h.coinbase());
    Fields.hash(out, "mixHash", h.mixHash());
    Fields.fixed8(out, "nonce", h.nonce());
    Fields.quantity(out, "number", h.number());
    if (h.parentBeaconBlockRoot().isPresent()) {
      Fields.hash(out, "parentBeaconBlockRoot", h.parentBeaconBlockRoot().get());
    }
    Fields.hash(out, "parentHash", h.parentHash());
    Fields.hash(out, "receiptsRoot", h.receiptsRoot());
    if (h.requestsHash().isPresent()) {
      Fields.hash(out, "requestsHash", h.requestsHash().get());
    }
    Fields.hash(out, "sha3Uncles", h.ommersHash());
    if (block != null) {
      Fields.quantity(out, "size", block.size());
    }
    Fields.hash(out, "stateRoot", h.stateRoot());
    Fields.quantity(out, "timestamp", h.timestamp());
    if (block != null) {
      out.writeArrayFieldStart("transactions");
      List<Transaction> transactions = block.transactions();
      for (int i = 0; i < transactions.size(); i++) {
        if (fullTransactions) {
          TransactionJson.included(transactions.get(i), h, i).writeJson(out);
        } else {
          out.writeString(transactions.get(i).hash().toHexString());
        }
      }
      out.writeEndArray();
    }
    Fields.hash(out, "transactionsRoot", h.transactionsRoot());
    if (block != null) {
      out.writeArrayFieldStart("uncles");
      out.writeEndArray();
    }
    if (h.withdrawalsRoot().isPresent()) {
      if (block != null) {
        out.writeArrayFieldStart("withdrawals");
        for (Withdrawal withdrawal : block.body().withdrawals().orElse(List.of())) {
          WithdrawalJson.write(out, withdrawal);
        }
        out.writeEndArray();
      }
      Fields.hash(out, "withdrawalsRoot", h.withdrawalsRoot().get());
    }
    out.writeEndObject();
  }
}
