package org.distli.chain;

import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;

/**
 * A block accepted by {@link Blockchain#importBlock}.
 *
 * @param block the block
 * @param receipts its receipts; empty for a known block stored without them and for a side-branch
 *     block whose parent's state is not committed (it is executed when its branch becomes
 *     canonical)
 * @param status what became of it
 */
public record ImportResult(Block block, List<Receipt> receipts, Status status) {
  public ImportResult {
    receipts = List.copyOf(receipts);
  }

  /** What the import did with a valid block. */
  public enum Status {
    /** The block is the new head (the chain extended or reorganised onto it). */
    HEAD,
    /** Stored on a side branch: the fork choice rule keeps the current head. */
    SIDE_BRANCH,
    /** The block was stored before; nothing changed. */
    ALREADY_KNOWN
  }

  /** The block was stored before; nothing changed. */
  public boolean alreadyKnown() {
    return status == Status.ALREADY_KNOWN;
  }

  /** The block became the head. */
  public boolean isHead() {
    return status == Status.HEAD;
  }
}
