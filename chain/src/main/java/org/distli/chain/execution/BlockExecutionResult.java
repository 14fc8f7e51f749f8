package org.distli.chain.execution;

import java.util.List;
import org.distli.chain.block.Bloom;
import org.distli.chain.block.Receipt;
import org.distli.state.StateChanges;

/**
 * What executing a block's transactions, system calls and withdrawals produced.
 *
 * @param receipts one per transaction, in order
 * @param gasUsed the block's total gas used
 * @param blobGasUsed the blob gas its transactions used (EIP-4844)
 * @param logsBloom the union of the receipts' blooms
 * @param stateChanges the state after the block, as changes on the parent's state
 */
public record BlockExecutionResult(
    List<Receipt> receipts,
    long gasUsed,
    long blobGasUsed,
    Bloom logsBloom,
    StateChanges stateChanges) {
  public BlockExecutionResult {
    receipts = List.copyOf(receipts);
  }
}
