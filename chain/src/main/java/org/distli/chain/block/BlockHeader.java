package org.distli.chain.block;

import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * A block header. The fields after {@code nonce} were appended by forks and are present from their
 * fork on, in order: base fee (London, EIP-1559), withdrawals root (Shanghai, EIP-4895), blob gas
 * used, excess blob gas (Cancun, EIP-4844), parent beacon block root (Cancun, EIP-4788) and
 * requests hash (Prague, EIP-7685). A later field is never present without the earlier ones.
 *
 * <p>Immutable; the encoding and hash are computed once.
 */
public final class BlockHeader {
  private final Hash parentHash;
  private final Hash ommersHash;
  private final Address coinbase;
  private final Hash stateRoot;
  private final Hash transactionsRoot;
  private final Hash receiptsRoot;
  private final Bloom logsBloom;
  private final UInt256 difficulty;
  private final long number;
  private final long gasLimit;
  private final long gasUsed;
  private final long timestamp;
  private final Bytes extraData;
  private final Hash mixHash;
  private final long nonce;
  private final Wei baseFee;
  private final Hash withdrawalsRoot;
  private final Long blobGasUsed;
  private final Long excessBlobGas;
  private final Hash parentBeaconBlockRoot;
  private final Hash requestsHash;

  private volatile byte[] encoded;
  private volatile Hash hash;

  private BlockHeader(Builder b, byte[] encoded) {
    this.parentHash = b.parentHash;
    this.ommersHash = b.ommersHash;
    this.coinbase = b.coinbase;
    this.stateRoot = b.stateRoot;
    this.transactionsRoot = b.transactionsRoot;
    this.receiptsRoot = b.receiptsRoot;
    this.logsBloom = b.logsBloom;
    this.difficulty = b.difficulty;
    this.number = b.number;
    this.gasLimit = b.gasLimit;
    this.gasUsed = b.gasUsed;
    this.timestamp = b.timestamp;
    this.extraData = b.extraData;
    this.mixHash = b.mixHash;
    this.nonce = b.nonce;
    this.baseFee = b.baseFee;
    this.withdrawalsRoot = b.withdrawalsRoot;
    this.blobGasUsed = b.blobGasUsed;
    this.excessBlobGas = b.excessBlobGas;
    this.parentBeaconBlockRoot = b.parentBeaconBlockRoot;
    this.requestsHash = b.requestsHash;
    this.encoded = encoded;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this header's fields, to derive a modified header. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.parentHash = parentHash;
    b.ommersHash = ommersHash;
    b.coinbase = coinbase;
    b.stateRoot = stateRoot;
    b.transactionsRoot = transactionsRoot;
    b.receiptsRoot = receiptsRoot;
    b.logsBloom = logsBloom;
    b.difficulty = difficulty;
    b.number = number;
    b.gasLimit = gasLimit;
    b.gasUsed = gasUsed;
    b.timestamp = timestamp;
    b.extraData = extraData;
    b.mixHash = mixHash;
    b.nonce = nonce;
    b.baseFee = baseFee;
    b.withdrawalsRoot = withdrawalsRoot;
    b.blobGasUsed = blobGasUsed;
    b.excessBlobGas = excessBlobGas;
    b.parentBeaconBlockRoot = parentBeaconBlockRoot;
    b.requestsHash = requestsHash;
    return b;
  }

  public Hash parentHash() {
    return parentHash;
  }

  /** keccak256(rlp(ommers)); {@link Hash#EMPTY_LIST} after the merge. */
  public Hash ommersHash() {
    return ommersHash;
  }

  /** The fee recipient (miner / block producer). */
  public Address coinbase() {
    return coinbase;
  }

  public Hash stateRoot() {
    return stateRoot;
  }

  public Hash transactionsRoot() {
    return transactionsRoot;
  }

  public Hash receiptsRoot() {
    return receiptsRoot;
  }

  public Bloom logsBloom() {
    return logsBloom;
  }

  /** Zero after the merge. */
  public UInt256 difficulty() {
    return difficulty;
  }

  public long number() {
    return number;
  }

  public long gasLimit() {
    return gasLimit;
  }

  public long gasUsed() {
    return gasUsed;
  }

  /** Seconds since the epoch (unsigned 64-bit). */
  public long timestamp() {
    return timestamp;
  }

  public Bytes extraData() {
    return extraData;
  }

  /** The mix hash; after the merge the beacon chain's randomness (PREVRANDAO, EIP-4399). */
  public Hash mixHash() {
    return mixHash;
  }

  /** Alias of {@link #mixHash()} for post-merge readers. */
  public Hash prevRandao() {
    return mixHash;
  }

  /** The 8-byte proof-of-work nonce as an unsigned long; zero after the merge. */
  public long nonce() {
    return nonce;
  }

  public Optional<Wei> baseFee() {
    return Optional.ofNullable(baseFee);
  }

  public Optional<Hash> withdrawalsRoot() {
    return Optional.ofNullable(withdrawalsRoot);
  }

  public OptionalLong blobGasUsed() {
    return blobGasUsed == null ? OptionalLong.empty() : OptionalLong.of(blobGasUsed);
  }

  public OptionalLong excessBlobGas() {
    return excessBlobGas == null ? OptionalLong.empty() : OptionalLong.of(excessBlobGas);
  }

  public Optional<Hash> parentBeaconBlockRoot() {
    return Optional.ofNullable(parentBeaconBlockRoot);
  }

  public Optional<Hash> requestsHash() {
    return Optional.ofNullable(requestsHash);
  }

  // ---- encoding and identity

  /**
   * keccak256 of the RLP encoding, as on Ethereum; a Distli proof-of-stake header's commit seals
   * are left out ({@link CommitSeals}), so that every validator names a committed block alike
   * whichever quorum of seals it gathered.
   */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      h =
          CommitSeals.withoutCommitSeals(extraData.toArrayUnsafe())
              .map(
                  unsealed ->
                      Keccak256.hash(toBuilder().extraData(Bytes.wrap(unsealed)).build().rlp()))
              .orElseGet(() -> Keccak256.hash(rlp()));
      hash = h;
    }
    return h;
  }

  /** The RLP encoding. */
  public Bytes encoded() {
    return Bytes.wrap(rlp());
  }

  /** The size of the encoding in bytes. */
  public int size() {
    return rlp().length;
  }

  public void writeTo(RlpWriter w) {
    w.writeRaw(rlp());
  }

  private byte[] rlp() {
    byte[] e = encoded;
    if (e == null) {
      RlpWriter w = new RlpWriter(640 + extraData.size());
      w.startList();
      w.writeHash(parentHash);
      w.writeHash(ommersHash);
      w.writeAddress(coinbase);
      w.writeHash(stateRoot);
      w.writeHash(transactionsRoot);
      w.writeHash(receiptsRoot);
      w.writeBytes(logsBloom.array());
      w.writeUInt256(difficulty);
      w.writeLong(number);
      w.writeLong(gasLimit);
      w.writeLong(gasUsed);
      w.writeLong(timestamp);
      w.writeBytes(extraData);
      w.writeHash(mixHash);
      byte[] nonceBytes = new byte[8];
      for (int i = 0; i < 8; i++) {
        nonceBytes[i] = (byte) (nonce >>> (56 - 8 * i));
      }
      w.writeBytes(nonceBytes);
      // optional fields, each present only with all the ones before it
      if (baseFee != null) {
        w.writeWei(baseFee);
        if (withdrawalsRoot != null) {
          w.writeHash(withdrawalsRoot);
          if (blobGasUsed != null) {
            w.writeLong(blobGasUsed);
            w.writeLong(excessBlobGas);
            w.writeHash(parentBeaconBlockRoot);
            if (requestsHash != null) {
              w.writeHash(requestsHash);
            }
          }
        }
      }
      w.endList();
      e = w.toByteArray();
      encoded = e;
    }
    return e;
  }

  /**
   * Decodes a header (the whole input must be one header).
   *
   * @throws org.distli.rlp.RlpException when the bytes are not a canonical header
   */
  public static BlockHeader decode(Bytes rlp) {
    RlpReader r = RlpReader.of(rlp);
    BlockHeader header = readFrom(r);
    r.expectEnd("block header");
    return header;
  }

  /** Reads one header from {@code r}. */
  public static BlockHeader readFrom(RlpReader r) {
    byte[] raw = r.readRaw("block header");
    RlpReader h = RlpReader.of(raw);
    h.enterList("block header");
    Builder b = new Builder();
    b.parentHash = h.readHash("parentHash");
    b.ommersHash = h.readHash("ommersHash");
    b.coinbase = h.readAddress("coinbase");
    b.stateRoot = h.readHash("stateRoot");
    b.transactionsRoot = h.readHash("transactionsRoot");
    b.receiptsRoot = h.readHash("receiptsRoot");
    b.logsBloom = Bloom.wrap(h.readFixed("logsBloom", Bloom.SIZE));
    b.difficulty = h.readUInt256("difficulty");
    b.number = h.readNonNegativeLong("number");
    b.gasLimit = h.readLong("gasLimit");
    b.gasUsed = h.readLong("gasUsed");
    b.timestamp = h.readLong("timestamp");
    b.extraData = h.readValue("extraData");
    b.mixHash = h.readHash("mixHash");
    byte[] nonceBytes = h.readFixed("nonce", 8);
    long nonce = 0;
    for (byte nb : nonceBytes) {
      nonce = (nonce << 8) | (nb & 0xff);
    }
    b.nonce = nonce;
    if (h.hasNext()) {
      b.baseFee = h.readWei("baseFeePerGas");
    }
    if (h.hasNext()) {
      b.withdrawalsRoot = h.readHash("withdrawalsRoot");
    }
    if (h.hasNext()) {
      b.blobGasUsed = h.readLong("blobGasUsed");
      b.excessBlobGas = h.readLong("excessBlobGas");
      b.parentBeaconBlockRoot = h.readHash("parentBeaconBlockRoot");
    }
    if (h.hasNext()) {
      b.requestsHash = h.readHash("requestsHash");
    }
    h.exitList("block header");
    return new BlockHeader(b, raw);
  }

  @Override
  public boolean equals(Object other) {
    // Headers that differ in their commit seals only share a hash but are not equal.
    return other instanceof BlockHeader that
        && hash().equals(that.hash())
        && java.util.Arrays.equals(rlp(), that.rlp());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "BlockHeader[#" + number + " " + hash() + "]";
  }

  /** Assembles a header; unset hashes default to the empty roots, numbers to zero. */
  public static final class Builder {
    private Hash parentHash = Hash.ZERO;
    private Hash ommersHash = Hash.EMPTY_LIST;
    private Address coinbase = Address.ZERO;
    private Hash stateRoot = Hash.EMPTY_TRIE_ROOT;
    private Hash transactionsRoot = Hash.EMPTY_TRIE_ROOT;
    private Hash receiptsRoot = Hash.EMPTY_TRIE_ROOT;
    private Bloom logsBloom = Bloom.EMPTY;
    private UInt256 difficulty = UInt256.ZERO;
    private long number;
    private long gasLimit;
    private long gasUsed;
    private long timestamp;
    private Bytes extraData = Bytes.EMPTY;
    private Hash mixHash = Hash.ZERO;
    private long nonce;
    private Wei baseFee;
    private Hash withdrawalsRoot;
    private Long blobGasUsed;
    private Long excessBlobGas;
    private Hash parentBeaconBlockRoot;
    private Hash requestsHash;

    private Builder() {}

    public Builder parentHash(Hash value) {
      parentHash = value;
      return this;
    }

    public Builder ommersHash(Hash value) {
      ommersHash = value;
      return this;
    }

    public Builder coinbase(Address value) {
      coinbase = value;
      return this;
    }

    public Builder stateRoot(Hash value) {
      stateRoot = value;
      return this;
    }

    public Builder transactionsRoot(Hash value) {
      transactionsRoot = value;
      return this;
    }

    public Builder receiptsRoot(Hash value) {
      receiptsRoot = value;
      return this;
    }

    public Builder logsBloom(Bloom value) {
      logsBloom = value;
      return this;
    }

    public Builder difficulty(UInt256 value) {
      difficulty = value;
      return this;
    }

    public Builder number(long value) {
      number = value;
      return this;
    }

    public Builder gasLimit(long value) {
      gasLimit = value;
      return this;
    }

    public Builder gasUsed(long value) {
      gasUsed = value;
      return this;
    }

    public Builder timestamp(long value) {
      timestamp = value;
      return this;
    }

    public Builder extraData(Bytes value) {
      extraData = value;
      return this;
    }

    public Builder mixHash(Hash value) {
      mixHash = value;
      return this;
    }

    public Builder nonce(long value) {
      nonce = value;
      return this;
    }

    /** London on; null to omit. */
    public Builder baseFee(Wei value) {
      baseFee = value;
      return this;
    }

    /** Shanghai on; null to omit. */
    public Builder withdrawalsRoot(Hash value) {
      withdrawalsRoot = value;
      return this;
    }

    /** Cancun on; null to omit. */
    public Builder blobGasUsed(Long value) {
      blobGasUsed = value;
      return this;
    }

    /** Cancun on; null to omit. */
    public Builder excessBlobGas(Long value) {
      excessBlobGas = value;
      return this;
    }

    /** Cancun on; null to omit. */
    public Builder parentBeaconBlockRoot(Hash value) {
      parentBeaconBlockRoot = value;
      return this;
    }

    /** Prague on; null to omit. */
    public Builder requestsHash(Hash value) {
      requestsHash = value;
      return this;
    }

    /**
     * @throws IllegalStateException when an optional field is set without the ones before it
     */
    public BlockHeader build() {
      boolean cancun =
          blobGasUsed != null || excessBlobGas != null || parentBeaconBlockRoot != null;
      if (cancun
          && (blobGasUsed == null || excessBlobGas == null || parentBeaconBlockRoot == null)) {
        throw new IllegalStateException(
            "blobGasUsed, excessBlobGas and parentBeaconBlockRoot come together (Cancun)");
      }
      if ((requestsHash != null && !cancun)
          || (cancun && withdrawalsRoot == null)
          || (withdrawalsRoot != null && baseFee == null)) {
        throw new IllegalStateException("a fork's header field is set without the earlier forks'");
      }
      return new BlockHeader(this, null);
    }
  }
}
