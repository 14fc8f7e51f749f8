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
  private final Map<String, Integer> columnIds = new ConcurrentHashMap<>();
  // One batch's buffer kept for the next, so that a block's batch does not allocate ten megabytes.
  private final java.util.concurrent.atomic.AtomicReference<byte[]> spareBatchBuffer =
      new java.util.concurrent.atomic.AtomicReference<>();
  private static final int MAX_SPARE_BATCH_BUFFER = 64 << 20;
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
    } catch (java.nio.file.AccessDeniedException e) {
      throw new StorageException(
          "cannot open RocksDB at " + directory + ": permission denied (" + e.getFile() + ")", e);
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

  /** The column family id, as write batches encode it. */
  private int columnId(Column column) {
    if (closed) {
      throw new StorageException("store is closed");
    }
    Integer id = columnIds.get(column.name());
    if (id == null) {
      id = handle(column).getID();
      columnIds.put(column.name(), id);
    }
    return id;
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

  /**
   * A batch built in Java in RocksDB's own write-batch encoding (the format of its write-ahead log,
   * {@code db/write_batch.cc}: a 12-byte header of sequence and count, then per entry a type byte,
   * the column family id, and length-prefixed key and value), handed to RocksDB in one call. A
   * block's batch holds tens of thousands of entries, and a JNI call per entry, each copying its
   * arrays, cost more than building the whole encoding here.
   */
  private final class Batch extends WriteBatch {
    private static final int HEADER = 12;
    private static final byte TYPE_DELETION = 0x0;
    private static final byte TYPE_VALUE = 0x1;
    private static final byte TYPE_COLUMN_FAMILY_DELETION = 0x4;
    private static final byte TYPE_COLUMN_FAMILY_VALUE = 0x5;

    private byte[] rep;
    private int length = HEADER;
    private int size;
    private int[] entryOffsets = new int[1024];

    Batch() {
      byte[] reused = spareBatchBuffer.getAndSet(null);
      rep = reused != null ? reused : new byte[1 << 16];
    }

    @Override
    public void put(Column column, byte[] key, byte[] value) {
      checkOpen();
      int id = columnId(column);
      ensure(16 + key.length + value.length);
      entryHeader(id, TYPE_VALUE, TYPE_COLUMN_FAMILY_VALUE, key);
      varint(value.length);
      System.arraycopy(value, 0, rep, length, value.length);
      length += value.length;
      size++;
    }

    @Override
    public void put(Column column, byte[] key, byte[] valueHead, byte[] valueTail) {
      checkOpen();
      int id = columnId(column);
      ensure(16 + key.length + valueHead.length + valueTail.length);
      entryHeader(id, TYPE_VALUE, TYPE_COLUMN_FAMILY_VALUE, key);
      varint(valueHead.length + valueTail.length);
      System.arraycopy(valueHead, 0, rep, length, valueHead.length);
      length += valueHead.length;
      System.arraycopy(valueTail, 0, rep, length, valueTail.length);
      length += valueTail.length;
      size++;
    }

    @Override
    public void delete(Column column, byte[] key) {
      checkOpen();
      int id = columnId(column);
      ensure(11 + key.length);
      entryHeader(id, TYPE_DELETION, TYPE_COLUMN_FAMILY_DELETION, key);
      size++;
    }

    @Override
    public int size() {
      return size;
    }

    private void entryHeader(int columnId, byte plainType, byte columnType, byte[] key) {
      if (size == entryOffsets.length) {
        entryOffsets = Arrays.copyOf(entryOffsets, size * 2);
      }
      entryOffsets[size] = length;
      if (columnId == 0) {
        rep[length++] = plainType;
      } else {
        rep[length++] = columnType;
        varint(columnId);
      }
      varint(key.length);
      System.arraycopy(key, 0, rep, length, key.length);
      length += key.length;
    }

    private void varint(int value) {
      while ((value & ~0x7f) != 0) {
        rep[length++] = (byte) ((value & 0x7f) | 0x80);
        value >>>= 7;
      }
      rep[length++] = (byte) value;
    }

    private int varintAt(int offset) {
      int value = 0;
      for (int shift = 0; ; shift += 7) {
        int b = rep[offset++];
        value |= (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }

    private int afterVarint(int offset) {
      while (rep[offset++] < 0) {}
      return offset;
    }

    private void ensure(int more) {
      if (length + more > rep.length) {
        long wanted = Math.max(2L * rep.length, (long) length + more);
        if (wanted > Integer.MAX_VALUE - 16) {
          throw new StorageException("write batch larger than 2 GB");
        }
        rep = Arrays.copyOf(rep, (int) wanted);
      }
    }

    @Override
    protected void write() {
      // Sequence number (filled in by RocksDB) zero, then the entry count, little-endian.
      byte[] encoded = sortedByKey();
      Arrays.fill(encoded, 0, 8, (byte) 0);
      encoded[8] = (byte) size;
      encoded[9] = (byte) (size >>> 8);
      encoded[10] = (byte) (size >>> 16);
      encoded[11] = (byte) (size >>> 24);
      try (org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch(encoded)) {
        db.write(writeOptions, batch);
      } catch (RocksDBException e) {
        throw new StorageException("batch write failed: " + e.getMessage(), e);
      }
    }

    /**
     * The entries ordered by column and key prefix, as an exact-length copy. RocksDB inserts a
     * batch into its memtable entry by entry, and a skip-list insert next to the previous one
     * reuses that one's search path: in key order a block's batch went in at less than half the
     * cost of random order. Entries are ordered by a sort key of the column, the key's first bytes
     * and the entry's position, so writes to the same key keep their order (the later still wins);
     * the order of different keys does not matter to RocksDB.
     */
    private byte[] sortedByKey() {
      byte[] out = new byte[length];
      if (size < 2 || size >= 1 << 24) {
        System.arraycopy(rep, 0, out, 0, length);
        return out;
      }
      int indexBits = 32 - Integer.numberOfLeadingZeros(size - 1);
      int prefixBits = 63 - 6 - indexBits;
      long[] order = new long[size];
      for (int i = 0; i < size; i++) {
        int o = entryOffsets[i];
        boolean inColumn =
            rep[o] == TYPE_COLUMN_FAMILY_VALUE || rep[o] == TYPE_COLUMN_FAMILY_DELETION;
        o++;
        int column = 0;
        if (inColumn) {
          column = varintAt(o);
          o = afterVarint(o);
        }
        int keyLength = varintAt(o);
        o = afterVarint(o);
        long prefix = 0;
        for (int k = 0; k < 8; k++) {
          prefix = (prefix << 8) | (k < keyLength ? rep[o + k] & 0xff : 0);
        }
        order[i] = ((long) (column & 63) << 57) | ((prefix >>> (64 - prefixBits)) << indexBits) | i;
      }
      Arrays.sort(order);
      int mask = (1 << indexBits) - 1;
      int o = HEADER;
      for (long sortKey : order) {
        int i = (int) (sortKey & mask);
        int start = entryOffsets[i];
        int end = i + 1 < size ? entryOffsets[i + 1] : length;
        System.arraycopy(rep, start, out, o, end - start);
        o += end - start;
      }
      return out;
    }

    @Override
    protected void release() {
      if (rep.length <= MAX_SPARE_BATCH_BUFFER) {
        spareBatchBuffer.set(rep);
      }
      rep = null;
    }
  }
}
