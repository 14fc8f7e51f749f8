package org.distli.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.distli.primitives.Hash;

/**
 * Executions of side-branch blocks, kept so that a reorganisation onto them commits their state
 * without executing them again. Bounded (the oldest go first): a block whose execution is gone is
 * simply executed again when its branch becomes canonical. Writer thread only.
 */
final class SideBranchExecutions {
  static final int CAPACITY = 32;

  private final Map<Hash, ExecutedBlock> byHash =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, ExecutedBlock> eldest) {
          return size() > CAPACITY;
        }
      };

  void remember(Hash blockHash, ExecutedBlock executed) {
    byHash.put(blockHash, executed);
  }

  /** The execution of {@code blockHash} if still held, removed from the cache; else null. */
  ExecutedBlock take(Hash blockHash) {
    return byHash.remove(blockHash);
  }
}
