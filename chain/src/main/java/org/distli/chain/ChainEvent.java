package org.distli.chain;

import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;

/**
 * A move of the canonical head.
 *
 * @param head the new head
 * @param added blocks that became canonical, oldest first (the new head last)
 * @param removed blocks that left the canonical chain in a reorganisation, newest first; empty when
 *     the head simply advanced
 */
public record ChainEvent(
    BlockHeader head, List<BlockWithReceipts> added, List<BlockWithReceipts> removed) {
  public ChainEvent {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /** A block with its receipts, in transaction order. */
  public record BlockWithReceipts(Block block, List<Receipt> receipts) {
    public BlockWithReceipts {
      receipts = List.copyOf(receipts);
    }
  }

  public boolean isReorganisation() {
    return !removed.isEmpty();
  }
}
