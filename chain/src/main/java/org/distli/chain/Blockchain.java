package org.distli.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.distli.chain.block.BaseFee;
import org.distli.chain.block.BlobGas;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.GasLimit;
import org.distli.chain.block.Receipt;
import org.distli.chain.execution.AncestorHashes;
import org.distli.chain.execution.BlockExecution;
import org.distli.chain.execution.BlockExecutionResult;
import org.distli.chain.execution.SenderRecovery;
import org.distli.chain.spec.ChainRules;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainReader;
import org.distli.chain.store.ChainStore;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.validation.BlockRoots;
import org.distli.chain.validation.BodyValidator;
import org.distli.chain.validation.HeaderValidator;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.chain.validation.SealVerifier;
import org.distli.evm.Fork;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Hash;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateBackend;
import org.distli.state.StateDatabase;
import org.distli.state.StateReader;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain and its one writer: imports blocks (validate, execute, commit), builds blocks on the
 * head, moves the safe and finalized markers and tells listeners about new heads. Every mutation
 * runs on the single "chain-writer" thread, in submission order; callers from other threads get
 * futures (or wait, with the blocking variants). Readers use {@link #reader()} and {@link
 * #stateAt}, which only ever see committed data.
 *
 * <p>A block's headers, body, receipts, canonical index, head marker and state are written in one
 * atomic batch.
 */
public final class Blockchain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Blockchain.class);

  private final ChainSpec spec;
  private final KeyValueStore keyValueStore;
  private final StateDatabase stateDatabase;
  private final ChainStore store;
  private final SealVerifier sealVerifier;
  private final TransactionProcessor evm;
  private final ExecutorService writer;
  private final ExecutorService recoveryThreads;
  private final SenderRecovery senderRecovery;
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Thread writerThread;

  /** The last block built here, so that importing it (sealed) needs no second execution. */
  private Prepared lastBuilt;

  private record Prepared(ExecutionKey key, BlockExecutionResult result, Hash stateRoot) {}

  /** The header fields execution depends on: equal keys mean equal execution results. */
  private record ExecutionKey(
      Hash parentHash,
      Hash transactionsRoot,
      Object coinbase,
      long number,
      long timestamp,
      long gasLimit,
      Object baseFee,
      Hash mixHash,
      Object withdrawalsRoot,
      Object parentBeaconBlockRoot,
      Object excessBlobGas) {
    static ExecutionKey of(BlockHeader h) {
      return new ExecutionKey(
          h.parentHash(),
          h.transactionsRoot(),
          h.coinbase(),
          h.number(),
          h.timestamp(),
          h.gasLimit(),
          h.baseFee().orElse(null),
          h.mixHash(),
          h.withdrawalsRoot().orElse(null),
          h.parentBeaconBlockRoot().orElse(null),
          h.excessBlobGas().isPresent() ? h.excessBlobGas().getAsLong() : null);
    }
  }

  private Blockchain(Builder b) {
    this.spec = b.spec;
    this.keyValueStore = b.keyValueStore;
    this.stateDatabase = b.stateDatabase;
    this.store = ChainStore.open(b.keyValueStore);
    this.sealVerifier = b.sealVerifier;
    this.evm = b.evm;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "chain-writer");
              t.setDaemon(true);
              writerThread = t;
              return t;
            });
    int threads = Math.max(0, b.recoveryThreads);
    AtomicInteger counter = new AtomicInteger();
    this.recoveryThreads =
        threads == 0
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "sender-recovery-" + counter.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
    this.senderRecovery = new SenderRecovery(recoveryThreads, threads);
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

  /** The canonical head. */
  public BlockHeader head() {
    return store.head();
  }

  /**
   * The committed state after {@code header}'s block, as an immutable snapshot.
   *
   * @throws org.distli.state.UnknownStateRootException when that state is no longer kept
   */
  public StateReader stateAt(BlockHeader header) {
    return stateDatabase.at(header.stateRoot());
  }

  public void addListener(ChainListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  public void removeListener(ChainListener listener) {
    listeners.remove(listener);
  }

  // ---- writing (through the writer thread)

  /**
   * Imports a block: validates its header against its parent, its seal and body, executes it on its
   * parent's state, checks every result the header commits to, and commits it as the new head
   * (reorganising when it is not a child of the current head). Waits for the writer.
   *
   * @throws InvalidBlockException when the block is refused; nothing is written
   */
  public ImportResult importBlock(Block block) throws InvalidBlockException {
    try {
      return await(submitBlock(block));
    } catch (CompletionException e) {
      if (e.getCause() instanceof InvalidBlockException invalid) {
        throw invalid;
      }
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /**
   * Like {@link #importBlock} without waiting; the future fails with InvalidBlockException. The
   * work that needs no state (sender recovery, the transactions root) starts at once on the helper
   * threads, so submitting blocks ahead of the writer overlaps it with the writer's work.
   */
  public CompletableFuture<ImportResult> submitBlock(Block block) {
    List<Transaction> txs = block.transactions();
    SenderRecovery.Job recovery = senderRecovery.start(txs);
    Background<Hash> transactionsRoot =
        background(
            () -> {
              Hash root = BlockRoots.transactionsRoot(txs);
              txs.forEach(Transaction::hash); // the hashes the store indexes
              return root;
            });
    return onWriter(() -> doImport(block, recovery, transactionsRoot));
  }

  /**
   * Builds a block on the current head: executes {@code candidates} in the given order, skipping
   * the ones that cannot be included (reported in the result) and the ones that no longer fit the
   * remaining gas, and fills in every root. Nothing is committed; import the (sealed) block to make
   * it the head, which then reuses this execution.
   */
  public BuiltBlock buildBlock(BlockTemplate template, Iterable<Transaction> candidates) {
    try {
      return await(onWriter(() -> doBuild(template, candidates)));
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  /**
   * Makes a stored block the head: the consensus chose it. A block on a side branch becomes
   * canonical with its branch (re-executed from the fork point); the current head is a no-op.
   *
   * @throws IllegalArgumentException for an unknown block, or a canonical ancestor of the head
   *     (rewinding the chain is not supported)
   * @throws InvalidBlockException when re-executing the branch fails
   */
  public void setHead(Hash blockHash) throws InvalidBlockException {
    try {
      await(
          onWriter(
              () -> {
                doSetHead(blockHash);
                return null;
              }));
    } catch (CompletionException e) {
      if (e.getCause() instanceof InvalidBlockException invalid) {
        throw invalid;
      }
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private void doSetHead(Hash blockHash) throws InvalidBlockException {
    BlockHeader header =
        store
            .header(blockHash)
            .orElseThrow(() -> new IllegalArgumentException("block " + blockHash + " is unknown"));
    if (header.hash().equals(store.head().hash())) {
      return;
    }
    if (store.isCanonical(blockHash)) {
      throw new IllegalArgumentException(
          "block #" + header.number() + " is an ancestor of the head: rewinding is not supported");
    }
    replayBranch(header);
  }

  /**
   * Moves the safe and finalized markers (null keeps one). Both must be canonical, finalized no
   * later than safe, safe no later than the head.
   *
   * @throws IllegalArgumentException otherwise
   */
  public void setSafeAndFinalized(Hash safe, Hash finalized) {
    try {
      await(
          onWriter(
              () -> {
                doSetMarkers(safe, finalized);
                return null;
              }));
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private <T> CompletableFuture<T> onWriter(Callable<T> task) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (Thread.currentThread() == writerThread) {
      complete(future, task);
      return future;
    }
    writer.execute(() -> complete(future, task));
    return future;
  }

  private static <T> void complete(CompletableFuture<T> future, Callable<T> task) {
    try {
      future.complete(task.call());
    } catch (Throwable t) {
      future.completeExceptionally(t);
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    }
  }

  // ---- on the writer thread

  /** Writes the genesis block and state into an empty database, or checks the stored one. */
  private void initialize(GenesisBlock genesis) {
    if (store.isEmpty()) {
      try (WriteBatch batch = keyValueStore.newBatch()) {
        Hash root = stateDatabase.commit(Hash.EMPTY_TRIE_ROOT, genesis.state(), 0, batch);
        if (!root.equals(genesis.block().header().stateRoot())) {
          throw new IllegalStateException(
              "genesis state root "
                  + root
                  + " differs from the header's "
                  + genesis.block().header().stateRoot());
        }
        store.stageGenesis(batch, genesis.block());
        store.stageRules(batch, ChainRules.of(spec));
        batch.commit();
      }
      LOG.debug("Initialized the chain with genesis block {}", genesis.block().hash());
      return;
    }
    if (!store.genesis().hash().equals(genesis.block().hash())) {
      throw new IllegalStateException(
          "the database holds another chain: its genesis is "
              + store.genesis().hash()
              + ", the configured genesis is "
              + genesis.block().hash());
    }
    ChainRules configured = ChainRules.of(spec);
    Optional<ChainRules> stored = store.rules();
    if (stored.isEmpty()) {
      // A database from before the rules were stored: they are recorded from now on.
      try (WriteBatch batch = keyValueStore.newBatch()) {
        store.stageRules(batch, configured);
        batch.commit();
      }
      return;
    }
    List<String> differences = stored.get().differencesFrom(configured);
    if (!differences.isEmpty()) {
      throw new IllegalStateException(
          "the genesis configuration differs from the one this database was created with: "
              + String.join("; ", differences)
              + " (start with the original genesis, or use another data directory for a new"
              + " chain)");
    }
  }

  private ImportResult doImport(
      Block block, SenderRecovery.Job recovery, Background<Hash> transactionsRoot)
      throws InvalidBlockException {
    BlockHeader header = block.header();
    if (store.header(block.hash()).isPresent()) {
      return new ImportResult(block, store.receipts(block.hash()).orElse(List.of()), true);
    }
    BlockHeader parent =
        store
            .header(header.parentHash())
            .orElseThrow(
                () -> new InvalidBlockException("unknown ancestor " + header.parentHash()));
    HeaderValidator.validate(spec, header, parent);
    sealVerifier.verify(header, parent);
    Fork fork = spec.forkAt(header.number(), header.timestamp());
    BodyValidator.validateExceptTransactionsRoot(spec, block, fork);

    if (!store.isCanonical(parent.hash())) {
      replayBranch(parent);
    }
    Prepared prepared = lastBuilt;
    lastBuilt = null;
    BlockExecutionResult result;
    Hash knownRoot = null;
    if (prepared != null && prepared.key.equals(ExecutionKey.of(header))) {
      result = prepared.result;
      knownRoot = prepared.stateRoot;
    } else {
      try {
        result = execute(block, parent, recovery);
      } catch (InvalidBlockException executionFailed) {
        // a body that does not match its header is the better explanation
        checkTransactionsRoot(header, transactionsRoot.get());
        throw executionFailed;
      }
    }
    checkTransactionsRoot(header, transactionsRoot.get());
    if (result.gasUsed() != header.gasUsed()) {
      throw new InvalidBlockException(
          "invalid gas used (remote: " + header.gasUsed() + " local: " + result.gasUsed() + ")");
    }
    if (!result.logsBloom().equals(header.logsBloom())) {
      throw new InvalidBlockException(
          "invalid bloom (remote: " + header.logsBloom() + " local: " + result.logsBloom() + ")");
    }
    List<Receipt> receipts = result.receipts();
    Background<Hash> receiptsRoot = background(() -> BlockRoots.receiptsRoot(receipts));
    commit(block, parent, result, knownRoot, receiptsRoot);
    return new ImportResult(block, result.receipts(), false);
  }

  private static void checkTransactionsRoot(BlockHeader header, Hash computed)
      throws InvalidBlockException {
    if (!computed.equals(header.transactionsRoot())) {
      throw new InvalidBlockException(
          "transaction root hash mismatch (header value "
              + header.transactionsRoot()
              + ", calculated "
              + computed
              + ")");
    }
  }

  /** A value computed on a helper thread (or on demand when there is none). */
  private interface Background<T> {
    T get();
  }

  /**
   * Runs {@code task} on a helper thread, or on the thread that asks for the result if no helper
   * has started it by then: a result the writer waits for never queues behind other helper work.
   */
  private <T> Background<T> background(Callable<T> task) {
    StealableTask<T> stealable = new StealableTask<>(task);
    if (recoveryThreads != null) {
      recoveryThreads.execute(stealable::runIfUnclaimed);
    }
    return stealable::get;
  }

  /** A task run once, by a helper or by whoever needs its result first. */
  private static final class StealableTask<T> {
    private final Callable<T> task;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    StealableTask(Callable<T> task) {
      this.task = task;
    }

    void runIfUnclaimed() {
      if (claimed.compareAndSet(false, true)) {
        complete(result, task);
      }
    }

    T get() {
      runIfUnclaimed();
      try {
        return result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Makes a stored side branch canonical up to {@code tip}, re-executing its blocks from the fork
   * point: only the canonical chain's states are committed, so a block building on a side branch
   * needs that branch's states first.
   */
  private void replayBranch(BlockHeader tip) throws InvalidBlockException {
    List<BlockHeader> branch = new ArrayList<>();
    BlockHeader cursor = tip;
    while (!store.isCanonical(cursor.hash())) {
      branch.add(cursor);
      BlockHeader child = cursor;
      cursor =
          store
              .header(cursor.parentHash())
              .orElseThrow(
                  () -> new IllegalStateException("stored block without parent: " + child.hash()));
    }
    Collections.reverse(branch);
    for (BlockHeader header : branch) {
      Block block = store.block(header.hash()).orElseThrow();
      BlockHeader parent = store.header(header.parentHash()).orElseThrow();
      commit(
          block,
          parent,
          execute(block, parent, senderRecovery.start(block.transactions())),
          null,
          null);
    }
  }

  private BlockExecutionResult execute(Block block, BlockHeader parent, SenderRecovery.Job recovery)
      throws InvalidBlockException {
    StateBackend parentState = parentState(parent);
    recovery.finish();
    JournaledWorldState state = new JournaledWorldState(parentState);
    BlockExecution execution =
        BlockExecution.begin(spec, evm, block.header(), state, ancestors(parent), Tracer.NONE);
    List<Transaction> txs = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      try {
        execution.apply(txs.get(i));
      } catch (InvalidTransactionException invalid) {
        throw new InvalidBlockException(
            "could not apply tx " + i + " [" + txs.get(i).hash() + "]: " + invalid.getMessage(),
            invalid);
      }
    }
    return execution.finish(block.body().withdrawals().orElse(null));
  }

  private StateBackend parentState(BlockHeader parent) throws InvalidBlockException {
    if (!stateDatabase.isAvailable(parent.stateRoot())) {
      throw new InvalidBlockException(
          "missing state of parent block #" + parent.number() + " " + parent.hash() + " (pruned)");
    }
    return stateDatabase.at(parent.stateRoot());
  }

  private AncestorHashes ancestors(BlockHeader parent) {
    return new AncestorHashes(parent, hash -> store.header(hash).orElse(null));
  }

  /**
   * Writes the block, its receipts and its state, makes it the head (reorganising if needed) and
   * tells the listeners.
   */
  private void commit(
      Block block,
      BlockHeader parent,
      BlockExecutionResult result,
      Hash knownRoot,
      Background<Hash> receiptsRoot)
      throws InvalidBlockException {
    BlockHeader header = block.header();
    BlockHeader oldHead = store.head();
    List<ChainEvent.BlockWithReceipts> added = new ArrayList<>();
    List<ChainEvent.BlockWithReceipts> removed = new ArrayList<>();
    try (WriteBatch batch = keyValueStore.newBatch()) {
      // a block built here already knows its root: a mismatch needs no second trie pass
      Hash root =
          knownRoot != null && !knownRoot.equals(header.stateRoot())
              ? knownRoot
              : commitState(parent, header, result, batch);
      if (receiptsRoot != null && !receiptsRoot.get().equals(header.receiptsRoot())) {
        throw new InvalidBlockException(
            "invalid receipt root hash (remote: "
                + header.receiptsRoot()
                + " local: "
                + receiptsRoot.get()
                + ")");
      }
      if (!root.equals(header.stateRoot())) {
        throw new InvalidBlockException(
            "invalid merkle root (remote: " + header.stateRoot() + " local: " + root + ")");
      }
      store.stageBlock(batch, block, result.receipts());
      if (parent.hash().equals(oldHead.hash())) {
        store.stageCanonical(batch, block);
      } else {
        reorganise(batch, block, oldHead, added, removed);
      }
      added.add(new ChainEvent.BlockWithReceipts(block, result.receipts()));
      store.stageMarkers(batch, header, null, null);
      batch.commit();
    }
    notifyListeners(new ChainEvent(header, added, removed));
  }

  private Hash commitState(
      BlockHeader parent, BlockHeader header, BlockExecutionResult result, WriteBatch batch) {
    try {
      return stateDatabase.commit(
          parent.stateRoot(), result.stateChanges(), header.number(), batch);
    } catch (IllegalArgumentException refused) {
      // the state database keeps a window of recent states: a reorganisation deeper than that
      // cannot be committed
      throw new IllegalStateException(
          "cannot make block #"
              + header.number()
              + " "
              + header.hash()
              + " the head: "
              + refused.getMessage(),
          refused);
    }
  }

  /**
   * Stages the canonical index for a head on another branch: the blocks from the common ancestor to
   * the new head's parent become canonical, the old branch's blocks above the ancestor leave.
   */
  private void reorganise(
      WriteBatch batch,
      Block newHead,
      BlockHeader oldHead,
      List<ChainEvent.BlockWithReceipts> added,
      List<ChainEvent.BlockWithReceipts> removed) {
    List<Block> newBranch = new ArrayList<>();
    BlockHeader newCursor = store.header(newHead.header().parentHash()).orElseThrow();
    BlockHeader oldCursor = oldHead;
    while (newCursor.number() > oldCursor.number()) {
      newBranch.add(store.block(newCursor.hash()).orElseThrow());
      newCursor = store.header(newCursor.parentHash()).orElseThrow();
    }
    while (oldCursor.number() > newCursor.number()) {
      removeFromCanonical(batch, oldCursor, newHead.number(), removed);
      oldCursor = store.header(oldCursor.parentHash()).orElseThrow();
    }
    while (!oldCursor.hash().equals(newCursor.hash())) {
      removeFromCanonical(batch, oldCursor, newHead.number(), removed);
      newBranch.add(store.block(newCursor.hash()).orElseThrow());
      oldCursor = store.header(oldCursor.parentHash()).orElseThrow();
      newCursor = store.header(newCursor.parentHash()).orElseThrow();
    }
    Collections.reverse(newBranch);
    for (Block block : newBranch) {
      store.stageCanonical(batch, block);
      added.add(
          new ChainEvent.BlockWithReceipts(block, store.receipts(block.hash()).orElse(List.of())));
    }
    store.stageCanonical(batch, newHead);
    LOG.info(
        "Chain reorganisation: {} block(s) dropped, {} added, common ancestor #{} {}",
        removed.size(),
        newBranch.size() + 1,
        oldCursor.number(),
        oldCursor.hash());
  }

  private void removeFromCanonical(
      WriteBatch batch,
      BlockHeader header,
      long newHeadNumber,
      List<ChainEvent.BlockWithReceipts> removed) {
    Block block = store.block(header.hash()).orElseThrow();
    store.stageNonCanonical(batch, block, header.number() <= newHeadNumber);
    removed.add(
        new ChainEvent.BlockWithReceipts(block, store.receipts(header.hash()).orElse(List.of())));
  }

  private BuiltBlock doBuild(BlockTemplate template, Iterable<Transaction> candidates)
      throws InvalidBlockException {
    BlockHeader parent = store.head();
    long number = parent.number() + 1;
    Fork fork = spec.forkAt(number, template.timestamp());
    long gasLimit = GasLimit.towards(parent.gasLimit(), template.desiredGasLimit());
    BlockHeader.Builder header =
        BlockHeader.builder()
            .parentHash(parent.hash())
            .coinbase(template.coinbase())
            .number(number)
            .gasLimit(gasLimit)
            .timestamp(template.timestamp())
            .extraData(template.extraData())
            .mixHash(template.prevRandao())
            .baseFee(BaseFee.forChild(spec, parent, fork));
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      header.withdrawalsRoot(BlockRoots.withdrawalsRoot(template.withdrawals()));
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      header
          .blobGasUsed(0L)
          .excessBlobGas(BlobGas.excessForChild(parent, fork))
          .parentBeaconBlockRoot(template.parentBeaconBlockRoot());
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      header.requestsHash(GenesisBlock.EMPTY_REQUESTS_HASH);
    }
    StateBackend parentState = parentState(parent);
    JournaledWorldState state = new JournaledWorldState(parentState);
    BlockExecution execution =
        BlockExecution.begin(spec, evm, header.build(), state, ancestors(parent), Tracer.NONE);
    List<Transaction> included = new ArrayList<>();
    List<BuiltBlock.Skipped> skipped = new ArrayList<>();
    for (Transaction tx : candidates) {
      if (execution.gasRemaining() < 21_000) {
        break;
      }
      if (Long.compareUnsigned(tx.gasLimit(), execution.gasRemaining()) > 0) {
        continue; // may fit a later block
      }
      try {
        execution.apply(tx);
        included.add(tx);
      } catch (InvalidTransactionException invalid) {
        skipped.add(new BuiltBlock.Skipped(tx, invalid));
      }
    }
    BlockExecutionResult result =
        execution.finish(fork.isAtLeast(Fork.SHANGHAI) ? template.withdrawals() : null);
    Hash stateRoot = parentState.rootAfter(result.stateChanges());
    header
        .stateRoot(stateRoot)
        .transactionsRoot(BlockRoots.transactionsRoot(included))
        .receiptsRoot(BlockRoots.receiptsRoot(result.receipts()))
        .logsBloom(result.logsBloom())
        .gasUsed(result.gasUsed());
    if (fork.isAtLeast(Fork.CANCUN)) {
      header.blobGasUsed(result.blobGasUsed());
    }
    BlockHeader built = header.build();
    Block block =
        new Block(
            built,
            BlockBody.of(included, fork.isAtLeast(Fork.SHANGHAI) ? template.withdrawals() : null));
    lastBuilt = new Prepared(ExecutionKey.of(built), result, stateRoot);
    return new BuiltBlock(block, result.receipts(), skipped);
  }

  private void doSetMarkers(Hash safeHash, Hash finalizedHash) {
    BlockHeader head = store.head();
    BlockHeader safe = safeHash == null ? null : canonicalAtMost(safeHash, head, "safe");
    BlockHeader finalized =
        finalizedHash == null
            ? null
            : canonicalAtMost(finalizedHash, safe == null ? store.safe() : safe, "finalized");
    try (WriteBatch batch = keyValueStore.newBatch()) {
      store.stageMarkers(batch, null, safe, finalized);
      batch.commit();
    }
  }

  private BlockHeader canonicalAtMost(Hash hash, BlockHeader limit, String what) {
    BlockHeader header =
        store
            .header(hash)
            .orElseThrow(
                () -> new IllegalArgumentException(what + " block " + hash + " is unknown"));
    if (!store.isCanonical(hash)) {
      throw new IllegalArgumentException(what + " block " + hash + " is not canonical");
    }
    if (header.number() > limit.number()) {
      throw new IllegalArgumentException(
          what + " block #" + header.number() + " is after #" + limit.number());
    }
    return header;
  }

  private void notifyListeners(ChainEvent event) {
    for (ChainListener listener : listeners) {
      try {
        listener.onHeadChanged(event);
      } catch (RuntimeException e) {
        LOG.warn("chain listener {} failed on head #{}", listener, event.head().number(), e);
      }
    }
  }

  /** Stops the writer after the tasks already submitted; the stores stay open (the caller's). */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the chain writer did not finish within 30s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (recoveryThreads != null) {
      recoveryThreads.shutdownNow();
    }
  }

  /** Assembles a {@link Blockchain}. */
  public static final class Builder {
    private final ChainSpec spec;
    private final KeyValueStore keyValueStore;
    private final StateDatabase stateDatabase;
    private GenesisBlock genesis;
    private SealVerifier sealVerifier = SealVerifier.NO_PROOF;
    private TransactionProcessor evm;
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

    public Builder transactionProcessor(TransactionProcessor processor) {
      this.evm = processor;
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
      if (evm == null) {
        evm = new TransactionProcessor();
      }
      Blockchain chain = new Blockchain(this);
      try {
        await(
            chain.onWriter(
                () -> {
                  chain.initialize(genesis);
                  return null;
                }));
      } catch (CompletionException e) {
        chain.close();
        throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
      }
      return chain;
    }
  }
}
