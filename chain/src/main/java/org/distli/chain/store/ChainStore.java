package org.distli.chain.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Bloom;
import org.distli.chain.block.Receipt;
import org.distli.chain.spec.ChainRules;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;
import org.distli.storage.Column;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;

/**
 * The chain's blocks in a {@link KeyValueStore}: headers, bodies and receipts of every imported
 * block (canonical or not), the canonical index, transaction locations and the head markers.
 *
 * <p>Reads are safe from any thread. Writes are staged by the one chain writer into the same {@link
 * WriteBatch} as the block's state, so a block, its state and the markers become visible together;
 * the in-memory head markers move when that batch is written.
 */
public final class ChainStore implements ChainReader {
  /** number (8) || hash (32) -> header RLP. */
  public static final Column HEADERS = new Column("block_headers");

  /** number (8) || hash (32) -> body RLP [transactions, ommers, withdrawals?]. */
  public static final Column BODIES = new Column("block_bodies");

  /** number (8) || hash (32) -> receipts [[type, status, cumulativeGas, logs], ...] (no bloom). */
  public static final Column RECEIPTS = new Column("block_receipts");

  /** hash -> number (8): finds a block's key from its hash. */
  public static final Column BLOCK_NUMBERS = new Column("block_numbers");

  /** number (8) -> hash of the canonical block. */
  public static final Column CANONICAL = new Column("canonical_hashes");

  /** transaction hash -> block number (8) || block hash (32) || index (4), canonical only. */
  public static final Column TX_LOCATIONS = new Column("tx_locations");

  /** "genesis", "head", "safe", "finalized" -> block hash; "rules" -> {@link ChainRules} text. */
  public static final Column CHAIN_META = new Column("chain_meta");

  private static final byte[] GENESIS_KEY = "genesis".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RULES_KEY = "rules".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SAFE_KEY = "safe".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FINALIZED_KEY = "finalized".getBytes(StandardCharsets.US_ASCII);

  private static final int HEADER_CACHE_SIZE = 2048;

  private final KeyValueStore store;
  private final Map<Hash, BlockHeader> headerCache =
      new LinkedHashMap<>(HEADER_CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, BlockHeader> eldest) {
          return size() > HEADER_CACHE_SIZE;
        }
      };

  private record Markers(
      BlockHeader genesis, BlockHeader head, BlockHeader safe, BlockHeader finalized) {}

  private volatile Markers markers;

  private ChainStore(KeyValueStore store) {
    this.store = store;
    this.markers = loadMarkers();
  }

  /** The chain in {@code store}; {@link #isEmpty()} until a genesis is written. */
  public static ChainStore open(KeyValueStore store) {
    return new ChainStore(store);
  }

  /** The columns the chain uses, for stores that declare them up front. */
  public static List<Column> columns() {
    return List.of(HEADERS, BODIES, RECEIPTS, BLOCK_NUMBERS, CANONICAL, TX_LOCATIONS, CHAIN_META);
  }

  /** Whether no genesis has been written yet. */
  public boolean isEmpty() {
    return markers == null;
  }

  private Markers loadMarkers() {
    byte[] genesisHash = store.get(CHAIN_META, GENESIS_KEY);
    if (genesisHash == null) {
      return null;
    }
    BlockHeader genesis = requireHeader(Hash.wrap(genesisHash));
    return new Markers(
        genesis,
        marker(HEAD_KEY, genesis),
        marker(SAFE_KEY, genesis),
        marker(FINALIZED_KEY, genesis));
  }

  private BlockHeader marker(byte[] key, BlockHeader fallback) {
    byte[] hash = store.get(CHAIN_META, key);
    return hash == null ? fallback : requireHeader(Hash.wrap(hash));
  }

  private BlockHeader requireHeader(Hash hash) {
    return header(hash)
        .orElseThrow(
            () -> new IllegalStateException("chain database is corrupt: no header " + hash));
  }

  private Markers requireMarkers() {
    Markers current = markers;
    if (current == null) {
      throw new IllegalStateException("the chain has no genesis block yet");
    }
    return current;
  }

  // ---- reading

  @Override
  public BlockHeader genesis() {
    return requireMarkers().genesis;
  }

  @Override
  public BlockHeader head() {
    return requireMarkers().head;
  }

  @Override
  public BlockHeader safe() {
    return requireMarkers().safe;
  }

  @Override
  public BlockHeader finalized() {
    return requireMarkers().finalized;
  }

  @Override
  public Optional<BlockHeader> header(Hash blockHash) {
    synchronized (headerCache) {
      BlockHeader cached = headerCache.get(blockHash);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Optional<Long> number = blockNumber(blockHash);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    byte[] rlp = store.get(HEADERS, blockKey(number.get(), blockHash));
    if (rlp == null) {
      return Optional.empty();
    }
    BlockHeader header = BlockHeader.decode(Bytes.wrap(rlp));
    cache(header);
    return Optional.of(header);
  }

  private void cache(BlockHeader header) {
    synchronized (headerCache) {
      headerCache.put(header.hash(), header);
    }
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    return canonicalHash(number).flatMap(this::header);
  }

  /** The number of a stored block. */
  public Optional<Long> blockNumber(Hash blockHash) {
    byte[] number = store.get(BLOCK_NUMBERS, blockHash.toArray());
    return number == null ? Optional.empty() : Optional.of(readLong(number, 0));
  }

  @Override
  public Optional<BlockBody> body(Hash blockHash) {
    return blockNumber(blockHash)
        .map(n -> store.get(BODIES, blockKey(n, blockHash)))
        .map(BlockBody::decode);
  }

  @Override
  public Optional<Block> block(Hash blockHash) {
    Optional<BlockHeader> header = header(blockHash);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    return body(blockHash).map(body -> new Block(header.get(), body));
  }

  @Override
  public Optional<Block> block(long number) {
    return canonicalHash(number).flatMap(this::block);
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash blockHash) {
    Optional<Long> number = blockNumber(blockHash);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    byte[] stored = store.get(RECEIPTS, blockKey(number.get(), blockHash));
    return stored == null ? Optional.empty() : Optional.of(decodeReceipts(stored));
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    if (number < 0) {
      return Optional.empty();
    }
    byte[] hash = store.get(CANONICAL, longBytes(number));
    return hash == null ? Optional.empty() : Optional.of(Hash.wrap(hash));
  }

  @Override
  public boolean isCanonical(Hash blockHash) {
    Optional<Long> number = blockNumber(blockHash);
    return number.isPresent() && canonicalHash(number.get()).map(blockHash::equals).orElse(false);
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    byte[] stored = store.get(TX_LOCATIONS, transactionHash.toArray());
    if (stored == null) {
      return Optional.empty();
    }
    long number = readLong(stored, 0);
    Hash blockHash = Hash.wrap(Arrays.copyOfRange(stored, 8, 40));
    int index =
        ((stored[40] & 0xff) << 24)
            | ((stored[41] & 0xff) << 16)
            | ((stored[42] & 0xff) << 8)
            | (stored[43] & 0xff);
    return Optional.of(new TransactionLocation(blockHash, number, index));
  }

  // ---- writing (the chain writer only)

  /**
   * Stages a block with its receipts; it is not canonical until {@link #stageCanonical}. A block
   * stored before it was executed (a side branch's) has no receipts yet: pass null and add them
   * with {@link #stageReceipts} once it is.
   */
  public void stageBlock(WriteBatch batch, Block block, List<Receipt> receipts) {
    byte[] key = blockKey(block.number(), block.hash());
    batch.put(HEADERS, key, block.header().encoded().toArrayUnsafe());
    batch.put(BODIES, key, block.body().encoded());
    if (receipts != null) {
      batch.put(RECEIPTS, key, encodeReceipts(receipts));
    }
    batch.put(BLOCK_NUMBERS, block.hash().toArray(), longBytes(block.number()));
    BlockHeader header = block.header();
    batch.addListener(
        written -> {
          if (written) {
            cache(header);
          }
        });
  }

  /** Stages the receipts of a stored block executed after it was stored. */
  public void stageReceipts(WriteBatch batch, Block block, List<Receipt> receipts) {
    batch.put(RECEIPTS, blockKey(block.number(), block.hash()), encodeReceipts(receipts));
  }

  /**
   * Stages the deletion of a stored, non-canonical block (one found invalid when its branch was
   * executed): header, body, receipts and number go.
   */
  public void stageRemoval(WriteBatch batch, BlockHeader header) {
    byte[] key = blockKey(header.number(), header.hash());
    batch.delete(HEADERS, key);
    batch.delete(BODIES, key);
    batch.delete(RECEIPTS, key);
    batch.delete(BLOCK_NUMBERS, header.hash().toArray());
    batch.addListener(
        written -> {
          if (written) {
            synchronized (headerCache) {
              headerCache.remove(header.hash());
            }
          }
        });
  }

  /** Stages {@code block} as the canonical block at its height, with its transaction index. */
  public void stageCanonical(WriteBatch batch, Block block) {
    batch.put(CANONICAL, longBytes(block.number()), block.hash().toArray());
    List<Transaction> txs = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      byte[] location = new byte[44];
      System.arraycopy(longBytes(block.number()), 0, location, 0, 8);
      block.hash().copyTo(location, 8);
      location[40] = (byte) (i >>> 24);
      location[41] = (byte) (i >>> 16);
      location[42] = (byte) (i >>> 8);
      location[43] = (byte) i;
      batch.put(TX_LOCATIONS, txs.get(i).hash().toArray(), location);
    }
  }

  /**
   * Stages the removal of a formerly canonical block from the canonical index (a reorganisation):
   * its transactions' locations go, and its height is unset unless {@code keepHeight}.
   */
  public void stageNonCanonical(WriteBatch batch, Block block, boolean keepHeight) {
    if (!keepHeight) {
      batch.delete(CANONICAL, longBytes(block.number()));
    }
    for (Transaction tx : block.transactions()) {
      batch.delete(TX_LOCATIONS, tx.hash().toArray());
    }
  }

  /** The chain rules stored with the genesis, if any (databases before them have none). */
  public Optional<ChainRules> rules() {
    byte[] stored = store.get(CHAIN_META, RULES_KEY);
    return stored == null ? Optional.empty() : Optional.of(ChainRules.decode(stored));
  }

  /** Stages the chain rules, stored beside the genesis. */
  public void stageRules(WriteBatch batch, ChainRules rules) {
    batch.put(CHAIN_META, RULES_KEY, rules.encode());
  }

  /** Stages the genesis block as block 0, canonical, and every marker pointing at it. */
  public void stageGenesis(WriteBatch batch, Block genesis) {
    if (markers != null) {
      throw new IllegalStateException("the chain already has a genesis block");
    }
    stageBlock(batch, genesis, List.of());
    stageCanonical(batch, genesis);
    batch.put(CHAIN_META, GENESIS_KEY, genesis.hash().toArray());
    batch.put(CHAIN_META, HEAD_KEY, genesis.hash().toArray());
    BlockHeader header = genesis.header();
    batch.addListener(
        written -> {
          if (written) {
            markers = new Markers(header, header, header, header);
          }
        });
  }

  /**
   * Stages new head, safe and finalized markers (null keeps the current one); they move in memory
   * when the batch is written.
   */
  public void stageMarkers(
      WriteBatch batch, BlockHeader head, BlockHeader safe, BlockHeader finalized) {
    Markers current = requireMarkers();
    if (head != null) {
      batch.put(CHAIN_META, HEAD_KEY, head.hash().toArray());
    }
    if (safe != null) {
      batch.put(CHAIN_META, SAFE_KEY, safe.hash().toArray());
    }
    if (finalized != null) {
      batch.put(CHAIN_META, FINALIZED_KEY, finalized.hash().toArray());
    }
    batch.addListener(
        written -> {
          if (written) {
            Markers now = markers;
            markers =
                new Markers(
                    current.genesis,
                    head != null ? head : now.head,
                    safe != null ? safe : now.safe,
                    finalized != null ? finalized : now.finalized);
          }
        });
  }

  // ---- encodings

  static byte[] blockKey(long number, Hash hash) {
    byte[] key = new byte[40];
    System.arraycopy(longBytes(number), 0, key, 0, 8);
    hash.copyTo(key, 8);
    return key;
  }

  static byte[] longBytes(long value) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (value >>> (56 - 8 * i));
    }
    return out;
  }

  static long readLong(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (in[offset + i] & 0xff);
    }
    return value;
  }

  /** Receipts without their blooms, which are recomputed from the logs when read. */
  static byte[] encodeReceipts(List<Receipt> receipts) {
    RlpWriter w = new RlpWriter(16 + 48 * receipts.size());
    w.startList();
    for (Receipt receipt : receipts) {
      w.startList();
      w.writeLong(receipt.type().typeByte());
      w.writeLong(receipt.success() ? 1 : 0);
      w.writeLong(receipt.cumulativeGasUsed());
      Log.writeList(w, receipt.logs());
      w.endList();
    }
    w.endList();
    return w.toByteArray();
  }

  static List<Receipt> decodeReceipts(byte[] stored) {
    RlpReader r = RlpReader.of(stored);
    r.enterList("receipts");
    List<Receipt> receipts = new ArrayList<>();
    while (r.hasNext()) {
      r.enterList("receipt");
      int typeByte = r.readInt("type");
      TransactionType type =
          TransactionType.fromTypeByte(typeByte)
              .orElseThrow(() -> new IllegalStateException("stored receipt of type " + typeByte));
      boolean success = r.readLong("status") == 1;
      long cumulativeGas = r.readLong("cumulativeGasUsed");
      List<Log> logs = Log.readList(r);
      r.exitList("receipt");
      receipts.add(new Receipt(type, success, cumulativeGas, Bloom.fromLogs(logs), logs));
    }
    r.exitList("receipts");
    return receipts;
  }
}
