package org.distli.rpc;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Bloom;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;

/** Blocks and receipts built by hand for tests of views, filters and subscriptions. */
public final class TestBlocks {
  public static final SecretKey ALICE =
      SecretKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  public static final long CHAIN_ID = 1337;

  private TestBlocks() {}

  public static Transaction transfer(long nonce, Address to) {
    return Transaction.builder(TransactionType.DYNAMIC_FEE)
        .nonce(nonce)
        .maxPriorityFeePerGas(Wei.of(1_000_000_000L))
        .maxFeePerGas(Wei.of(3_000_000_000L))
        .gasLimit(100_000)
        .to(to)
        .value(Wei.of(1))
        .data(Bytes.EMPTY)
        .sign(ALICE, CHAIN_ID);
  }

  public static Log log(Address address, Hash... topics) {
    return new Log(address, List.of(topics), Bytes.fromHexString("0x01"));
  }

  /** A block with one transaction per entry of {@code logsPerTransaction}, and its receipts. */
  public record BlockWithReceipts(Block block, List<Receipt> receipts) {}

  public static BlockWithReceipts block(long number, List<List<Log>> logsPerTransaction) {
    List<Transaction> transactions = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    Bloom.Builder bloom = new Bloom.Builder();
    long cumulative = 0;
    for (int i = 0; i < logsPerTransaction.size(); i++) {
      transactions.add(
          transfer(
              number * 100 + i, Address.fromHex("0x00000000000000000000000000000000000000aa")));
      cumulative += 21_000 + 1_000L * i;
      Receipt receipt =
          Receipt.of(TransactionType.DYNAMIC_FEE, true, cumulative, logsPerTransaction.get(i));
      receipts.add(receipt);
      for (Log log : logsPerTransaction.get(i)) {
        bloom.add(log);
      }
    }
    BlockHeader header =
        BlockHeader.builder()
            .number(number)
            .gasLimit(30_000_000)
            .gasUsed(cumulative)
            .timestamp(1_700_000_000L + number)
            .baseFee(Wei.of(1_000_000_000L))
            .logsBloom(bloom.build())
            .build();
    return new BlockWithReceipts(
        new Block(header, BlockBody.of(transactions, List.of())), receipts);
  }
}
