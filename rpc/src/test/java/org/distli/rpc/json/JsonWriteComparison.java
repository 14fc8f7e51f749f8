package org.distli.rpc.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.rpc.TestBlocks;

/**
 * Not a test: a measurement behind the choice of Jackson's streaming generator for results. Writes
 * a block with 200 full transactions (eth_getBlockByNumber(n, true)) both ways, repeatedly, and
 * prints microseconds per block. Run: {@code java -cp <test classpath>
 * org.distli.rpc.json.JsonWriteComparison}.
 */
public final class JsonWriteComparison {
  private JsonWriteComparison() {}

  public static void main(String[] args) throws Exception {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      txs.add(
          TestBlocks.transfer(i, Address.fromHex("0x00000000000000000000000000000000000000aa")));
    }
    BlockHeader header =
        BlockHeader.builder()
            .number(7)
            .gasLimit(30_000_000)
            .baseFee(Wei.of(1_000_000_000L))
            .build();
    Block block = new Block(header, BlockBody.of(txs, List.of()));
    txs.forEach(Transaction::sender);
    JsonFactory factory = new JsonFactory();
    for (int round = 0; round < 8; round++) {
      long streaming = time(() -> streaming(factory, block));
      long tree = time(() -> vertxTree(block));
      System.out.printf(
          "round %d: Jackson streaming %d us/block, Vert.x JsonObject %d us/block%n",
          round, streaming / 1000, tree / 1000);
    }
  }

  private static long time(ThrowingRunnable work) throws Exception {
    int n = 1000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      work.run();
    }
    return (System.nanoTime() - start) / n;
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  static byte[] streaming(JsonFactory factory, Block block) throws Exception {
    ByteArrayBuilder out = new ByteArrayBuilder(64 * 1024);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      new BlockJson(block, true).writeJson(generator);
    }
    return out.toByteArray();
  }

  static byte[] vertxTree(Block block) {
    JsonObject json = new JsonObject();
    BlockHeader h = block.header();
    json.put("baseFeePerGas", h.baseFee().get().toHexQuantity())
        .put("difficulty", "0x0")
        .put("extraData", Hex.encode(h.extraData()))
        .put("gasLimit", Hex.quantity(h.gasLimit()))
        .put("gasUsed", Hex.quantity(h.gasUsed()))
        .put("hash", h.hash().toHexString())
        .put("logsBloom", Hex.encode(h.logsBloom().toBytes()))
        .put("miner", h.coinbase().toHexString())
        .put("number", Hex.quantity(h.number()))
        .put("parentHash", h.parentHash().toHexString())
        .put("stateRoot", h.stateRoot().toHexString())
        .put("timestamp", Hex.quantity(h.timestamp()));
    JsonArray transactions = new JsonArray();
    int index = 0;
    for (Transaction tx : block.transactions()) {
      transactions.add(
          new JsonObject()
              .put("blockHash", h.hash().toHexString())
              .put("blockNumber", Hex.quantity(h.number()))
              .put("from", tx.sender().toHexString())
              .put("gas", Hex.quantity(tx.gasLimit()))
              .put("gasPrice", tx.effectiveGasPrice(h.baseFee().get()).toHexQuantity())
              .put("maxFeePerGas", tx.maxFeePerGas().toHexQuantity())
              .put("maxPriorityFeePerGas", tx.maxPriorityFeePerGas().toHexQuantity())
              .put("hash", tx.hash().toHexString())
              .put("input", Hex.encode(tx.data()))
              .put("nonce", Hex.quantity(tx.nonce()))
              .put("to", tx.to().map(Address::toHexString).orElse(null))
              .put("transactionIndex", Hex.quantity(index++))
              .put("value", tx.value().toHexQuantity())
              .put("type", "0x2")
              .put("accessList", new JsonArray())
              .put("chainId", "0x539")
              .put("v", "0x" + tx.v().toShortHexString().substring(2))
              .put("r", tx.r().toShortHexString())
              .put("s", tx.s().toShortHexString())
              .put("yParity", "0x" + tx.v().toShortHexString().substring(2)));
    }
    json.put("transactions", transactions);
    return json.toBuffer().getBytes();
  }
}
