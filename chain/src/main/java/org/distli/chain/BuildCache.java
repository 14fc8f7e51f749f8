package org.distli.chain;

import org.distli.chain.block.BlockHeader;
import org.distli.primitives.Hash;

/**
 * The execution of the last block built here, so that importing it once sealed needs no second
 * execution. Sealing changes the extra data and so the hash; the cache is keyed by the header
 * fields execution depends on instead. Writer thread only.
 */
final class BuildCache {
  private ExecutionKey key;
  private ExecutedBlock executed;

  /** The header fields execution depends on: equal keys mean equal execution results. */
  private record ExecutionKey(
      Hash parentHash,
      Hash transactionsRoot,
      Object coinbase,
      long number,
      long timestamp,
      long gasLimit,
      Object baseFee,
      Hash mixHash,
      Object withdrawalsRoot,
      Object parentBeaconBlockRoot,
      Object excessBlobGas) {
    static ExecutionKey of(BlockHeader h) {
      return new ExecutionKey(
          h.parentHash(),
          h.transactionsRoot(),
          h.coinbase(),
          h.number(),
          h.timestamp(),
          h.gasLimit(),
          h.baseFee().orElse(null),
          h.mixHash(),
          h.withdrawalsRoot().orElse(null),
          h.parentBeaconBlockRoot().orElse(null),
          h.excessBlobGas().isPresent() ? h.excessBlobGas().getAsLong() : null);
    }
  }

  void remember(BlockHeader built, ExecutedBlock execution) {
    key = ExecutionKey.of(built);
    executed = execution;
  }

  /** The execution of a block built with the same inputs as {@code header}, once; else null. */
  ExecutedBlock take(BlockHeader header) {
    ExecutedBlock found = executed != null && key.equals(ExecutionKey.of(header)) ? executed : null;
    key = null;
    executed = null;
    return found;
  }
}
