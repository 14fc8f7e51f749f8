package org.distli.chain;

import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;

/**
 * A block accepted by {@link Blockchain#importBlock}.
 *
 * @param block the block
 * @param receipts its receipts
 * @param alreadyKnown the block was stored before; nothing changed
 */
public record ImportResult(Block block, List<Receipt> receipts, boolean alreadyKnown) {
  public ImportResult {
    receipts = List.copyOf(receipts);
  }
}
