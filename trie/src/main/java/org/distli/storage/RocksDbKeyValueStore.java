package org.distli.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * A {@link KeyValueStore} on RocksDB: one column family per {@link Column}, created on first use.
 *
 * <p>Every column shares one LRU block cache and uses bloom filters (point lookups of trie nodes
 * and flat state mostly miss in all but one level), small (4 KB) blocks because reads are random
 * point lookups, and no compression unless {@link RocksDbConfig#compression()} asks for LZ4: trie
 * nodes and flat accounts are mostly hashes, and decompressing a block on every random read cost
 * more CPU than it saved I/O. Index and filter blocks live in the block cache. Batches go through
 * the write-ahead log, so a killed process loses nothing it committed; {@link
 * RocksDbConfig#syncWrites()} also survives power loss.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions columnOptions;
  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  private final RocksDB db;
  private final ColumnFamilyHandle defaultColumn;
  private final Map<String, ColumnFamilyHandle> handles = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private RocksDbKeyValueStore(Path directory, RocksDbConfig config) throws RocksDBException {
    this.directory = directory;
    this.blockCache = new LRUCache(Math.max(config.blockCacheBytes(), 8L << 20));
    this.bloomFilter = new BloomFilter(10, false);
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(blockCache)
            .setFilterPolicy(bloomFilter)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setBlockSize(4 * 1024)
            .setFormatVersion(5);
    this.columnOptions =
        new ColumnFamilyOptions()
            .setTableFormatConfig(table)
            .setWriteBufferSize(config.writeBufferBytes())
            .setMaxWriteBufferNumber(3)
            .setCompressionType(
                config.compression()
                    ? CompressionType.LZ4_COMPRESSION
                    : CompressionType.NO_COMPRESSION)
            .setLevelCompactionDynamicLevelBytes(true);
    this.dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxBackgroundJobs(config.maxBackgroundJobs())
            .setBytesPerSync(1 << 20)
            .setKeepLogFileNum(5);
    this.writeOptions = new WriteOptions().setSync(config.syncWrites());
    // Point reads skip re-verifying block checksums (compactions still verify every block).
    this.readOptions = new ReadOptions().setVerifyChecksums(false);

    List<byte[]> existing;
    try (Options options = new Options()) {
      existing = RocksDB.listColumnFamilies(options, directory.toString());
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
    for (byte[] name : existing) {
      if (!Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)) {
        descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
      }
    }
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    this.db = RocksDB.open(dbOptions, directory.toString(), descriptors, opened);
    this.defaultColumn = opened.get(0);
    for (int i = 1; i < opened.size(); i++) {
      handles.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8), opened.get(i));
    }
  }

  /** Opens (creating if needed) the store in {@code directory}. */
  public static RocksDbKeyValueStore open(Path directory, RocksDbConfig config) {
    try {
      Files.createDirectories(directory);
      return new RocksDbKeyValueStore(directory, config);
    } catch (IOException | RocksDBException e) {
      throw new StorageException("cannot open RocksDB at " + directory + ": " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return directory;
  }

  private ColumnFamilyHandle handle(Column column) {
    if (closed) {
      throw new StorageException("store is closed");
    }
    ColumnFamilyHandle handle = handles.get(column.name());
    return handle != null ? handle : create(column);
  }

  private synchronized ColumnFamilyHandle create(Column column) {
    ColumnFamilyHandle handle = handles.get(column.name());
    if (handle == null) {
      try {
        handle =
            db.createColumnFamily(
                new ColumnFamilyDescriptor(
                    column.name().getBytes(StandardCharsets.UTF_8), columnOptions));
      } catch (RocksDBException e) {
        throw new StorageException("cannot create column " + column + ": " + e.getMessage(), e);
      }
      handles.put(column.name(), handle);
    }
    return handle;
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    try {
      return db.get(handle(column), readOptions, key);
    } catch (RocksDBException e) {
      throw new StorageException("read of " + column + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<byte[]> getAll(Column column, List<byte[]> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    ColumnFamilyHandle handle = handle(column);
    List<ColumnFamilyHandle> columns = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      columns.add(handle);
    }
    try {
      return db.multiGetAsList(readOptions, columns, keys);
    } catch (RocksDBException e) {
      throw new StorageException("read of " + column + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void forEachWithPrefix(Column column, byte[] prefix, EntryVisitor visitor) {
    byte[] upper = upperBound(prefix);
    try (Slice bound = upper == null ? null : new Slice(upper);
        ReadOptions options = new ReadOptions()) {
      if (bound != null) {
        options.setIterateUpperBound(bound);
      }
      try (RocksIterator iterator = db.newIterator(handle(column), options)) {
        for (iterator.seek(prefix); iterator.isValid(); iterator.next()) {
          byte[] key = iterator.key();
          if (key.length < prefix.length
              || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
            break;
          }
          if (!visitor.visit(key, iterator.value())) {
            return;
          }
        }
        iterator.status();
      } catch (RocksDBException e) {
        throw new StorageException("scan of " + column + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** The smallest key greater than every key starting with {@code prefix}; null if none. */
  private static byte[] upperBound(byte[] prefix) {
    byte[] upper = prefix.clone();
    for (int i = upper.length - 1; i >= 0; i--) {
      if (upper[i] != (byte) 0xff) {
        upper[i]++;
        return Arrays.copyOf(upper, i + 1);
      }
    }
    return null;
  }

  @Override
  public WriteBatch newBatch() {
    return new Batch();
  }

  /** Flushes the memtables to disk files (tests and orderly shutdown; the WAL suffices). */
  public void flush() {
    try (org.rocksdb.FlushOptions options = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
      List<ColumnFamilyHandle> all = new ArrayList<>(handles.values());
      all.add(defaultColumn);
      db.flush(options, all);
    } catch (RocksDBException e) {
      throw new StorageException("flush failed: " + e.getMessage(), e);
    }
  }

  /** A RocksDB property (e.g. "rocksdb.estimate-num-keys") of a column, for diagnostics. */
  public String property(Column column, String name) {
    try {
      return db.getProperty(handle(column), name);
    } catch (RocksDBException e) {
      throw new StorageException("property " + name + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ColumnFamilyHandle handle : handles.values()) {
      handle.close();
    }
    handles.clear();
    defaultColumn.close();
    db.close();
    readOptions.close();
    writeOptions.close();
    dbOptions.close();
    columnOptions.close();
    bloomFilter.close();
    blockCache.close();
  }

  private final class Batch extends WriteBatch {
    private final org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();
    private int size;

    @Override
    public void put(Column column, byte[] key, byte[] value) {
      checkOpen();
      try {
        batch.put(handle(column), key, value);
        size++;
      } catch (RocksDBException e) {
        throw new StorageException("batch put failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void delete(Column column, byte[] key) {
      checkOpen();
      try {
        batch.delete(handle(column), key);
        size++;
      } catch (RocksDBException e) {
        throw new StorageException("batch delete failed: " + e.getMessage(), e);
      }
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    protected void write() {
      try {
        db.write(writeOptions, batch);
      } catch (RocksDBException e) {
        throw new StorageException("batch write failed: " + e.getMessage(), e);
      }
    }

    @Override
    protected void release() {
      batch.close();
    }
  }
}
