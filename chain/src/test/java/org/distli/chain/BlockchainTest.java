package org.distli.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.Block;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionError;
import org.distli.chain.transaction.TransactionType;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.crypto.SecretKey;
import org.distli.evm.Fork;
import org.distli.genesis.ChainConfig;
import org.distli.genesis.Genesis;
import org.distli.genesis.GenesisAccount;
import org.distli.genesis.Validator;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.state.StateDatabase;
import org.distli.state.StateDatabaseConfig;
import org.distli.storage.InMemoryKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockchainTest {
  private static final SecretKey ALICE =
      SecretKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address BOB = Address.fromHex("0x000000000000000000000000000000000000b0b0");
  private static final Address COINBASE =
      Address.fromHex("0x000000000000000000000000000000000000c0b5");
  private static final long CHAIN_ID = 1337;

  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final StateDatabase state = StateDatabase.open(store, StateDatabaseConfig.DEFAULT);
  private final List<ChainEvent> events = new ArrayList<>();
  private Blockchain chain;

  private static Genesis genesis() {
    return new Genesis(
        ChainConfig.allFromGenesis(CHAIN_ID, Fork.CANCUN),
        0,
        Bytes.EMPTY,
        30_000_000,
        UInt256.ZERO,
        Hash.ZERO,
        Address.ZERO,
        0,
        Optional.empty(),
        0,
        0,
        Map.of(ALICE.address(), GenesisAccount.funded(Wei.ofEther(100))));
  }

  private static Blockchain openChain(InMemoryKeyValueStore kv, StateDatabase stateDb) {
    Genesis genesis = genesis();
    return Blockchain.builder(
            ChainSpec.distli(genesis.config(), ChainSpec.SEALED_EXTRA_DATA), kv, stateDb)
        .genesis(GenesisBlock.of(genesis, stateDb.at(Hash.EMPTY_TRIE_ROOT)))
        .open();
  }

  @BeforeEach
  void open() {
    chain = openChain(store, state);
    chain.addListener(events::add);
  }

  @AfterEach
  void close() {
    chain.close();
  }

  private static Transaction transfer(long nonce, long wei) {
    return Transaction.builder(TransactionType.DYNAMIC_FEE)
        .nonce(nonce)
        .gasLimit(21_000)
        .maxFeePerGas(Wei.of(10_000_000_000L))
        .maxPriorityFeePerGas(Wei.of(1_000_000_000L))
        .to(BOB)
        .value(Wei.of(wei))
        .sign(ALICE, CHAIN_ID);
  }

  private BuiltBlock build(long timestamp, Transaction... txs) {
    return chain.buildBlock(template(timestamp), List.of(txs));
  }

  @Test
  void aDatabaseRefusesTheSameGenesisUnderOtherChainRules() {
    chain.close();
    Genesis genesis = genesis();
    ChainConfig renamed =
        new ChainConfig(
            1,
            genesis.config().forkSchedule(),
            genesis.config().baseFee(),
            genesis.config().gasLimit(),
            genesis.config().consensus().withValidators(List.of(Validator.of(BOB, Wei.of(1)))));
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                Blockchain.builder(
                        ChainSpec.distli(renamed, ChainSpec.SEALED_EXTRA_DATA), store, state)
                    .genesis(GenesisBlock.of(genesis, state.at(Hash.EMPTY_TRIE_ROOT)))
                    .open());
    assertTrue(
        refused.getMessage().contains("chainId [" + CHAIN_ID + "] in the database, [1] configured"),
        refused.getMessage());
    assertTrue(
        refused.getMessage().contains("validators (none) in the database, [" + BOB.toHexString()),
        refused.getMessage());
    chain = openChain(store, state); // the original rules still open it
    assertEquals(0, chain.reader().head().number());
  }

  @Test
  void aBuiltBlockImportsAsTheNewHeadWithItsReceiptsAndState() throws InvalidBlockException {
    Transaction first = transfer(0, 1_000);
    BuiltBlock built = build(12, first, transfer(1, 2_000));
    assertEquals(2, built.block().transactions().size());
    ImportResult result = chain.importBlock(built.block());
    assertFalse(result.alreadyKnown());

    assertEquals(built.block().hash(), chain.head().hash());
    assertEquals(Wei.of(3_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertEquals(2, chain.stateAt(chain.head()).account(ALICE.address()).nonce());
    assertEquals(
        42_000,
        chain.reader().receipts(built.block().hash()).orElseThrow().get(1).cumulativeGasUsed());
    assertEquals(1, chain.reader().transactionLocation(first.hash()).orElseThrow().blockNumber());
    assertEquals(1, events.size());
    assertEquals(built.block().hash(), events.get(0).head().hash());
    assertTrue(chain.importBlock(built.block()).alreadyKnown());
  }

  @Test
  void aBlockWithAWrongStateRootIsRefusedAndChangesNothing() {
    Block good = build(12, transfer(0, 1_000)).block();
    Block tampered =
        new Block(good.header().toBuilder().stateRoot(Hash.EMPTY_CODE).build(), good.body());
    InvalidBlockException e =
        assertThrows(InvalidBlockException.class, () -> chain.importBlock(tampered));
    assertTrue(
        e.getMessage().startsWith("invalid merkle root (remote: " + Hash.EMPTY_CODE),
        e.getMessage());
    assertEquals(0, chain.head().number());
    assertTrue(chain.reader().block(tampered.hash()).isEmpty());
    assertTrue(events.isEmpty());
  }

  @Test
  void aBlockWithAnInvalidTransactionIsRefusedWithItsReason() {
    Block good = build(12, transfer(0, 1_000)).block();
    Transaction wrongNonce = transfer(5, 1_000);
    Block bad =
        new Block(
            good.header().toBuilder()
                .transactionsRoot(
                    org.distli.chain.validation.BlockRoots.transactionsRoot(List.of(wrongNonce)))
                .build(),
            org.distli.chain.block.BlockBody.of(List.of(wrongNonce), List.of()));
    InvalidBlockException e =
        assertThrows(InvalidBlockException.class, () -> chain.importBlock(bad));
    assertTrue(
        e.getMessage()
            .startsWith("could not apply tx 0 [" + wrongNonce.hash() + "]: nonce too high"),
        e.getMessage());
  }

  @Test
  void buildingSkipsTransactionsThatCannotBeIncluded() {
    BuiltBlock built = build(12, transfer(0, 1_000), transfer(7, 1_000), transfer(1, 1_000));
    assertEquals(2, built.block().transactions().size());
    assertEquals(1, built.skipped().size());
    assertEquals(TransactionError.NONCE_TOO_HIGH, built.skipped().get(0).reason().error());
  }

  @Test
  void aCompetingBranchBecomesTheHeadAndMovesTheCanonicalIndex() throws InvalidBlockException {
    Transaction onA = transfer(0, 1_000);
    Block a1 = build(12, onA).block();
    chain.importBlock(a1);
    Block a2 = build(24, transfer(1, 1_000)).block();
    chain.importBlock(a2);

    // b1 competes with a1 (built on genesis, sends a different amount)
    Block b1 = buildOn(chain.reader().genesis().hash(), 13, transfer(0, 5_000));
    chain.importBlock(b1);
    assertEquals(b1.hash(), chain.head().hash());
    assertEquals(b1.hash(), chain.reader().canonicalHash(1).orElseThrow());
    assertTrue(chain.reader().canonicalHash(2).isEmpty());
    assertTrue(chain.reader().transactionLocation(onA.hash()).isEmpty());
    assertEquals(Wei.of(5_000), chain.stateAt(chain.head()).account(BOB).balance());
    ChainEvent reorg = events.get(events.size() - 1);
    assertEquals(
        List.of(a2.hash(), a1.hash()),
        reorg.removed().stream().map(b -> b.block().hash()).toList());

    // a block on the abandoned branch brings it back, replaying a1 and a2
    Block a3 = buildOnStored(a2, 36, transfer(2, 1_000));
    chain.importBlock(a3);
    assertEquals(a3.hash(), chain.head().hash());
    assertEquals(a1.hash(), chain.reader().canonicalHash(1).orElseThrow());
    assertEquals(Wei.of(3_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertEquals(1, chain.reader().transactionLocation(onA.hash()).orElseThrow().blockNumber());

    // the consensus may also pick a stored side block directly
    chain.setHead(b1.hash());
    assertEquals(b1.hash(), chain.head().hash());
    assertEquals(Wei.of(5_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertThrows(
        IllegalArgumentException.class, () -> chain.setHead(chain.reader().genesis().hash()));
  }

  @Test
  void safeAndFinalizedMustBeCanonicalAndOrdered() throws InvalidBlockException {
    Block a1 = build(12, transfer(0, 1_000)).block();
    chain.importBlock(a1);
    Block a2 = build(24).block();
    chain.importBlock(a2);
    chain.setSafeAndFinalized(a2.hash(), a1.hash());
    assertEquals(a2.hash(), chain.reader().safe().hash());
    assertEquals(a1.hash(), chain.reader().finalized().hash());
    assertThrows(
        IllegalArgumentException.class, () -> chain.setSafeAndFinalized(a1.hash(), a2.hash()));
    assertThrows(
        IllegalArgumentException.class, () -> chain.setSafeAndFinalized(Hash.EMPTY_CODE, null));
  }

  private static BlockTemplate template(long timestamp) {
    return new BlockTemplate(
        timestamp, COINBASE, Hash.ZERO, Bytes.EMPTY, 30_000_000, List.of(), Hash.ZERO);
  }

  /** A block on the genesis, built on a second chain with the same genesis. */
  private Block buildOn(Hash parentHash, long timestamp, Transaction... txs) {
    assertEquals(chain.reader().genesis().hash(), parentHash);
    InMemoryKeyValueStore otherStore = new InMemoryKeyValueStore();
    try (Blockchain other =
        openChain(otherStore, StateDatabase.open(otherStore, StateDatabaseConfig.DEFAULT))) {
      return other.buildBlock(template(timestamp), List.of(txs)).block();
    }
  }

  /** A block on a stored block, built on a second chain that imports its ancestry first. */
  private Block buildOnStored(Block parent, long timestamp, Transaction... txs)
      throws InvalidBlockException {
    InMemoryKeyValueStore otherStore = new InMemoryKeyValueStore();
    try (Blockchain other =
        openChain(otherStore, StateDatabase.open(otherStore, StateDatabaseConfig.DEFAULT))) {
      List<Block> ancestry = new ArrayList<>();
      for (Block cursor = parent;
          cursor.number() > 0;
          cursor = chain.reader().block(cursor.header().parentHash()).orElseThrow()) {
        ancestry.add(0, cursor);
      }
      for (Block block : ancestry) {
        other.importBlock(block);
      }
      return other.buildBlock(template(timestamp), List.of(txs)).block();
    }
  }
}
