package org.distli.chain.forkchoice;

import org.distli.chain.block.BlockHeader;
import org.distli.chain.store.ChainReader;
import org.distli.primitives.Hash;

/**
 * The finality rules on the stored chain: a block must descend from the finalized block, and the
 * markers move only forward along the canonical chain. Reads the store only; the chain writer calls
 * it before changing anything.
 */
public final class Finality {
  private final ChainReader chain;

  public Finality(ChainReader chain) {
    this.chain = chain;
  }

  /**
   * Checks that {@code header}, whose parent is the stored {@code parent}, descends from the
   * finalized block: its ancestor at the finalized height is the finalized block. Walks back from
   * the parent until it meets the canonical chain (which holds the finalized block) or the
   * finalized height, so a block on the head costs one lookup.
   *
   * @throws FinalizedConflictException otherwise
   */
  public void requireDescendsFromFinalized(BlockHeader header, BlockHeader parent)
      throws FinalizedConflictException {
    BlockHeader finalized = chain.finalized();
    if (header.number() <= finalized.number()) {
      throw new FinalizedConflictException(
          header, finalized, "it is at or below the finalized height and not the finalized block");
    }
    BlockHeader cursor = parent;
    while (cursor.number() > finalized.number()) {
      if (cursor.hash().equals(chain.head().hash()) || chain.isCanonical(cursor.hash())) {
        return; // the canonical chain holds the finalized block
      }
      Hash parentHash = cursor.parentHash();
      BlockHeader child = cursor;
      cursor =
          chain
              .header(parentHash)
              .orElseThrow(
                  () -> new IllegalStateException("stored block without parent: " + child.hash()));
    }
    if (!cursor.hash().equals(finalized.hash())) {
      throw new FinalizedConflictException(
          header, finalized, "its ancestor at #" + finalized.number() + " is " + cursor.hash());
    }
  }

  /**
   * Checks a stored block that should become the head.
   *
   * @throws FinalizedConflictException when it does not descend from the finalized block
   */
  public void requireDescendsFromFinalized(BlockHeader header) throws FinalizedConflictException {
    BlockHeader finalized = chain.finalized();
    if (header.hash().equals(finalized.hash())) {
      return;
    }
    BlockHeader parent =
        chain
            .header(header.parentHash())
            .orElseThrow(
                () -> new IllegalStateException("stored block without parent: " + header.hash()));
    requireDescendsFromFinalized(header, parent);
  }

  /** Validated new markers; a null field keeps the current marker. */
  public record Markers(BlockHeader safe, BlockHeader finalized) {}

  /**
   * The headers of new safe and finalized markers (null keeps one), checked: both canonical,
   * finalized no later than safe, safe no later than the head, finalized not before the current
   * finalized block.
   *
   * @throws IllegalArgumentException naming the rule broken
   */
  public Markers checkMarkers(Hash safeHash, Hash finalizedHash) {
    BlockHeader head = chain.head();
    BlockHeader safe = safeHash == null ? null : canonicalAtMost(safeHash, head, "safe");
    BlockHeader finalized = null;
    if (finalizedHash != null) {
      finalized = canonicalAtMost(finalizedHash, safe == null ? chain.safe() : safe, "finalized");
      BlockHeader current = chain.finalized();
      if (finalized.number() < current.number()) {
        throw new IllegalArgumentException(
            "finalized block #"
                + finalized.number()
                + " is before the finalized block #"
                + current.number()
                + ": finality never moves back");
      }
    }
    return new Markers(safe, finalized);
  }

  private BlockHeader canonicalAtMost(Hash hash, BlockHeader limit, String what) {
    BlockHeader header =
        chain
            .header(hash)
            .orElseThrow(
                () -> new IllegalArgumentException(what + " block " + hash + " is unknown"));
    if (!chain.isCanonical(hash)) {
      throw new IllegalArgumentException(what + " block " + hash + " is not canonical");
    }
    if (header.number() > limit.number()) {
      throw new IllegalArgumentException(
          what + " block #" + header.number() + " is after #" + limit.number());
    }
    return header;
  }
}
