package org.distli.chain.forkchoice;

import org.distli.chain.block.BlockHeader;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.primitives.Hash;

/**
 * What the consensus layer drives: the head among the stored valid chains and the finality markers.
 * Imports move the head by the chain's {@link ForkChoiceRule}; whoever owns finality (the single
 * validator's block producer today, the BFT layer next) sets safe and finalized, and may choose a
 * head itself. A finalized block is never reverted: no head, import or marker may leave it.
 *
 * <p>Every method is safe from any thread; the mutations run on the chain's writer thread and
 * return when committed.
 */
public interface ForkChoice {
  /** The canonical head. */
  BlockHeader head();

  /** The latest block the consensus considers safe; the genesis until one is set. */
  BlockHeader safe();

  /** The latest finalized block; the genesis until one is set. */
  BlockHeader finalized();

  /**
   * Makes a stored block the head, whatever the rule says (the consensus chose it). A block on a
   * side branch becomes canonical with its branch, executing the branch's blocks from the fork
   * point where needed; the listeners hear of one change with the blocks removed and added. The
   * current head is a no-op.
   *
   * @throws IllegalArgumentException for an unknown block, or a canonical ancestor of the head
   *     (rewinding the chain is not supported)
   * @throws FinalizedConflictException when the block does not descend from the finalized block
   * @throws InvalidBlockException when executing the branch shows that one of its blocks is
   *     invalid; that block and its descendants on the branch are deleted and the head is unchanged
   */
  void setHead(Hash blockHash) throws InvalidBlockException;

  /**
   * Moves the safe and finalized markers (null keeps one). Both must be canonical, finalized no
   * later than safe, safe no later than the head, and finalized never moves back.
   *
   * @throws IllegalArgumentException otherwise; nothing changes
   */
  void setSafeAndFinalized(Hash safe, Hash finalized);
}
