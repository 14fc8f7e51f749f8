package org.distli.p2p.discovery.enr;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.crypto.SecretKey;
import org.distli.p2p.Enode;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * An Ethereum Node Record (EIP-778, devp2p enr.md): a signed, versioned list of key/value pairs
 * that says where a node is and what it runs. The canonical encoding is {@code RLP([signature, seq,
 * k, v, ...])} with the keys sorted and unique, at most 300 bytes; the text form is {@code enr:}
 * followed by the URL-safe base64 of that encoding without padding.
 *
 * <p>Only the "v4" identity scheme exists: a record is accepted when its signature over {@code
 * keccak256(RLP([seq, k, v, ...]))} was made by the compressed key in its "secp256k1" entry. The
 * pre-defined entries ("id", "secp256k1", "ip", "ip6", "tcp", "udp", "tcp6", "udp6") are checked
 * for their form when a record is decoded; every other value (such as the "eth" entry of EIP-2124
 * fork ids) is kept as the RLP item it was, so records carrying entries this code does not know
 * still verify and re-encode unchanged.
 *
 * <p>Keys are byte strings; they are held as ISO-8859-1 strings, which map each byte to the
 * character of the same value, so that sorting the strings sorts the bytes.
 */
public final class NodeRecord {
  /** The largest encoded record EIP-778 allows. */
  public static final int MAX_SIZE = 300;

  private static final String TEXT_PREFIX = "enr:";

  private final long seq;
  private final SortedMap<String, Bytes> pairs;
  private final Bytes signature;
  private final Bytes encoded;

  // the pre-defined entries, checked and decoded once
  private final Bytes publicKey;
  private final InetAddress ip;
  private final InetAddress ip6;
  private final int tcp;
  private final int udp;
  private final int tcp6;
  private final int udp6;

  private NodeRecord(long seq, SortedMap<String, Bytes> pairs, Bytes signature, Bytes encoded) {
    this.seq = seq;
    this.pairs = Collections.unmodifiableSortedMap(pairs);
    this.signature = signature;
    this.encoded = encoded;
    String scheme = stringEntry("id");
    if (scheme == null) {
      throw new InvalidRecordException("record has no \"id\" (identity scheme)");
    }
    if (!V4Identity.SCHEME.equals(scheme)) {
      throw new InvalidRecordException("unknown identity scheme \"" + scheme + "\"");
    }
    Bytes compressedKey = fixedEntry("secp256k1", V4Identity.COMPRESSED_KEY_SIZE);
    if (compressedKey == null) {
      throw new InvalidRecordException("\"v4\" record has no \"secp256k1\" key");
    }
    this.publicKey = V4Identity.decompress(compressedKey);
    this.ip = addressEntry("ip", 4);
    this.ip6 = addressEntry("ip6", 16);
    this.tcp = portEntry("tcp");
    this.udp = portEntry("udp");
    this.tcp6 = portEntry("tcp6");
    this.udp6 = portEntry("udp6");
  }

  /**
   * Decodes and verifies a record from its RLP encoding.
   *
   * @throws InvalidRecordException when it is larger than 300 bytes, not canonical RLP, its keys
   *     are not sorted and unique, a pre-defined entry is malformed, or the signature does not
   *     verify
   */
  public static NodeRecord decode(Bytes encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.size() > MAX_SIZE) {
      throw new InvalidRecordException(
          "record too large: " + encoded.size() + " bytes (at most " + MAX_SIZE + ")");
    }
    Bytes signature;
    long seq;
    TreeMap<String, Bytes> pairs = new TreeMap<>();
    try {
      RlpReader reader = RlpReader.of(encoded);
      reader.enterList("record");
      signature = reader.readValue("signature");
      seq = reader.readLong("seq");
      String previous = null;
      while (reader.hasNext()) {
        String key = new String(reader.readBytes("key"), ISO_8859_1);
        if (!reader.hasNext()) {
          throw new InvalidRecordException("record key \"" + key + "\" has no value");
        }
        if (previous != null && key.compareTo(previous) <= 0) {
          throw new InvalidRecordException(
              "record keys are not sorted and unique: \"" + key + "\" after \"" + previous + "\"");
        }
        pairs.put(key, Bytes.wrap(reader.readRaw(key)));
        previous = key;
      }
      reader.exitList("record");
      reader.expectEnd("record");
    } catch (RlpException e) {
      throw new InvalidRecordException("invalid record: " + e.getMessage(), e);
    }
    NodeRecord record = new NodeRecord(seq, pairs, signature, encoded.copy());
    if (!V4Identity.verify(contentHash(seq, pairs), signature, record.publicKey)) {
      throw new InvalidRecordException("invalid record signature");
    }
    return record;
  }

  /**
   * Parses the text form {@code enr:<base64url>} and verifies the record.
   *
   * @throws InvalidRecordException when it is not that form or the record is invalid
   */
  public static NodeRecord fromText(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.trim();
    if (!trimmed.startsWith(TEXT_PREFIX)) {
      throw new InvalidRecordException("a node record's text form starts with \"enr:\"");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(trimmed.substring(TEXT_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("invalid base64 in node record: " + e.getMessage());
    }
    return decode(Bytes.wrap(bytes));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's entries, to sign a changed copy (with a higher seq). */
  public Builder toBuilder() {
    Builder builder = new Builder().seq(seq);
    builder.pairs.putAll(pairs);
    return builder;
  }

  public long seq() {
    return seq;
  }

  /** The 64-byte public key (uncompressed, without 0x04) that signed the record. */
  public Bytes publicKey() {
    return publicKey;
  }

  /** The node's address in the discovery table: keccak256 of the uncompressed public key. */
  public Hash nodeId() {
    return Keccak256.hash(publicKey);
  }

  public Optional<InetAddress> ip() {
    return Optional.ofNullable(ip);
  }

  public Optional<InetAddress> ip6() {
    return Optional.ofNullable(ip6);
  }

  public OptionalInt tcp() {
    return tcp < 0 ? OptionalInt.empty() : OptionalInt.of(tcp);
  }

  public OptionalInt udp() {
    return udp < 0 ? OptionalInt.empty() : OptionalInt.of(udp);
  }

  /** The IPv6 TCP port: "tcp6" when present, else "tcp" (enr.md). */
  public OptionalInt tcp6() {
    return tcp6 < 0 ? tcp() : OptionalInt.of(tcp6);
  }

  /** The IPv6 UDP port: "udp6" when present, else "udp" (enr.md). */
  public OptionalInt udp6() {
    return udp6 < 0 ? udp() : OptionalInt.of(udp6);
  }

  /** The RLP item stored under {@code key}, if any. */
  public Optional<Bytes> get(String key) {
    return Optional.ofNullable(pairs.get(key));
  }

  /** The "eth" entry ({@code [[forkHash, forkNext]]}, EIP-2124) as its RLP item, if any. */
  public Optional<Bytes> eth() {
    return get("eth");
  }

  /** All entries, sorted by key, each value as its RLP item. */
  public SortedMap<String, Bytes> entries() {
    return pairs;
  }

  public Bytes signature() {
    return signature;
  }

  /** The canonical RLP encoding. */
  public Bytes encoded() {
    return encoded;
  }

  public String toText() {
    return TEXT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(encoded.toArray());
  }

  /**
   * The node as an enode URL, from the IPv4 address (else the IPv6 one) and its ports; empty when
   * the record has no address with a UDP port. A missing TCP port reads as 0 (no RLPx).
   */
  public Optional<Enode> toEnode() {
    if (ip != null && udp >= 0) {
      return Optional.of(new Enode(publicKey, ip, Math.max(tcp, 0), udp));
    }
    if (ip6 != null && udp6().isPresent()) {
      return Optional.of(new Enode(publicKey, ip6, tcp6().orElse(0), udp6().getAsInt()));
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeRecord that && encoded.equals(that.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return toText();
  }

  // ---- the pre-defined entries

  private String stringEntry(String key) {
    Bytes raw = pairs.get(key);
    if (raw == null) {
      return null;
    }
    return new String(readString(key, raw), ISO_8859_1);
  }

  private Bytes fixedEntry(String key, int size) {
    Bytes raw = pairs.get(key);
    if (raw == null) {
      return null;
    }
    byte[] value = readString(key, raw);
    if (value.length != size) {
      throw new InvalidRecordException(
          "record entry \"" + key + "\" must be " + size + " bytes, got " + value.length);
    }
    return Bytes.wrap(value);
  }

  private InetAddress addressEntry(String key, int size) {
    Bytes value = fixedEntry(key, size);
    if (value == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(value.toArrayUnsafe());
    } catch (UnknownHostException e) {
      throw new InvalidRecordException("record entry \"" + key + "\" is not an IP address");
    }
  }

  private int portEntry(String key) {
    Bytes raw = pairs.get(key);
    if (raw == null) {
      return -1;
    }
    try {
      RlpReader reader = RlpReader.of(raw);
      long port = reader.readLong(key);
      if (port < 0 || port > 65535) {
        throw new InvalidRecordException("record entry \"" + key + "\" is not a port: " + port);
      }
      return (int) port;
    } catch (RlpException e) {
      throw new InvalidRecordException("record entry \"" + key + "\": " + e.getMessage(), e);
    }
  }

  private static byte[] readString(String key, Bytes raw) {
    try {
      return RlpReader.of(raw).readBytes(key);
    } catch (RlpException e) {
      throw new InvalidRecordException("record entry \"" + key + "\": " + e.getMessage(), e);
    }
  }

  // ---- encoding

  private static byte[] content(long seq, SortedMap<String, Bytes> pairs) {
    RlpWriter writer = new RlpWriter(MAX_SIZE);
    writer.startList();
    writePairs(writer, seq, pairs);
    writer.endList();
    return writer.toByteArray();
  }

  private static Hash contentHash(long seq, SortedMap<String, Bytes> pairs) {
    return Keccak256.hash(content(seq, pairs));
  }

  private static void writePairs(RlpWriter writer, long seq, SortedMap<String, Bytes> pairs) {
    writer.writeLong(seq);
    pairs.forEach(
        (key, value) -> {
          writer.writeBytes(key.getBytes(ISO_8859_1));
          writer.writeRaw(value.toArrayUnsafe());
        });
  }

  /**
   * Collects entries and signs them with the "v4" scheme, which adds "id" and "secp256k1". Values
   * set with {@link #set} are RLP items, so that any entry (a list such as "eth") can be carried.
   */
  public static final class Builder {
    private long seq = 1;
    private final TreeMap<String, Bytes> pairs = new TreeMap<>();

    private Builder() {}

    public Builder seq(long seq) {
      this.seq = seq;
      return this;
    }

    /** Sets "ip" for an IPv4 address, "ip6" for an IPv6 one. */
    public Builder ip(InetAddress address) {
      if (address instanceof Inet4Address) {
        return set("ip", encodeString(address.getAddress()));
      }
      if (address instanceof Inet6Address) {
        return set("ip6", encodeString(address.getAddress()));
      }
      throw new IllegalArgumentException("not an IP address: " + address);
    }

    public Builder tcp(int port) {
      return set("tcp", encodePort(port));
    }

    public Builder udp(int port) {
      return set("udp", encodePort(port));
    }

    /**
     * Sets {@code key} to an RLP item (one string or list).
     *
     * @throws IllegalArgumentException when {@code rlpValue} is not exactly one RLP item
     */
    public Builder set(String key, Bytes rlpValue) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(rlpValue, "rlpValue");
      try {
        RlpReader reader = RlpReader.of(rlpValue);
        reader.skip(key);
        reader.expectEnd(key);
      } catch (RlpException e) {
        throw new IllegalArgumentException(
            "record entry \"" + key + "\" is not one RLP item: " + e.getMessage(), e);
      }
      pairs.put(key, rlpValue.copy());
      return this;
    }

    public Builder remove(String key) {
      pairs.remove(key);
      return this;
    }

    /** The entries as they would be signed (without "id" and "secp256k1" until signed). */
    public SortedMap<String, Bytes> entries() {
      return Collections.unmodifiableSortedMap(pairs);
    }

    /**
     * Signs the entries with {@code key}.
     *
     * @throws InvalidRecordException when the signed record would exceed 300 bytes
     */
    public NodeRecord sign(SecretKey key) {
      set("id", encodeString(V4Identity.SCHEME.getBytes(ISO_8859_1)));
      set("secp256k1", encodeString(V4Identity.compress(key.publicKey()).toArrayUnsafe()));
      TreeMap<String, Bytes> signed = new TreeMap<>(pairs);
      Bytes signature = V4Identity.sign(contentHash(seq, signed), key);
      RlpWriter writer = new RlpWriter(MAX_SIZE);
      writer.startList();
      writer.writeBytes(signature);
      writePairs(writer, seq, signed);
      writer.endList();
      byte[] encoded = writer.toByteArray();
      if (encoded.length > MAX_SIZE) {
        throw new InvalidRecordException(
            "record too large: " + encoded.length + " bytes (at most " + MAX_SIZE + ")");
      }
      return new NodeRecord(seq, signed, signature, Bytes.wrap(encoded));
    }

    private static Bytes encodeString(byte[] value) {
      return Bytes.wrap(new RlpWriter(value.length + 3).writeBytes(value).toByteArray());
    }

    private static Bytes encodePort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      return Bytes.wrap(new RlpWriter(4).writeLong(port).toByteArray());
    }
  }
}
