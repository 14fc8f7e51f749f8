package org.distli.chain;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.Withdrawal;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * What a block producer decides about the next block; everything else follows from the parent and
 * the transactions.
 *
 * @param timestamp seconds, after the parent's
 * @param coinbase the fee recipient
 * @param prevRandao the randomness the block exposes to PREVRANDAO (the header's mix hash)
 * @param extraData the extra data before sealing (a seal may replace it)
 * @param desiredGasLimit the gas limit to move towards, within the per-block bound
 * @param withdrawals withdrawals to credit (Shanghai on; empty for none)
 * @param parentBeaconBlockRoot the EIP-4788 root (Cancun on); {@link Hash#ZERO} without a beacon
 *     chain
 */
public record BlockTemplate(
    long timestamp,
    Address coinbase,
    Hash prevRandao,
    Bytes extraData,
    long desiredGasLimit,
    List<Withdrawal> withdrawals,
    Hash parentBeaconBlockRoot) {
  public BlockTemplate {
    withdrawals = List.copyOf(withdrawals);
  }
}
