package org.distli.chain.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * A signed transaction of any supported {@link TransactionType}. Immutable: the encoding, the hash
 * and the sender are computed once, on first use, and cached (benign races: every thread computes
 * the same value).
 *
 * <p>Two encodings exist (EIP-2718): the binary form ({@link #encoded()}: the RLP list of a legacy
 * transaction, or the type byte followed by the RLP payload), which is what is hashed, signed over
 * the network and sent to {@code eth_sendRawTransaction}; and the form inside a block body ({@link
 * #writeTo(RlpWriter)}), where a typed transaction is wrapped in an RLP string.
 */
public final class Transaction {
  private static final UInt256 V27 = UInt256.valueOf(27);
  private static final UInt256 V28 = UInt256.valueOf(28);
  private static final UInt256 V35 = UInt256.valueOf(35);

  private final TransactionType type;
  private final UInt256 chainId; // null: a legacy transaction without EIP-155 protection
  private final long nonce;
  private final Wei maxPriorityFeePerGas; // the gas price for legacy and access-list types
  private final Wei maxFeePerGas; // the gas price for legacy and access-list types
  private final long gasLimit;
  private final Address to; // null: contract creation
  private final Wei value;
  private final Bytes data;
  private final List<AccessListEntry> accessList;
  private final Wei maxFeePerBlobGas; // blob transactions only
  private final List<Hash> blobVersionedHashes;
  private final UInt256 v;
  private final UInt256 r;
  private final UInt256 s;

  private volatile byte[] encoded; // binary form
  private volatile Hash hash;
  private volatile Address sender;

  private Transaction(Builder b, UInt256 v, UInt256 r, UInt256 s, byte[] encoded) {
    this.type = b.type;
    this.chainId = b.chainId;
    this.nonce = b.nonce;
    this.maxPriorityFeePerGas = b.type.hasDynamicFee() ? b.maxPriorityFeePerGas : b.gasPrice;
    this.maxFeePerGas = b.type.hasDynamicFee() ? b.maxFeePerGas : b.gasPrice;
    this.gasLimit = b.gasLimit;
    this.to = b.to;
    this.value = b.value;
    this.data = b.data;
    this.accessList = List.copyOf(b.accessList);
    this.maxFeePerBlobGas = b.maxFeePerBlobGas;
    this.blobVersionedHashes = List.copyOf(b.blobVersionedHashes);
    this.v = v;
    this.r = r;
    this.s = s;
    this.encoded = encoded;
  }

  public static Builder builder(TransactionType type) {
    return new Builder(type);
  }

  // ---- fields

  public TransactionType type() {
    return type;
  }

  /**
   * The chain id the signature commits to: explicit in typed transactions, derived from v for
   * EIP-155 legacy ones; empty for a legacy transaction signed without replay protection (or one
   * whose v is neither 27/28 nor at least 35).
   */
  public Optional<UInt256> chainId() {
    return Optional.ofNullable(chainId);
  }

  public long nonce() {
    return nonce;
  }

  /**
   * The gas price of a legacy or access-list transaction; for EIP-1559 types the fee cap, as
   * go-ethereum's {@code GasPrice()} answers. What is actually paid is {@link
   * #effectiveGasPrice(Wei)}.
   */
  public Wei gasPrice() {
    return maxFeePerGas;
  }

  /** The priority fee cap; the gas price for types that predate EIP-1559. */
  public Wei maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  /** The fee cap; the gas price for types that predate EIP-1559. */
  public Wei maxFeePerGas() {
    return maxFeePerGas;
  }

  /** The gas limit, an unsigned 64-bit value (compare with {@link Long#compareUnsigned}). */
  public long gasLimit() {
    return gasLimit;
  }

  /** The recipient; empty for a contract creation. */
  public Optional<Address> to() {
    return Optional.ofNullable(to);
  }

  public boolean isContractCreation() {
    return to == null;
  }

  public Wei value() {
    return value;
  }

  /** Call data, or init code for a contract creation. */
  public Bytes data() {
    return data;
  }

  public List<AccessListEntry> accessList() {
    return accessList;
  }

  /** The blob fee cap of a blob transaction; zero for other types. */
  public Wei maxFeePerBlobGas() {
    return maxFeePerBlobGas;
  }

  public List<Hash> blobVersionedHashes() {
    return blobVersionedHashes;
  }

  /** v as encoded: 27/28 or chainId*2+35/36 for legacy, the y parity for typed transactions. */
  public UInt256 v() {
    return v;
  }

  public UInt256 r() {
    return r;
  }

  public UInt256 s() {
    return s;
  }

  // ---- fees

  /** The price per gas paid in a block with {@code baseFee}: min(fee cap, base fee + tip). */
  public Wei effectiveGasPrice(Wei baseFee) {
    if (!type.hasDynamicFee() || baseFee == null) {
      return maxFeePerGas;
    }
    UInt256 withTip = baseFee.toUInt256().add(maxPriorityFeePerGas.toUInt256());
    if (withTip.compareTo(baseFee.toUInt256()) < 0) { // wrapped past 2^256
      return maxFeePerGas;
    }
    return withTip.compareTo(maxFeePerGas.toUInt256()) < 0 ? Wei.of(withTip) : maxFeePerGas;
  }

  /** The tip per gas the block producer receives; null when the fee cap is below the base fee. */
  public Wei effectiveTip(Wei baseFee) {
    if (baseFee == null) {
      return maxPriorityFeePerGas;
    }
    if (maxFeePerGas.compareTo(baseFee) < 0) {
      return null;
    }
    Wei headroom = maxFeePerGas.subtract(baseFee);
    return headroom.compareTo(maxPriorityFeePerGas) < 0 ? headroom : maxPriorityFeePerGas;
  }

  /** Blob gas this transaction consumes (EIP-4844): 2^17 per blob. */
  public long blobGas() {
    return (long) blobVersionedHashes.size() * BLOB_GAS_PER_BLOB;
  }

  /** Gas per blob (EIP-4844). */
  public static final long BLOB_GAS_PER_BLOB = 1L << 17;

  // ---- encoding and identity

  /** The binary form (EIP-2718): what is hashed and what {@code eth_sendRawTransaction} takes. */
  public Bytes encoded() {
    return Bytes.wrap(binary());
  }

  /** The size of the binary form in bytes. */
  public int size() {
    return binary().length;
  }

  /** keccak256 of the binary form. */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Keccak256.hash(binary());
      hash = h;
    }
    return h;
  }

  /** Writes the transaction as it appears in a block body: typed ones wrapped in an RLP string. */
  public void writeTo(RlpWriter writer) {
    byte[] bytes = binary();
    if (type.isTyped()) {
      writer.writeBytes(bytes);
    } else {
      writer.writeRaw(bytes);
    }
  }

  private byte[] binary() {
    byte[] e = encoded;
    if (e == null) {
      RlpWriter writer = new RlpWriter(160 + data.size());
      if (type.isTyped()) {
        writer.writeByteUnframed(type.typeByte());
      }
      writePayload(writer, true, false);
      e = writer.toByteArray();
      encoded = e;
    }
    return e;
  }

  private void writePayload(RlpWriter w, boolean withSignature, boolean eip155Signing) {
    w.startList();
    if (type.isTyped()) {
      w.writeUInt256(chainId);
    }
    w.writeLong(nonce);
    if (type.hasDynamicFee()) {
      w.writeWei(maxPriorityFeePerGas);
    }
    w.writeWei(maxFeePerGas);
    w.writeLong(gasLimit);
    w.writeOptionalAddress(to);
    w.writeWei(value);
    w.writeBytes(data);
    if (type.isTyped()) {
      writeAccessList(w, accessList);
    }
    if (type == TransactionType.BLOB) {
      w.writeWei(maxFeePerBlobGas);
      w.startList();
      for (Hash blobHash : blobVersionedHashes) {
        w.writeHash(blobHash);
      }
      w.endList();
    }
    if (withSignature) {
      w.writeUInt256(v);
      w.writeUInt256(r);
      w.writeUInt256(s);
    } else if (eip155Signing) {
      w.writeUInt256(chainId);
      w.writeEmptyString();
      w.writeEmptyString();
    }
    w.endList();
  }

  private static void writeAccessList(RlpWriter w, List<AccessListEntry> accessList) {
    w.startList();
    for (AccessListEntry entry : accessList) {
      w.startList();
      w.writeAddress(entry.address());
      w.startList();
      for (Hash key : entry.storageKeys()) {
        w.writeHash(key);
      }
      w.endList();
      w.endList();
    }
    w.endList();
  }

  /** The hash the sender signs: the payload without signature (with the chain id for EIP-155). */
  public Hash signingHash() {
    RlpWriter writer = new RlpWriter(128 + data.size());
    if (type.isTyped()) {
      writer.writeByteUnframed(type.typeByte());
      writePayload(writer, false, false);
    } else {
      writePayload(writer, false, chainId != null);
    }
    return Keccak256.hash(writer.toByteArray());
  }

  // ---- sender

  /**
   * The sender, recovered from the signature on first use and cached.
   *
   * @throws InvalidTransactionException {@link TransactionError#INVALID_SIGNATURE} when r, s or v
   *     are out of range, s is in the upper half of the curve order (EIP-2) or no key recovers;
   *     {@link TransactionError#INVALID_CHAIN_ID} for a legacy v that is neither 27/28 nor EIP-155
   */
  public Address sender() {
    Address cached = sender;
    if (cached == null) {
      cached = recoverSender();
      sender = cached;
    }
    return cached;
  }

  /** Whether the sender has been recovered already (for parallel pre-recovery bookkeeping). */
  public boolean isSenderRecovered() {
    return sender != null;
  }

  private Address recoverSender() {
    int recoveryId;
    if (type.isTyped()) {
      if (!v.fitsInt() || v.intValue() > 1) {
        throw new InvalidTransactionException(TransactionError.INVALID_SIGNATURE);
      }
      recoveryId = v.intValue();
    } else if (v.equals(V27) || v.equals(V28)) {
      recoveryId = v.intValue() - 27;
    } else if (v.compareTo(V35) >= 0) {
      recoveryId = v.subtract(V35).get(31) & 1;
    } else {
      throw new InvalidTransactionException(
          TransactionError.INVALID_CHAIN_ID,
          "legacy v " + v.toBigInteger() + " is not 27, 28 or at least 35");
    }
    Signature signature = new Signature(r, s, recoveryId);
    if (!signature.isCanonical()) {
      throw new InvalidTransactionException(TransactionError.INVALID_SIGNATURE);
    }
    return Secp256k1.recoverAddress(signingHash(), signature)
        .orElseThrow(
            () ->
                new InvalidTransactionException(
                    TransactionError.INVALID_SIGNATURE, "public key recovery failed"));
  }

  // ---- decoding

  /**
   * Decodes the binary form (what {@code eth_sendRawTransaction} receives).
   *
   * @throws RlpException when the bytes are not a canonical encoding of a transaction
   * @throws InvalidTransactionException {@link TransactionError#TX_TYPE_NOT_SUPPORTED} for an
   *     unknown type byte
   */
  public static Transaction decode(Bytes binary) {
    return decode(binary.toArrayUnsafe());
  }

  public static Transaction decode(byte[] binaryForm) {
    byte[] binary = binaryForm.clone();
    if (binary.length == 0) {
      throw new RlpException("empty transaction");
    }
    int first = binary[0] & 0xff;
    if (first >= 0xc0) {
      RlpReader reader = RlpReader.of(binary);
      Transaction tx = readPayload(reader, TransactionType.LEGACY, binary);
      reader.expectEnd("transaction");
      return tx;
    }
    if (first >= 0x80) {
      throw new RlpException("expected a list or a typed transaction, got an RLP string");
    }
    return decodeTyped(binary);
  }

  /**
   * Reads one transaction as it appears in a block body: a legacy RLP list, or a typed transaction
   * wrapped in an RLP string.
   */
  public static Transaction readFrom(RlpReader reader) {
    if (reader.nextIsList()) {
      byte[] raw = reader.readRaw("transaction");
      RlpReader inner = RlpReader.of(raw);
      return readPayload(inner, TransactionType.LEGACY, raw);
    }
    byte[] binary = reader.readBytes("typed transaction");
    if (binary.length == 0 || (binary[0] & 0xff) >= 0x80) {
      throw new RlpException("typed transaction too short or not typed");
    }
    return decodeTyped(binary);
  }

  private static Transaction decodeTyped(byte[] binary) {
    int typeByte = binary[0] & 0xff;
    TransactionType type =
        TransactionType.fromTypeByte(typeByte)
            .filter(t -> t != TransactionType.LEGACY && t != TransactionType.SET_CODE)
            .orElseThrow(
                () ->
                    new InvalidTransactionException(
                        TransactionError.TX_TYPE_NOT_SUPPORTED, "type " + typeByte));
    RlpReader reader = RlpReader.of(binary, 1, binary.length - 1);
    if (!reader.hasNext()) {
      throw new RlpException("typed transaction without payload");
    }
    if (!reader.nextIsList()) {
      throw new RlpException("typed transaction payload is not a list");
    }
    if (type == TransactionType.BLOB) {
      RlpReader peek = RlpReader.of(binary, 1, binary.length - 1);
      peek.enterList("transaction");
      if (peek.hasNext() && peek.nextIsList()) {
        // EIP-4844's network form [transaction, blobs, commitments, proofs]: no blobs here
        throw new InvalidTransactionException(
            TransactionError.TX_TYPE_NOT_SUPPORTED,
            "blob transactions with blobs are not accepted");
      }
    }
    Transaction tx = readPayload(reader, type, binary);
    reader.expectEnd("transaction");
    return tx;
  }

  private static Transaction readPayload(RlpReader r, TransactionType type, byte[] binary) {
    r.enterList("transaction");
    Builder b = new Builder(type);
    if (type.isTyped()) {
      b.chainId = r.readUInt256("chainId");
    }
    b.nonce = r.readLong("nonce");
    if (type.hasDynamicFee()) {
      b.maxPriorityFeePerGas = r.readWei("maxPriorityFeePerGas");
      b.maxFeePerGas = r.readWei("maxFeePerGas");
    } else {
      b.gasPrice = r.readWei("gasPrice");
    }
    b.gasLimit = r.readLong("gasLimit");
    b.to = type == TransactionType.BLOB ? r.readAddress("to") : r.readOptionalAddress("to");
    b.value = r.readWei("value");
    b.data = r.readValue("data");
    if (type.isTyped()) {
      b.accessList = readAccessList(r);
    }
    if (type == TransactionType.BLOB) {
      b.maxFeePerBlobGas = r.readWei("maxFeePerBlobGas");
      r.enterList("blobVersionedHashes");
      List<Hash> hashes = new ArrayList<>();
      while (r.hasNext()) {
        hashes.add(r.readHash("blob versioned hash"));
      }
      r.exitList("blobVersionedHashes");
      b.blobVersionedHashes = hashes;
    }
    UInt256 v = r.readUInt256(type.isTyped() ? "yParity" : "v");
    UInt256 rValue = r.readUInt256("r");
    UInt256 sValue = r.readUInt256("s");
    r.exitList("transaction");
    if (!type.isTyped()) {
      b.chainId = legacyChainId(v);
    }
    return new Transaction(b, v, rValue, sValue, binary);
  }

  private static List<AccessListEntry> readAccessList(RlpReader r) {
    r.enterList("accessList");
    List<AccessListEntry> entries = new ArrayList<>();
    while (r.hasNext()) {
      r.enterList("access list entry");
      Address address = r.readAddress("access list address");
      r.enterList("access list storage keys");
      List<Hash> keys = new ArrayList<>();
      while (r.hasNext()) {
        keys.add(r.readHash("access list storage key"));
      }
      r.exitList("access list storage keys");
      r.exitList("access list entry");
      entries.add(new AccessListEntry(address, keys));
    }
    r.exitList("accessList");
    return entries;
  }

  /** EIP-155: v = chainId * 2 + 35 + parity; 27/28 (or anything below 35) carries no chain id. */
  private static UInt256 legacyChainId(UInt256 v) {
    if (v.compareTo(V35) < 0) {
      return null;
    }
    return v.subtract(V35).divide(2);
  }

  // ---- equality: two transactions are equal when their encodings are

  @Override
  public boolean equals(Object other) {
    return other instanceof Transaction that && hash().equals(that.hash());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "Transaction[" + type + " " + hash() + "]";
  }

  /** Assembles a transaction; {@link #sign} produces the signed, immutable result. */
  public static final class Builder {
    private final TransactionType type;
    private UInt256 chainId;
    private long nonce;
    private Wei gasPrice = Wei.ZERO;
    private Wei maxPriorityFeePerGas = Wei.ZERO;
    private Wei maxFeePerGas = Wei.ZERO;
    private long gasLimit;
    private Address to;
    private Wei value = Wei.ZERO;
    private Bytes data = Bytes.EMPTY;
    private List<AccessListEntry> accessList = List.of();
    private Wei maxFeePerBlobGas = Wei.ZERO;
    private List<Hash> blobVersionedHashes = List.of();

    private Builder(TransactionType type) {
      this.type = Objects.requireNonNull(type);
    }

    public Builder chainId(long chainId) {
      this.chainId = UInt256.valueOf(chainId);
      return this;
    }

    public Builder nonce(long nonce) {
      this.nonce = nonce;
      return this;
    }

    /** The gas price of a legacy or access-list transaction. */
    public Builder gasPrice(Wei gasPrice) {
      this.gasPrice = gasPrice;
      return this;
    }

    public Builder maxPriorityFeePerGas(Wei fee) {
      this.maxPriorityFeePerGas = fee;
      return this;
    }

    public Builder maxFeePerGas(Wei fee) {
      this.maxFeePerGas = fee;
      return this;
    }

    public Builder gasLimit(long gasLimit) {
      this.gasLimit = gasLimit;
      return this;
    }

    /** The recipient; {@code null} for a contract creation. */
    public Builder to(Address to) {
      this.to = to;
      return this;
    }

    public Builder value(Wei value) {
      this.value = value;
      return this;
    }

    public Builder data(Bytes data) {
      this.data = data;
      return this;
    }

    public Builder accessList(List<AccessListEntry> accessList) {
      this.accessList = List.copyOf(accessList);
      return this;
    }

    public Builder maxFeePerBlobGas(Wei fee) {
      this.maxFeePerBlobGas = fee;
      return this;
    }

    public Builder blobVersionedHashes(List<Hash> hashes) {
      this.blobVersionedHashes = List.copyOf(hashes);
      return this;
    }

    /**
     * Signs for {@code chainId}: legacy transactions get EIP-155 replay protection.
     *
     * @throws IllegalStateException when the fields do not make a valid transaction of this type
     */
    public Transaction sign(SecretKey key, long chainId) {
      this.chainId = UInt256.valueOf(chainId);
      return signWith(key);
    }

    /** Signs a legacy transaction without a chain id (v = 27/28), as before EIP-155. */
    public Transaction signWithoutReplayProtection(SecretKey key) {
      if (type != TransactionType.LEGACY) {
        throw new IllegalStateException("only legacy transactions can omit the chain id");
      }
      this.chainId = null;
      return signWith(key);
    }

    /** A transaction with a signature made elsewhere (v as it is encoded for this type). */
    public Transaction withSignature(UInt256 v, UInt256 r, UInt256 s) {
      checkShape();
      if (!type.isTyped()) {
        chainId = legacyChainId(v);
      }
      return new Transaction(this, v, r, s, null);
    }

    private Transaction signWith(SecretKey key) {
      checkShape();
      Transaction unsigned = new Transaction(this, UInt256.ZERO, UInt256.ZERO, UInt256.ZERO, null);
      Signature signature = Secp256k1.sign(unsigned.signingHash(), key);
      UInt256 v;
      if (type.isTyped()) {
        v = UInt256.valueOf(signature.recoveryId());
      } else if (chainId == null) {
        v = UInt256.valueOf(27 + signature.recoveryId());
      } else {
        v = chainId.multiply(2).add(V35).add(signature.recoveryId());
      }
      Transaction signed = new Transaction(this, v, signature.r(), signature.s(), null);
      signed.sender = key.address();
      return signed;
    }

    private void checkShape() {
      if (type.isTyped() && chainId == null) {
        throw new IllegalStateException(type + " transactions need a chain id");
      }
      if (type == TransactionType.BLOB && to == null) {
        throw new IllegalStateException("blob transactions cannot create contracts");
      }
      if (type == TransactionType.SET_CODE) {
        throw new IllegalStateException("set-code transactions (EIP-7702) are not supported yet");
      }
    }
  }
}
