package org.distli.chain.forkchoice;

import org.distli.chain.block.BlockHeader;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.primitives.Hash;

/**
 * A block refused because it does not descend from the finalized block: accepting it would revert a
 * finalized block. With BFT finality a valid peer never sends one, so the peer-to-peer layer may
 * blame the sender.
 */
public final class FinalizedConflictException extends InvalidBlockException {
  private static final long serialVersionUID = 1L;

  private final Hash blockHash;
  private final long blockNumber;
  private final Hash finalizedHash;
  private final long finalizedNumber;

  FinalizedConflictException(BlockHeader block, BlockHeader finalized, String why) {
    super(
        "block #"
            + block.number()
            + " "
            + block.hash()
            + " conflicts with finalized block #"
            + finalized.number()
            + " "
            + finalized.hash()
            + ": "
            + why);
    this.blockHash = block.hash();
    this.blockNumber = block.number();
    this.finalizedHash = finalized.hash();
    this.finalizedNumber = finalized.number();
  }

  public Hash blockHash() {
    return blockHash;
  }

  public long blockNumber() {
    return blockNumber;
  }

  public Hash finalizedHash() {
    return finalizedHash;
  }

  public long finalizedNumber() {
    return finalizedNumber;
  }
}
