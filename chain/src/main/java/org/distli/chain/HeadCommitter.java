package org.distli.chain;

import java.util.ArrayList;
import java.util.List;
import org.distli.chain.HelperThreads.Background;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.execution.BlockExecutionResult;
import org.distli.chain.store.ChainStore;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.primitives.Hash;
import org.distli.state.StateDatabase;
import org.distli.state.WorldState;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an executed block the head in one atomic batch: its state, its header, body and receipts,
 * the canonical index (moved from the old branch to the new one on a reorganisation) and the head
 * marker; then tells the listeners. Writer thread only.
 */
final class HeadCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(HeadCommitter.class);

  /**
   * A block of the new branch below the new head, already executed and its state committed by the
   * reorganisation: it becomes canonical in the head's batch.
   */
  record BranchBlock(Block block, List<Receipt> receipts, WorldState state) {}

  private final KeyValueStore keyValueStore;
  private final StateDatabase states;
  private final ChainStore store;
  private final ChainListeners listeners;

  HeadCommitter(
      KeyValueStore keyValueStore,
      StateDatabase states,
      ChainStore store,
      ChainListeners listeners) {
    this.keyValueStore = keyValueStore;
    this.states = states;
    this.store = store;
    this.listeners = listeners;
  }

  /**
   * Commits {@code block} as the head.
   *
   * @param parent its parent: the old head, a canonical block (a sibling branch), or the last of
   *     {@code branch}
   * @param executed its execution on the parent's state
   * @param receiptsRoot the receipts root to check, or null when the execution was verified
   * @param branch the blocks between the canonical fork point and {@code parent}, oldest first
   *     (empty when the parent is canonical)
   * @throws InvalidBlockException when the state or receipts root differs from the header's;
   *     nothing is written
   */
  ChainEvent commitHead(
      Block block,
      BlockHeader parent,
      ExecutedBlock executed,
      Background<Hash> receiptsRoot,
      List<BranchBlock> branch)
      throws InvalidBlockException {
    BlockHeader header = block.header();
    BlockHeader oldHead = store.head();
    BlockExecutionResult result = executed.result();
    List<ChainEvent.BlockWithReceipts> added = new ArrayList<>();
    List<ChainEvent.BlockWithReceipts> removed = new ArrayList<>();
    BlockHeader forkPoint = parent;
    try (WriteBatch batch = keyValueStore.newBatch()) {
      // a block built here already knows its root: a mismatch needs no second trie pass
      Hash knownRoot = executed.stateRoot();
      Hash root =
          knownRoot != null && !knownRoot.equals(header.stateRoot())
              ? knownRoot
              : commitState(parent, header, result, batch);
      if (receiptsRoot != null) {
        BlockExecutor.checkReceiptsRoot(header, receiptsRoot.get());
      }
      BlockExecutor.checkStateRoot(header, root);
      store.stageBlock(batch, block, result.receipts());
      if (branch.isEmpty() && parent.hash().equals(oldHead.hash())) {
        store.stageCanonical(batch, block);
      } else {
        if (!branch.isEmpty()) {
          forkPoint = store.header(branch.getFirst().block().header().parentHash()).orElseThrow();
        }
        unwindTo(batch, oldHead, forkPoint, header.number(), removed);
        for (BranchBlock below : branch) {
          store.stageCanonical(batch, below.block());
          added.add(new ChainEvent.BlockWithReceipts(below.block(), below.receipts()));
        }
        store.stageCanonical(batch, block);
      }
      added.add(new ChainEvent.BlockWithReceipts(block, result.receipts()));
      store.stageMarkers(batch, header, safeAfter(forkPoint, removed), null);
      batch.commit();
    }
    if (!removed.isEmpty()) {
      LOG.info(
          "Chain reorganisation: {} block(s) dropped, {} added, common ancestor #{} {}",
          removed.size(),
          added.size(),
          forkPoint.number(),
          forkPoint.hash());
    }
    ChainEvent event = new ChainEvent(header, added, removed);
    listeners.headChanged(event);
    return event;
  }

  private Hash commitState(
      BlockHeader parent, BlockHeader header, BlockExecutionResult result, WriteBatch batch) {
    return commitState(states, parent, header, result, batch);
  }

  /**
   * Stages a block's state. The state database keeps a window of recent states: a block whose
   * parent state left it cannot be committed.
   */
  static Hash commitState(
      StateDatabase states,
      BlockHeader parent,
      BlockHeader header,
      BlockExecutionResult result,
      WriteBatch batch) {
    try {
      return states.commit(parent.stateRoot(), result.stateChanges(), header.number(), batch);
    } catch (IllegalArgumentException refused) {
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
   * Stages the old branch's blocks above the fork point out of the canonical index, newest first;
   * heights the new head does not reach are unset.
   */
  private void unwindTo(
      WriteBatch batch,
      BlockHeader oldHead,
      BlockHeader forkPoint,
      long newHeadNumber,
      List<ChainEvent.BlockWithReceipts> removed) {
    BlockHeader cursor = oldHead;
    while (cursor.number() > forkPoint.number()) {
      Block old = store.block(cursor.hash()).orElseThrow();
      store.stageNonCanonical(batch, old, cursor.number() <= newHeadNumber);
      removed.add(
          new ChainEvent.BlockWithReceipts(old, store.receipts(old.hash()).orElse(List.of())));
      cursor = store.header(cursor.parentHash()).orElseThrow();
    }
    if (!cursor.hash().equals(forkPoint.hash())) {
      throw new IllegalStateException(
          "the fork point #" + forkPoint.number() + " " + forkPoint.hash() + " is not canonical");
    }
  }

  /** The safe marker after a reorganisation that removed it: the fork point; else unchanged. */
  private BlockHeader safeAfter(BlockHeader forkPoint, List<ChainEvent.BlockWithReceipts> removed) {
    Hash safe = store.safe().hash();
    for (ChainEvent.BlockWithReceipts gone : removed) {
      if (gone.block().hash().equals(safe)) {
        return forkPoint;
      }
    }
    return null;
  }
}
