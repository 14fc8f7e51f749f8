package org.distli.chain;

import java.util.List;
import org.distli.chain.HelperThreads.Background;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.execution.SenderRecovery;
import org.distli.chain.forkchoice.Finality;
import org.distli.chain.forkchoice.ForkChoiceRule;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainStore;
import org.distli.chain.validation.BlockRoots;
import org.distli.chain.validation.BodyValidator;
import org.distli.chain.validation.HeaderValidator;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.chain.validation.SealVerifier;
import org.distli.evm.Fork;
import org.distli.primitives.Hash;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one block on the writer thread: refuses what conflicts with finality or breaks a rule,
 * then lets the fork choice rule decide where the block goes.
 *
 * <ol>
 *   <li>a stored block is already known; an unknown parent is refused;
 *   <li>the block must descend from the finalized block ({@link Finality}), else {@link
 *       org.distli.chain.forkchoice.FinalizedConflictException};
 *   <li>header against parent, seal, body (everything that needs no state);
 *   <li>preferred by the rule and a child of the head: executed, checked and committed as the head
 *       (reusing the execution of a block built here); preferred elsewhere: a reorganisation;
 *   <li>not preferred: stored on its side branch. If its parent's state is committed (the parent is
 *       canonical) it is executed and fully checked now, so an invalid block is refused at once and
 *       its execution is kept for a reorganisation onto it; otherwise (a side branch's second block
 *       on) only its stateless checks run now and it is executed when its branch becomes canonical:
 *       the state database holds the canonical history only, so executing it now would mean
 *       executing its branch again from the fork point.
 * </ol>
 */
final class BlockImporter {
  private static final Logger LOG = LoggerFactory.getLogger(BlockImporter.class);

  private final ChainSpec spec;
  private final KeyValueStore keyValueStore;
  private final ChainStore store;
  private final SealVerifier sealVerifier;
  private final ForkChoiceRule rule;
  private final Finality finality;
  private final BlockExecutor executor;
  private final BuildCache buildCache;
  private final SideBranchExecutions sideExecutions;
  private final HelperThreads helpers;
  private final HeadCommitter committer;
  private final Reorganisation reorganisation;

  BlockImporter(
      ChainSpec spec,
      KeyValueStore keyValueStore,
      ChainStore store,
      SealVerifier sealVerifier,
      ForkChoiceRule rule,
      BlockExecutor executor,
      BuildCache buildCache,
      SideBranchExecutions sideExecutions,
      HelperThreads helpers,
      HeadCommitter committer,
      Reorganisation reorganisation) {
    this.spec = spec;
    this.keyValueStore = keyValueStore;
    this.store = store;
    this.sealVerifier = sealVerifier;
    this.rule = rule;
    this.finality = new Finality(store);
    this.executor = executor;
    this.buildCache = buildCache;
    this.sideExecutions = sideExecutions;
    this.helpers = helpers;
    this.committer = committer;
    this.reorganisation = reorganisation;
  }

  /**
   * @param recovery the sender recovery started when the block was submitted
   * @param transactionsRoot the transactions root, computed beside the writer
   */
  ImportResult importBlock(
      Block block, SenderRecovery.Job recovery, Background<Hash> transactionsRoot)
      throws InvalidBlockException {
    BlockHeader header = block.header();
    if (store.header(block.hash()).isPresent()) {
      return new ImportResult(
          block, store.receipts(block.hash()).orElse(List.of()), ImportResult.Status.ALREADY_KNOWN);
    }
    BlockHeader parent =
        store
            .header(header.parentHash())
            .orElseThrow(
                () -> new InvalidBlockException("unknown ancestor " + header.parentHash()));
    finality.requireDescendsFromFinalized(header, parent);
    HeaderValidator.validate(spec, header, parent);
    sealVerifier.verify(header, parent);
    Fork fork = spec.forkAt(header.number(), header.timestamp());
    BodyValidator.validateExceptTransactionsRoot(spec, block, fork);
    ExecutedBlock built = buildCache.take(header);

    BlockHeader head = store.head();
    if (!rule.prefers(header, head)) {
      return storeOnSideBranch(block, parent, recovery, transactionsRoot);
    }
    if (!parent.hash().equals(head.hash())) {
      BlockExecutor.checkTransactionsRoot(header, transactionsRoot.get());
      ChainEvent event = reorganisation.moveHeadTo(block, recovery);
      return new ImportResult(block, event.added().getLast().receipts(), ImportResult.Status.HEAD);
    }
    ExecutedBlock executed = built;
    if (executed == null) {
      try {
        executed = executor.execute(block, parent, recovery);
      } catch (InvalidBlockException executionFailed) {
        // a body that does not match its header is the better explanation
        BlockExecutor.checkTransactionsRoot(header, transactionsRoot.get());
        throw executionFailed;
      }
    }
    BlockExecutor.checkTransactionsRoot(header, transactionsRoot.get());
    BlockExecutor.checkGasAndBloom(header, executed.result());
    List<Receipt> receipts = executed.result().receipts();
    committer.commitHead(
        block,
        parent,
        executed,
        helpers.background(() -> BlockRoots.receiptsRoot(receipts)),
        List.of());
    return new ImportResult(block, receipts, ImportResult.Status.HEAD);
  }

  private ImportResult storeOnSideBranch(
      Block block, BlockHeader parent, SenderRecovery.Job recovery, Background<Hash> txRoot)
      throws InvalidBlockException {
    BlockExecutor.checkTransactionsRoot(block.header(), txRoot.get());
    ExecutedBlock executed = null;
    if (store.isCanonical(parent.hash()) && executor.hasState(parent)) {
      executed = executor.verify(block, parent, recovery);
    }
    List<Receipt> receipts = executed == null ? null : executed.result().receipts();
    try (WriteBatch batch = keyValueStore.newBatch()) {
      store.stageBlock(batch, block, receipts);
      batch.commit();
    }
    if (executed != null) {
      sideExecutions.remember(block.hash(), executed);
    }
    LOG.debug(
        "Stored block #{} {} on a side branch ({}); the head stays #{}",
        block.number(),
        block.hash(),
        executed == null ? "executed when its branch is chosen" : "executed",
        store.head().number());
    return new ImportResult(
        block, receipts == null ? List.of() : receipts, ImportResult.Status.SIDE_BRANCH);
  }
}
