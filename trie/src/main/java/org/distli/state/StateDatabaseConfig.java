package org.distli.state;

/**
 * Settings of a {@link StateDatabase}.
 *
 * @param historyBlocks how many recent blocks' states stay readable (at least the head's); ignored
 *     in archive mode
 * @param archive keep the state of every block: nothing is pruned
 * @param nodeCacheBytes heap for decoded trie nodes, shared by the writer and readers
 * @param flatCacheEntries latest accounts and storage slots kept in memory in front of the flat
 *     store
 */
public record StateDatabaseConfig(
    int historyBlocks, boolean archive, long nodeCacheBytes, int flatCacheEntries) {
  public static final int DEFAULT_HISTORY_BLOCKS = 128;

  public static final StateDatabaseConfig DEFAULT =
      new StateDatabaseConfig(DEFAULT_HISTORY_BLOCKS, false, 512L << 20, 1 << 20);

  public StateDatabaseConfig {
    if (historyBlocks < 1) {
      throw new IllegalArgumentException("historyBlocks must be at least 1, got " + historyBlocks);
    }
    if (nodeCacheBytes < 0 || flatCacheEntries < 0) {
      throw new IllegalArgumentException("cache sizes cannot be negative");
    }
  }

  public StateDatabaseConfig withHistoryBlocks(int blocks) {
    return new StateDatabaseConfig(blocks, archive, nodeCacheBytes, flatCacheEntries);
  }

  public StateDatabaseConfig withArchive(boolean keepAll) {
    return new StateDatabaseConfig(historyBlocks, keepAll, nodeCacheBytes, flatCacheEntries);
  }

  public StateDatabaseConfig withNodeCacheBytes(long bytes) {
    return new StateDatabaseConfig(historyBlocks, archive, bytes, flatCacheEntries);
  }

  public StateDatabaseConfig withFlatCacheEntries(int entries) {
    return new StateDatabaseConfig(historyBlocks, archive, nodeCacheBytes, entries);
  }
}
