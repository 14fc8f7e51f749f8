package org.distli.chain;

import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;

/**
 * A block assembled on top of the head: complete and valid but not sealed nor imported.
 *
 * @param block the block, its header carrying every root
 * @param receipts its receipts
 * @param skipped candidates left out because they could not be included, with the reason (the pool
 *     may drop them); candidates not tried for lack of gas are not listed
 */
public record BuiltBlock(Block block, List<Receipt> receipts, List<Skipped> skipped) {
  public BuiltBlock {
    receipts = List.copyOf(receipts);
    skipped = List.copyOf(skipped);
  }

  /** A candidate that was refused. */
  public record Skipped(Transaction transaction, InvalidTransactionException reason) {}
}
