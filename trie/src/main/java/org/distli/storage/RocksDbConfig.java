package org.distli.storage;

/**
 * Tuning of a {@link RocksDbKeyValueStore}.
 *
 * @param blockCacheBytes the LRU cache of uncompressed data blocks shared by every column
 * @param writeBufferBytes memtable size per column before it is flushed to disk
 * @param syncWrites fsync the write-ahead log on every batch: survives power loss, not only a
 *     killed process, at the price of a disk flush per block
 * @param maxBackgroundJobs flush and compaction threads
 * @param compression LZ4-compress data blocks: less disk, more CPU per random read
 */
public record RocksDbConfig(
    long blockCacheBytes,
    long writeBufferBytes,
    boolean syncWrites,
    int maxBackgroundJobs,
    boolean compression) {
  public static final RocksDbConfig DEFAULT =
      new RocksDbConfig(256L << 20, 64L << 20, false, 2, false);

  public RocksDbConfig {
    if (blockCacheBytes < 0 || writeBufferBytes <= 0 || maxBackgroundJobs < 1) {
      throw new IllegalArgumentException("invalid RocksDB configuration");
    }
  }

  public RocksDbConfig withBlockCacheBytes(long bytes) {
    return new RocksDbConfig(bytes, writeBufferBytes, syncWrites, maxBackgroundJobs, compression);
  }

  public RocksDbConfig withSyncWrites(boolean sync) {
    return new RocksDbConfig(
        blockCacheBytes, writeBufferBytes, sync, maxBackgroundJobs, compression);
  }

  public RocksDbConfig withCompression(boolean lz4) {
    return new RocksDbConfig(blockCacheBytes, writeBufferBytes, syncWrites, maxBackgroundJobs, lz4);
  }
}
