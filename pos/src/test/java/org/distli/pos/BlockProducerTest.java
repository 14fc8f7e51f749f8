package org.distli.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.distli.chain.Blockchain;
import org.distli.chain.ChainEvent;
import org.distli.chain.GenesisBlock;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.genesis.DevAccount;
import org.distli.genesis.DevChain;
import org.distli.genesis.EmptyBlockPolicy;
import org.distli.genesis.Genesis;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.state.StateDatabase;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.txpool.TransactionPool;
import org.distli.txpool.TxPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockProducerTest {
  private static final Wei GWEI = Wei.of(1_000_000_000L);
  private static final Address SINK = Address.fromHex("0x000000000000000000000000000000000000dead");

  private final Genesis genesis = DevChain.genesis();
  private final SecretKey validator = DevChain.validatorKey();
  private final ValidatorSet validators =
      new ValidatorSet(genesis.config().consensus().validators());
  private final Seals seals = new Seals(validators);
  private final ChainSpec spec =
      ChainSpec.distli(genesis.config(), SealData.maxEncodedSize(validators.size()));
  private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
  private final List<Block> produced = new CopyOnWriteArrayList<>();
  private Blockchain chain;
  private TransactionPool pool;
  private BlockProducer producer;

  private void start(boolean automine, EmptyBlockPolicy empty, Duration blockTime) {
    StateDatabase states = StateDatabase.inMemory();
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    chain =
        Blockchain.builder(spec, store, states)
            .genesis(GenesisBlock.of(genesis, states.at(Hash.EMPTY_TRIE_ROOT)))
            .sealVerifier(new PosSealVerifier(seals))
            .open();
    BlockHeader head = chain.head();
    pool = new TransactionPool(TxPoolConfig.DEFAULT, spec, head, chain.stateAt(head));
    chain.addListener(
        (ChainEvent event) -> {
          List<Transaction> included = new ArrayList<>();
          event.added().forEach(b -> included.addAll(b.block().transactions()));
          pool.onNewHead(event.head(), chain.stateAt(event.head()), included);
        });
    producer =
        new BlockProducer(
            chain,
            pool,
            seals,
            validator,
            new ProducerConfig(
                blockTime, automine, empty, genesis.gasLimit(), SealData.vanity("distli test")),
            clock::get,
            (block, nanos) -> produced.add(block));
    producer.start();
  }

  @AfterEach
  void stop() {
    if (producer != null) {
      producer.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  private static Transaction transfer(SecretKey key, long nonce) {
    return Transaction.builder(TransactionType.DYNAMIC_FEE)
        .chainId(DevChain.CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(GWEI)
        .maxFeePerGas(Wei.of(100L * 1_000_000_000L))
        .gasLimit(21_000)
        .to(SINK)
        .value(Wei.of(1))
        .sign(key, DevChain.CHAIN_ID);
  }

  private int included() {
    return produced.stream().mapToInt(b -> b.transactions().size()).sum();
  }

  private void awaitHead(long number) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (chain.head().number() < number && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(chain.head().number() >= number, "head #" + chain.head().number());
  }

  @Test
  void automineSealsAFinalBlockAsSoonAsATransactionWaits() throws Exception {
    start(true, EmptyBlockPolicy.SKIP, Duration.ofHours(1));
    Transaction tx = transfer(DevChain.accounts().get(0).key(), 0);
    pool.add(tx);
    awaitHead(1);
    BlockHeader head = chain.head();
    assertEquals(List.of(tx), chain.reader().block(head.hash()).orElseThrow().transactions());
    assertEquals(validator.address(), head.coinbase());
    assertEquals(validator.address(), seals.verify(head).proposer());
    assertEquals(head.hash(), chain.reader().finalized().hash());
    assertEquals(head.hash(), chain.reader().safe().hash());
    assertEquals(0, pool.size());
  }

  @Test
  void pendingTransactionsAreBatchedIntoAsFewBlocksAsTheGasLimitAllows() throws Exception {
    start(true, EmptyBlockPolicy.SKIP, Duration.ofHours(1));
    List<DevAccount> accounts = DevChain.accounts();
    List<Transaction> all = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      for (DevAccount account : accounts) {
        all.add(transfer(account.key(), n));
      }
    }
    pool.addAll(all);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (included() < all.size() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(all.size(), included());
    assertEquals(0, pool.size());
    assertTrue(produced.size() < all.size() / 10, produced.size() + " blocks for " + all.size());
    for (DevAccount account : accounts) {
      assertEquals(50, chain.stateAt(chain.head()).account(account.address()).nonce());
    }
  }

  @Test
  void emptySlotsAreSkippedOrProducedAsConfigured() throws Exception {
    start(false, EmptyBlockPolicy.PRODUCE, Duration.ofMillis(100));
    clock.addAndGet(1_000);
    awaitHead(1);
    assertTrue(chain.reader().block(1).orElseThrow().transactions().isEmpty());
    producer.close();
    chain.close();

    produced.clear();
    start(false, EmptyBlockPolicy.SKIP, Duration.ofMillis(100));
    clock.addAndGet(1_000);
    Thread.sleep(500);
    assertEquals(0, chain.head().number());
    pool.add(transfer(DevChain.accounts().get(0).key(), 0));
    clock.addAndGet(1_000);
    awaitHead(1);
    assertEquals(1, chain.reader().block(1).orElseThrow().transactions().size());
  }

  @Test
  void blockTimestampsAlwaysIncreaseEvenWithinOneSecond() throws Exception {
    start(true, EmptyBlockPolicy.SKIP, Duration.ofHours(1));
    SecretKey key = DevChain.accounts().get(0).key();
    for (int n = 0; n < 3; n++) {
      pool.add(transfer(key, n));
      awaitHead(n + 1);
    }
    for (long n = 1; n <= 3; n++) {
      BlockHeader block = chain.reader().header(n).orElseThrow();
      BlockHeader parent = chain.reader().header(n - 1).orElseThrow();
      assertTrue(block.timestamp() > parent.timestamp());
    }
  }

  @Test
  void aNodeThatIsNotAValidatorDoesNotProduce() throws Exception {
    StateDatabase states = StateDatabase.inMemory();
    chain =
        Blockchain.builder(spec, new InMemoryKeyValueStore(), states)
            .genesis(GenesisBlock.of(genesis, states.at(Hash.EMPTY_TRIE_ROOT)))
            .sealVerifier(new PosSealVerifier(seals))
            .open();
    pool =
        new TransactionPool(TxPoolConfig.DEFAULT, spec, chain.head(), chain.stateAt(chain.head()));
    producer =
        new BlockProducer(
            chain,
            pool,
            seals,
            DevChain.accounts().get(0).key(),
            new ProducerConfig(
                Duration.ofMillis(50),
                true,
                EmptyBlockPolicy.PRODUCE,
                30_000_000,
                SealData.vanity("x")),
            clock::get,
            (block, nanos) -> produced.add(block));
    assertTrue(!producer.canProduce());
    producer.start();
    clock.addAndGet(10_000);
    Thread.sleep(300);
    assertEquals(0, chain.head().number());
  }
}
