package org.distli.primitives;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A 32-byte Keccak-256 digest: block, transaction, state-root and code hashes. Immutable. */
public final class Hash implements Comparable<Hash> {
  public static final int SIZE = 32;
  public static final Hash ZERO = new Hash(new byte[SIZE]);

  /** keccak256 of the empty byte string: the code hash of an account without code. */
  public static final Hash EMPTY_CODE =
      fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  /** keccak256(rlp("")): the root of an empty Merkle Patricia trie. */
  public static final Hash EMPTY_TRIE_ROOT =
      fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  /** keccak256(rlp([])): the ommers hash of every post-merge block. */
  public static final Hash EMPTY_LIST =
      fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  private final byte[] bytes;
  private final int hash;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /**
   * Takes ownership of a freshly computed 32-byte digest; callers must not modify it afterwards.
   */
  public static Hash wrap(byte[] digest) {
    if (digest.length != SIZE) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + digest.length);
    }
    return new Hash(digest);
  }

  public static Hash of(byte[] value) {
    return wrap(value.clone());
  }

  public static Hash of(Bytes value) {
    if (value.size() != SIZE) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + value.size());
    }
    return new Hash(value.toArray());
  }

  public static Hash fromHex(String hex) {
    Bytes value = Hex.decode(hex);
    if (value.size() != SIZE) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + value.size());
    }
    return new Hash(value.toArrayUnsafe());
  }

  /** A read-only view of the hash bytes. */
  public Bytes32 toBytes() {
    return Bytes32.wrap(bytes);
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public byte get(int index) {
    return bytes[index];
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, SIZE);
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  /** Lower-case {@code 0x}-prefixed hex. */
  public String toHexString() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && hash == that.hash && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}
