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
import org.distli.chain.forkchoice.FinalizedConflictException;
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
  void aSiblingAtALowerHeightIsStoredExecutedButDoesNotBecomeTheHead()
      throws InvalidBlockException {
    Transaction onA = transfer(0, 1_000);
    Block a1 = build(12, onA).block();
    chain.importBlock(a1);
    Block a2 = build(24, transfer(1, 1_000)).block();
    chain.importBlock(a2);
    events.clear();

    Transaction onB = transfer(0, 5_000);
    Block b1 = buildOn(null, 13, onB);
    ImportResult result = chain.importBlock(b1);
    assertEquals(ImportResult.Status.SIDE_BRANCH, result.status());
    assertEquals(1, result.receipts().size(), "executed on its canonical parent");
    assertEquals(a2.hash(), chain.head().hash());
    assertEquals(a1.hash(), chain.reader().canonicalHash(1).orElseThrow());
    assertTrue(chain.reader().block(b1.hash()).isPresent());
    assertFalse(chain.reader().isCanonical(b1.hash()));
    assertTrue(chain.reader().transactionLocation(onB.hash()).isEmpty());
    assertEquals(Wei.of(2_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertTrue(events.isEmpty());
    assertTrue(chain.importBlock(b1).alreadyKnown());
  }

  @Test
  void aSiblingAtTheSameHeightKeepsTheHeadSeenFirst() throws InvalidBlockException {
    Block a1 = build(12, transfer(0, 1_000)).block();
    Block b1 = buildOn(null, 13, transfer(0, 5_000));
    chain.importBlock(a1);
    assertEquals(ImportResult.Status.SIDE_BRANCH, chain.importBlock(b1).status());
    assertEquals(a1.hash(), chain.head().hash());
  }

  @Test
  void aSideBlockWithAWrongStateRootIsRefusedAtOnceWhenItsParentIsCanonical()
      throws InvalidBlockException {
    chain.importBlock(build(12, transfer(0, 1_000)).block());
    chain.importBlock(build(24).block());
    Block b1 = buildOn(null, 13, transfer(0, 5_000));
    Block tampered =
        new Block(b1.header().toBuilder().stateRoot(Hash.EMPTY_CODE).build(), b1.body());
    InvalidBlockException refused =
        assertThrows(InvalidBlockException.class, () -> chain.importBlock(tampered));
    assertTrue(refused.getMessage().startsWith("invalid merkle root"), refused.getMessage());
    assertTrue(chain.reader().header(tampered.hash()).isEmpty());
  }

  @Test
  void aLongerBranchReorganisesInOneChangeThatListenersSee() throws InvalidBlockException {
    Transaction onA = transfer(0, 1_000);
    Block a1 = build(12, onA).block();
    chain.importBlock(a1);
    Block a2 = build(24, transfer(1, 1_000)).block();
    chain.importBlock(a2);
    events.clear();

    Transaction onB = transfer(0, 5_000);
    Block b1 = buildOn(null, 13, onB);
    Block b2 = buildOn(b1, 25, transfer(1, 5_000));
    Block b3 = buildOn(b2, 37, transfer(2, 5_000));
    chain.importBlock(b1);
    ImportResult second = chain.importBlock(b2);
    assertEquals(ImportResult.Status.SIDE_BRANCH, second.status());
    assertTrue(second.receipts().isEmpty(), "its parent's state is not committed yet");
    assertTrue(chain.reader().receipts(b2.hash()).isEmpty());
    assertTrue(events.isEmpty());

    ImportResult third = chain.importBlock(b3);
    assertEquals(ImportResult.Status.HEAD, third.status());
    assertEquals(b3.hash(), chain.head().hash());
    assertEquals(b1.hash(), chain.reader().canonicalHash(1).orElseThrow());
    assertEquals(b2.hash(), chain.reader().canonicalHash(2).orElseThrow());
    assertTrue(chain.reader().transactionLocation(onA.hash()).isEmpty());
    assertEquals(1, chain.reader().transactionLocation(onB.hash()).orElseThrow().blockNumber());
    assertEquals(Wei.of(15_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertEquals(
        21_000, chain.reader().receipts(b2.hash()).orElseThrow().get(0).cumulativeGasUsed());

    assertEquals(1, events.size(), "one head change for the whole reorganisation");
    ChainEvent reorg = events.get(0);
    assertEquals(b3.hash(), reorg.head().hash());
    assertEquals(List.of(a2.hash(), a1.hash()), hashes(reorg.removed()));
    assertEquals(List.of(b1.hash(), b2.hash(), b3.hash()), hashes(reorg.added()));
    assertEquals(1, reorg.added().get(1).receipts().size());
  }

  @Test
  void aReorganisationBelowTheFinalizedBlockIsRefused() throws InvalidBlockException {
    Block a1 = build(12, transfer(0, 1_000)).block();
    chain.importBlock(a1);
    Block a2 = build(24, transfer(1, 1_000)).block();
    chain.importBlock(a2);
    Block b1 = buildOn(null, 13, transfer(0, 5_000));
    Block b2 = buildOn(b1, 25);
    Block b3 = buildOn(b2, 37);
    chain.importBlock(b1); // a side block from before finality
    chain.setSafeAndFinalized(a2.hash(), a1.hash());

    FinalizedConflictException refused =
        assertThrows(FinalizedConflictException.class, () -> chain.importBlock(b2));
    assertEquals(a1.hash(), refused.finalizedHash());
    assertEquals(b2.hash(), refused.blockHash());
    assertTrue(
        refused
            .getMessage()
            .contains("conflicts with finalized block #1 " + a1.hash() + ": its ancestor at #1 is"),
        refused.getMessage());
    assertThrows(FinalizedConflictException.class, () -> chain.setHead(b1.hash()));
    assertEquals(a2.hash(), chain.head().hash());
    assertTrue(chain.reader().header(b2.hash()).isEmpty());
    assertTrue(chain.reader().header(b3.hash()).isEmpty());

    // a block at or below the finalized height that is not the finalized block
    Block c1 = buildOn(null, 14);
    FinalizedConflictException low =
        assertThrows(FinalizedConflictException.class, () -> chain.importBlock(c1));
    assertTrue(low.getMessage().contains("at or below the finalized height"), low.getMessage());

    // finality never moves back
    assertThrows(
        IllegalArgumentException.class,
        () -> chain.setSafeAndFinalized(null, chain.reader().genesis().hash()));
  }

  @Test
  void aLongerBranchAboveTheFinalizedBlockStillReorganises() throws InvalidBlockException {
    Block a1 = build(12, transfer(0, 1_000)).block();
    chain.importBlock(a1);
    Block a2 = build(24, transfer(1, 1_000)).block();
    chain.importBlock(a2);
    chain.setSafeAndFinalized(a2.hash(), a1.hash());
    Block b2 = buildOn(a1, 25, transfer(1, 7_000));
    Block b3 = buildOn(b2, 37);
    chain.importBlock(b2);
    assertEquals(a2.hash(), chain.head().hash());
    chain.importBlock(b3);
    assertEquals(b3.hash(), chain.head().hash());
    assertEquals(a1.hash(), chain.reader().finalized().hash());
    assertEquals(a1.hash(), chain.reader().safe().hash(), "safe fell back to the fork point");
    assertEquals(Wei.of(8_000), chain.stateAt(chain.head()).account(BOB).balance());
  }

  @Test
  void theConsensusMaySetAStoredSideBlockAsTheHeadAndTheRuleTakesOverAgain()
      throws InvalidBlockException {
    Block a1 = build(12, transfer(0, 1_000)).block();
    chain.importBlock(a1);
    Block a2 = build(24, transfer(1, 1_000)).block();
    chain.importBlock(a2);
    Block b1 = buildOn(null, 13, transfer(0, 5_000));
    chain.importBlock(b1);
    events.clear();

    chain.setHead(b1.hash());
    assertEquals(b1.hash(), chain.head().hash());
    assertTrue(chain.reader().canonicalHash(2).isEmpty());
    assertEquals(Wei.of(5_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertEquals(List.of(a2.hash(), a1.hash()), hashes(events.get(0).removed()));
    chain.setHead(b1.hash()); // the head: nothing to do
    assertEquals(1, events.size());

    // a block on the abandoned branch is higher: the rule brings that branch back
    Block a3 = buildOn(a2, 36, transfer(2, 1_000));
    chain.importBlock(a3);
    assertEquals(a3.hash(), chain.head().hash());
    assertEquals(a1.hash(), chain.reader().canonicalHash(1).orElseThrow());
    assertEquals(Wei.of(3_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertThrows(
        IllegalArgumentException.class, () -> chain.setHead(chain.reader().genesis().hash()));
    assertThrows(IllegalArgumentException.class, () -> chain.setHead(Hash.EMPTY_CODE));
  }

  @Test
  void anInvalidBlockFoundWhenItsBranchIsChosenIsDeletedAndTheHeadStays()
      throws InvalidBlockException {
    Block a1 = build(12, transfer(0, 1_000)).block();
    chain.importBlock(a1);
    Block a2 = build(24, transfer(1, 1_000)).block();
    chain.importBlock(a2);
    Block b1 = buildOn(null, 13, transfer(0, 5_000));
    Block b2 = buildOn(b1, 25, transfer(1, 5_000));
    Block b3 = buildOn(b2, 37);
    // b2 claims a wrong state root; b3 follows it. Neither can be executed on import.
    Block badB2 = new Block(b2.header().toBuilder().stateRoot(Hash.EMPTY_CODE).build(), b2.body());
    Block b3OnBad = new Block(b3.header().toBuilder().parentHash(badB2.hash()).build(), b3.body());
    chain.importBlock(b1);
    assertEquals(ImportResult.Status.SIDE_BRANCH, chain.importBlock(badB2).status());
    events.clear();

    InvalidBlockException refused =
        assertThrows(InvalidBlockException.class, () -> chain.importBlock(b3OnBad));
    assertTrue(refused.getMessage().startsWith("invalid merkle root"), refused.getMessage());
    assertEquals(a2.hash(), chain.head().hash());
    assertEquals(a1.hash(), chain.reader().canonicalHash(1).orElseThrow());
    assertEquals(Wei.of(2_000), chain.stateAt(chain.head()).account(BOB).balance());
    assertTrue(chain.reader().header(badB2.hash()).isEmpty(), "the invalid block is deleted");
    assertTrue(chain.reader().header(b1.hash()).isPresent(), "its valid parent stays");
    assertTrue(events.isEmpty());
    // the chain goes on from its head
    Block a3 = build(36, transfer(2, 1_000)).block();
    assertTrue(chain.importBlock(a3).isHead());
    assertEquals(Wei.of(3_000), chain.stateAt(chain.head()).account(BOB).balance());
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

  private static List<Hash> hashes(List<ChainEvent.BlockWithReceipts> blocks) {
    return blocks.stream().map(b -> b.block().hash()).toList();
  }

  private static BlockTemplate template(long timestamp) {
    return new BlockTemplate(
        timestamp, COINBASE, Hash.ZERO, Bytes.EMPTY, 30_000_000, List.of(), Hash.ZERO);
  }

  /**
   * A block on {@code parent} (null: the genesis), built on a second chain with the same genesis
   * that imports the parent's ancestry first.
   */
  private Block buildOn(Block parent, long timestamp, Transaction... txs)
      throws InvalidBlockException {
    InMemoryKeyValueStore otherStore = new InMemoryKeyValueStore();
    try (Blockchain other =
        openChain(otherStore, StateDatabase.open(otherStore, StateDatabaseConfig.DEFAULT))) {
      List<Block> ancestry = new ArrayList<>();
      for (Block cursor = parent; cursor != null && cursor.number() > 0; ) {
        ancestry.add(0, cursor);
        Hash parentHash = cursor.header().parentHash();
        cursor = chain.reader().block(parentHash).orElse(find(parentHash));
      }
      for (Block block : ancestry) {
        other.importBlock(block);
      }
      Block block = other.buildBlock(template(timestamp), List.of(txs)).block();
      built.add(block);
      return block;
    }
  }

  private final List<Block> built = new ArrayList<>();

  /** A block built by {@link #buildOn} that this chain may not hold (yet). */
  private Block find(Hash hash) {
    return built.stream().filter(b -> b.hash().equals(hash)).findFirst().orElse(null);
  }
}
