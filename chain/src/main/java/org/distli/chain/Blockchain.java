package org.distli.chain;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.distli.chain.HelperThreads.Background;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.execution.SenderRecovery;
import org.distli.chain.forkchoice.Finality;
import org.distli.chain.forkchoice.ForkChoice;
import org.distli.chain.forkchoice.ForkChoiceRule;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainReader;
import org.distli.chain.store.ChainStore;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.validation.BlockRoots;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.chain.validation.SealVerifier;
import org.distli.evm.TransactionProcessor;
import org.distli.primitives.Hash;
import org.distli.state.StateDatabase;
import org.distli.state.StateReader;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;

/**
 * The chain, as the other modules use it: imports blocks, builds blocks on the head, follows the
 * consensus' head and finality choices ({@link ForkChoice}) and tells listeners about head changes.
 * Readers use {@link #reader()} and {@link #stateAt}, which only ever see committed data.
 *
 * <p>The work is done by parts with one job each, all on the single writer thread ({@link
 * ChainWriter}) in submission order: {@link BlockImporter} (validation and the fork choice
 * decision), {@link BlockExecutor} (execution and result checks), {@link HeadCommitter} (one atomic
 * batch per head change), {@link Reorganisation} (moving to another branch), {@link BlockBuilder}
 * with its {@link BuildCache}, {@link ChainInitialisation} (genesis and stored rules), {@link
 * ChainListeners}; {@link HelperThreads} do the stateless work beside the writer.
 */
public final class Blockchain implements ForkChoice, AutoCloseable {
  private final ChainSpec spec;
  private final KeyValueStore keyValueStore;
  private final StateDatabase stateDatabase;
  private final ChainStore store;
  private final ChainWriter writer = new ChainWriter();
  private final HelperThreads helpers;
  private final ChainListeners listeners = new ChainListeners();
  private final Finality finality;
  private final BlockImporter importer;
  private final BlockBuilder builder;
  private final Reorganisation reorganisation;

  private Blockchain(Builder b) {
    this.spec = b.spec;
    this.keyValueStore = b.keyValueStore;
    this.stateDatabase = b.stateDatabase;
    this.store = ChainStore.open(b.keyValueStore);
    this.helpers = new HelperThreads(b.recoveryThreads);
    this.finality = new Finality(store);
    BlockExecutor executor = new BlockExecutor(spec, b.processor, stateDatabase, store);
    BuildCache buildCache = new BuildCache();
    SideBranchExecutions sideExecutions = new SideBranchExecutions();
    HeadCommitter committer = new HeadCommitter(keyValueStore, stateDatabase, store, listeners);
    this.reorganisation =
        new Reorganisation(
            keyValueStore, stateDatabase, store, executor, sideExecutions, helpers, committer);
    this.importer =
        new BlockImporter(
            spec,
            keyValueStore,
            store,
            b.sealVerifier,
            b.forkChoiceRule,
            executor,
            buildCache,
            sideExecutions,
            helpers,
            committer,
            reorganisation);
    this.builder = new BlockBuilder(spec, store, executor, buildCache);
  }

  public static Builder builder(ChainSpec spec, KeyValueStore store, StateDatabase state) {
    return new Builder(spec, store, state);
  }

  // ---- reading (any thread)

  public ChainSpec spec() {
    return spec;
  }

  /** The stored chain, for readers on any thread. */
  public ChainReader reader() {
    return store;
  }

  @Override
  public BlockHeader head() {
    return store.head();
  }

  @Override
  public BlockHeader safe() {
    return store.safe();
  }

  @Override
  public BlockHeader finalized() {
    return store.finalized();
  }

  /**
   * The committed state after {@code header}'s block, as an immutable snapshot.
   *
   * @throws org.distli.state.UnknownStateRootException when that state is no longer kept
   */
  public StateReader stateAt(BlockHeader header) {
    return stateDatabase.at(header.stateRoot());
  }

  /** Registers a listener for head changes; see {@link ChainListener} for its thread. */
  public void addListener(ChainListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  public void removeListener(ChainListener listener) {
    listeners.remove(listener);
  }

  // ---- writing (through the writer thread)

  /**
   * Imports a block: checks that it descends from the finalized block, validates its header against
   * its parent, its seal and body, and lets the fork choice rule decide: the new head (executed,
   * checked and committed; a reorganisation when it is not a child of the head) or a side branch
   * (stored). Waits for the writer.
   *
   * @throws org.distli.chain.forkchoice.FinalizedConflictException when the block does not descend
   *     from the finalized block
   * @throws InvalidBlockException when the block is refused; nothing is written
   */
  public ImportResult importBlock(Block block) throws InvalidBlockException {
    return ChainWriter.await(submitBlock(block));
  }

  /**
   * Like {@link #importBlock} without waiting; the future fails with InvalidBlockException. The
   * work that needs no state (sender recovery, the transactions root) starts at once on the helper
   * threads, so submitting blocks ahead of the writer overlaps it with the writer's work.
   */
  public CompletableFuture<ImportResult> submitBlock(Block block) {
    List<Transaction> txs = block.transactions();
    SenderRecovery.Job recovery = helpers.senderRecovery().start(txs);
    Background<Hash> transactionsRoot =
        helpers.background(
            () -> {
              Hash root = BlockRoots.transactionsRoot(txs);
              txs.forEach(Transaction::hash); // the hashes the store indexes
              return root;
            });
    return writer.submit(() -> importer.importBlock(block, recovery, transactionsRoot));
  }

  /**
   * Builds a block on the current head: executes {@code candidates} in the given order, skipping
   * the ones that cannot be included (reported in the result) and the ones that no longer fit the
   * remaining gas, and fills in every root. Nothing is committed; import the (sealed) block to make
   * it the head, which then reuses this execution.
   */
  public BuiltBlock buildBlock(BlockTemplate template, Iterable<Transaction> candidates) {
    return writer.callUnchecked(() -> builder.build(template, candidates));
  }

  @Override
  public void setHead(Hash blockHash) throws InvalidBlockException {
    writer.call(
        () -> {
          BlockHeader header =
              store
                  .header(blockHash)
                  .orElseThrow(
                      () -> new IllegalArgumentException("block " + blockHash + " is unknown"));
          if (header.hash().equals(store.head().hash())) {
            return null;
          }
          if (store.isCanonical(blockHash)) {
            throw new IllegalArgumentException(
                "block #"
                    + header.number()
                    + " is an ancestor of the head: rewinding is not supported");
          }
          finality.requireDescendsFromFinalized(header);
          Block block = store.block(blockHash).orElseThrow();
          reorganisation.moveHeadTo(block, helpers.senderRecovery().start(block.transactions()));
          return null;
        });
  }

  @Override
  public void setSafeAndFinalized(Hash safe, Hash finalized) {
    writer.callUnchecked(
        () -> {
          Finality.Markers markers = finality.checkMarkers(safe, finalized);
          try (WriteBatch batch = keyValueStore.newBatch()) {
            store.stageMarkers(batch, null, markers.safe(), markers.finalized());
            batch.commit();
          }
          return null;
        });
  }

  /** Stops the writer after the tasks already submitted; the stores stay open (the caller's). */
  @Override
  public void close() {
    writer.close();
    helpers.close();
  }

  /** Assembles a {@link Blockchain}. */
  public static final class Builder {
    private final ChainSpec spec;
    private final KeyValueStore keyValueStore;
    private final StateDatabase stateDatabase;
    private GenesisBlock genesis;
    private SealVerifier sealVerifier = SealVerifier.NO_PROOF;
    private ForkChoiceRule forkChoiceRule = ForkChoiceRule.HIGHEST_BLOCK;
    private TransactionProcessor processor;
    private int recoveryThreads = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);

    private Builder(ChainSpec spec, KeyValueStore store, StateDatabase state) {
      this.spec = Objects.requireNonNull(spec);
      this.keyValueStore = Objects.requireNonNull(store);
      this.stateDatabase = Objects.requireNonNull(state);
    }

    /** The chain's genesis: written into an empty database, checked against a used one. */
    public Builder genesis(GenesisBlock genesis) {
      this.genesis = genesis;
      return this;
    }

    /** How headers' seals are checked; {@link SealVerifier#NO_PROOF} by default. */
    public Builder sealVerifier(SealVerifier verifier) {
      this.sealVerifier = Objects.requireNonNull(verifier);
      return this;
    }

    /** Which chain is the head; {@link ForkChoiceRule#HIGHEST_BLOCK} by default. */
    public Builder forkChoiceRule(ForkChoiceRule rule) {
      this.forkChoiceRule = Objects.requireNonNull(rule);
      return this;
    }

    public Builder transactionProcessor(TransactionProcessor processor) {
      this.processor = processor;
      return this;
    }

    /** Threads that recover senders beside the writer (default: cores - 1; 0 for none). */
    public Builder recoveryThreads(int threads) {
      this.recoveryThreads = threads;
      return this;
    }

    /**
     * Opens the chain, writing the genesis into an empty database.
     *
     * @throws IllegalStateException when the database holds a chain with another genesis
     */
    public Blockchain open() {
      Objects.requireNonNull(genesis, "genesis");
      if (processor == null) {
        processor = new TransactionProcessor();
      }
      Blockchain chain = new Blockchain(this);
      try {
        chain.writer.callUnchecked(
            () -> {
              ChainInitialisation.initialise(
                  chain.spec, chain.keyValueStore, chain.stateDatabase, chain.store, genesis);
              return null;
            });
      } catch (RuntimeException e) {
        chain.close();
        throw e;
      }
      return chain;
    }
  }
}
