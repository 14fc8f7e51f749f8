package org.distli.chain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.storage.WriteBatch;
import org.junit.jupiter.api.Test;

class ChainStoreTest {
  private static final SecretKey KEY =
      SecretKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");

  private final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
  private final ChainStore store = ChainStore.open(kv);

  private static Block block(long number, Hash parent, Transaction... txs) {
    BlockHeader header =
        BlockHeader.builder()
            .number(number)
            .parentHash(parent)
            .gasLimit(30_000_000)
            .timestamp(number)
            .build();
    return new Block(header, BlockBody.of(List.of(txs), null));
  }

  private static Transaction transfer(long nonce) {
    return Transaction.builder(TransactionType.DYNAMIC_FEE)
        .nonce(nonce)
        .gasLimit(21_000)
        .maxFeePerGas(Wei.of(10))
        .to(Address.ZERO)
        .sign(KEY, 1337);
  }

  private void write(java.util.function.Consumer<WriteBatch> staging) {
    try (WriteBatch batch = kv.newBatch()) {
      staging.accept(batch);
      batch.commit();
    }
  }

  @Test
  void anEmptyStoreHasNoGenesisUntilOneIsWritten() {
    assertTrue(store.isEmpty());
    Block genesis = block(0, Hash.ZERO);
    write(batch -> store.stageGenesis(batch, genesis));
    assertFalse(store.isEmpty());
    assertEquals(genesis.header(), store.head());
    assertEquals(genesis.header(), store.finalized());
    assertEquals(genesis.hash(), store.canonicalHash(0).orElseThrow());
    // a second store over the same database finds it
    assertEquals(genesis.header(), ChainStore.open(kv).head());
  }

  @Test
  void blocksReceiptsAndTransactionLocationsAreReadBack() {
    Block genesis = block(0, Hash.ZERO);
    write(batch -> store.stageGenesis(batch, genesis));
    Transaction tx = transfer(0);
    Block one = block(1, genesis.hash(), transfer(1), tx);
    Log log = new Log(Address.ZERO, List.of(Hash.EMPTY_CODE), Bytes.fromHexString("0x0102"));
    List<Receipt> receipts =
        List.of(
            Receipt.of(TransactionType.DYNAMIC_FEE, true, 21_000, List.of()),
            Receipt.of(TransactionType.DYNAMIC_FEE, false, 42_000, List.of(log)));
    write(
        batch -> {
          store.stageBlock(batch, one, receipts);
          store.stageCanonical(batch, one);
          store.stageMarkers(batch, one.header(), null, null);
        });
    assertEquals(one.header(), store.head());
    assertEquals(one.hash(), store.block(1).orElseThrow().hash());
    assertEquals(one.transactions(), store.body(one.hash()).orElseThrow().transactions());
    assertEquals(receipts, store.receipts(one.hash()).orElseThrow());
    assertEquals(
        new TransactionLocation(one.hash(), 1, 1),
        store.transactionLocation(tx.hash()).orElseThrow());
    assertTrue(store.isCanonical(one.hash()));
  }

  @Test
  void anUnwrittenBatchChangesNothing() {
    Block genesis = block(0, Hash.ZERO);
    write(batch -> store.stageGenesis(batch, genesis));
    Block one = block(1, genesis.hash(), transfer(0));
    try (WriteBatch batch = kv.newBatch()) {
      store.stageBlock(
          batch, one, List.of(Receipt.of(TransactionType.DYNAMIC_FEE, true, 21_000, List.of())));
      store.stageCanonical(batch, one);
      store.stageMarkers(batch, one.header(), null, null);
      // closed without commit
    }
    assertEquals(genesis.header(), store.head());
    assertTrue(store.block(one.hash()).isEmpty());
    assertTrue(store.transactionLocation(one.transactions().get(0).hash()).isEmpty());
  }

  @Test
  void leavingTheCanonicalChainRemovesTheIndexButKeepsTheBlock() {
    Block genesis = block(0, Hash.ZERO);
    write(batch -> store.stageGenesis(batch, genesis));
    Block one = block(1, genesis.hash(), transfer(0));
    write(
        batch -> {
          store.stageBlock(
              batch,
              one,
              List.of(Receipt.of(TransactionType.DYNAMIC_FEE, true, 21_000, List.of())));
          store.stageCanonical(batch, one);
        });
    write(batch -> store.stageNonCanonical(batch, one, false));
    assertFalse(store.isCanonical(one.hash()));
    assertTrue(store.canonicalHash(1).isEmpty());
    assertTrue(store.transactionLocation(one.transactions().get(0).hash()).isEmpty());
    assertTrue(store.block(one.hash()).isPresent());
  }
}
