package org.distli.chain.forkchoice;

import org.distli.chain.block.BlockHeader;

/**
 * Which of two valid chains is the head. The chain asks the rule each time it imports a block that
 * is not already known: the block becomes the head only when the rule prefers it to the current
 * head. Both chains descend from the finalized block (the import refuses any other), so the rule
 * never needs to look below it.
 */
@FunctionalInterface
public interface ForkChoiceRule {
  /**
   * The rule of a chain with immediate finality (Distli's BFT): the highest block descending from
   * the finalized block. Ties keep the current head, so that the first block seen at a height wins
   * and a peer cannot flip the head between equal siblings.
   */
  ForkChoiceRule HIGHEST_BLOCK = (candidate, head) -> candidate.number() > head.number();

  /**
   * Whether the chain ending at {@code candidate} should replace the one ending at {@code head}.
   *
   * @param candidate a valid block that is not the head
   * @param head the current head
   */
  boolean prefers(BlockHeader candidate, BlockHeader head);
}
