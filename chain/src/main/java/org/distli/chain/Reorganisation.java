package org.distli.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.distli.chain.HeadCommitter.BranchBlock;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.execution.SenderRecovery;
import org.distli.chain.store.ChainStore;
import org.distli.chain.validation.BlockRoots;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.primitives.Hash;
import org.distli.state.StateDatabase;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the head to a block whose parent is not the head: a longer branch the fork choice rule
 * prefers, or a block the consensus chose with {@link Blockchain#setHead}.
 *
 * <p>The state database keeps one history, the canonical chain's, so a branch's blocks get their
 * state when the branch becomes canonical: from the canonical fork point up, each branch block's
 * state is committed in turn (reusing the execution done when it was imported, if still held, else
 * executing it), without moving the canonical index or the head; the new head's batch then moves
 * the index, the head marker and the safe marker at once, and the listeners hear of one change. If
 * a branch block proves invalid, the canonical chain's states are committed again from the fork
 * point (the head never moved), the invalid block and its stored descendants on the branch are
 * deleted, and the import or {@code setHead} fails with the reason. During a reorganisation the old
 * head's state may be unreadable for new readers (snapshots already held stay readable).
 */
final class Reorganisation {
  private static final Logger LOG = LoggerFactory.getLogger(Reorganisation.class);

  private final KeyValueStore keyValueStore;
  private final StateDatabase states;
  private final ChainStore store;
  private final BlockExecutor executor;
  private final SideBranchExecutions sideExecutions;
  private final HelperThreads helpers;
  private final HeadCommitter committer;

  Reorganisation(
      KeyValueStore keyValueStore,
      StateDatabase states,
      ChainStore store,
      BlockExecutor executor,
      SideBranchExecutions sideExecutions,
      HelperThreads helpers,
      HeadCommitter committer) {
    this.keyValueStore = keyValueStore;
    this.states = states;
    this.store = store;
    this.executor = executor;
    this.sideExecutions = sideExecutions;
    this.helpers = helpers;
    this.committer = committer;
  }

  /**
   * Makes {@code tip} the head with its branch.
   *
   * @param tip a block whose header and body are valid against its stored parent; stored already or
   *     not
   * @param recovery the sender recovery of {@code tip}'s transactions
   * @throws InvalidBlockException when a block of the branch or the tip is invalid; the head is
   *     unchanged
   */
  ChainEvent moveHeadTo(Block tip, SenderRecovery.Job recovery) throws InvalidBlockException {
    BlockHeader parent = store.header(tip.header().parentHash()).orElseThrow();
    List<BlockHeader> branch = sideAncestors(parent);
    BlockHeader forkPoint =
        branch.isEmpty() ? parent : store.header(branch.getFirst().parentHash()).orElseThrow();
    if (!executor.hasState(forkPoint)) {
      throw new InvalidBlockException(
          "cannot make block #"
              + tip.number()
              + " "
              + tip.hash()
              + " the head: the state of the common ancestor #"
              + forkPoint.number()
              + " is no longer kept");
    }
    BlockHeader oldHead = store.head();
    List<BranchBlock> committed = new ArrayList<>();
    try {
      for (BlockHeader header : branch) {
        committed.add(commitBranchState(store.block(header.hash()).orElseThrow()));
      }
      ExecutedBlock executed = sideExecutions.take(tip.hash());
      if (executed != null) {
        // verified when it was imported
        return committer.commitHead(tip, parent, executed, null, committed);
      }
      executed = executor.execute(tip, parent, recovery);
      BlockExecutor.checkGasAndBloom(tip.header(), executed.result());
      List<Receipt> receipts = executed.result().receipts();
      return committer.commitHead(
          tip,
          parent,
          executed,
          helpers.background(() -> BlockRoots.receiptsRoot(receipts)),
          committed);
    } catch (InvalidBlockException invalid) {
      if (!committed.isEmpty()) {
        restoreCanonicalStates(forkPoint, oldHead);
      }
      int failed = committed.size();
      List<BlockHeader> invalidBlocks = new ArrayList<>(branch.subList(failed, branch.size()));
      invalidBlocks.add(tip.header());
      deleteStored(invalidBlocks);
      throw invalid;
    }
  }

  /** The stored non-canonical ancestors of {@code parent}, itself included, oldest first. */
  private List<BlockHeader> sideAncestors(BlockHeader parent) {
    List<BlockHeader> branch = new ArrayList<>();
    BlockHeader cursor = parent;
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
    return branch;
  }

  /** Executes (unless its execution is held) and commits one branch block's state. */
  private BranchBlock commitBranchState(Block block) throws InvalidBlockException {
    BlockHeader header = block.header();
    BlockHeader parent = store.header(header.parentHash()).orElseThrow();
    ExecutedBlock executed = sideExecutions.take(block.hash());
    if (executed == null) {
      executed =
          executor.execute(block, parent, helpers.senderRecovery().start(block.transactions()));
      BlockExecutor.checkGasAndBloom(header, executed.result());
      BlockExecutor.checkReceiptsRoot(
          header, BlockRoots.receiptsRoot(executed.result().receipts()));
    }
    List<Receipt> receipts = executed.result().receipts();
    try (WriteBatch batch = keyValueStore.newBatch()) {
      Hash root = HeadCommitter.commitState(states, parent, header, executed.result(), batch);
      BlockExecutor.checkStateRoot(header, root);
      if (store.receipts(block.hash()).isEmpty()) {
        store.stageReceipts(batch, block, receipts);
      }
      batch.commit();
    }
    return new BranchBlock(block, receipts, executed.state());
  }

  /**
   * Commits the canonical chain's states again from the fork point up to the head, after a failed
   * reorganisation committed some of another branch's. Those blocks were valid before, so this
   * cannot fail but for a broken database.
   */
  private void restoreCanonicalStates(BlockHeader forkPoint, BlockHeader head) {
    List<BlockHeader> canonical = new ArrayList<>();
    for (BlockHeader cursor = head;
        cursor.number() > forkPoint.number();
        cursor = store.header(cursor.parentHash()).orElseThrow()) {
      canonical.add(cursor);
    }
    Collections.reverse(canonical);
    for (BlockHeader header : canonical) {
      Block block = store.block(header.hash()).orElseThrow();
      BlockHeader parent = store.header(header.parentHash()).orElseThrow();
      try (WriteBatch batch = keyValueStore.newBatch()) {
        ExecutedBlock executed =
            executor.execute(block, parent, helpers.senderRecovery().start(block.transactions()));
        Hash root = HeadCommitter.commitState(states, parent, header, executed.result(), batch);
        BlockExecutor.checkStateRoot(header, root);
        batch.commit();
      } catch (InvalidBlockException e) {
        throw new IllegalStateException(
            "could not restore the state of canonical block #" + header.number(), e);
      }
    }
    LOG.warn(
        "Reorganisation abandoned: the canonical chain's state from #{} on was committed again",
        forkPoint.number() + 1);
  }

  /** Deletes the stored blocks among {@code headers} (invalid ones and their descendants). */
  private void deleteStored(List<BlockHeader> headers) {
    try (WriteBatch batch = keyValueStore.newBatch()) {
      int deleted = 0;
      for (BlockHeader header : headers) {
        if (store.header(header.hash()).isPresent() && !store.isCanonical(header.hash())) {
          store.stageRemoval(batch, header);
          deleted++;
        }
      }
      if (deleted > 0) {
        batch.commit();
        LOG.warn("Deleted {} stored side-branch block(s) found invalid", deleted);
      }
    }
  }
}
