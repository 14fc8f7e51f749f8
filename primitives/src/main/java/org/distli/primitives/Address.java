package org.distli.primitives;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;

/** A 20-byte account address. Immutable; equality and hashing by value. */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(new byte[SIZE]);

  private final byte[] bytes;
  private final int hash;

  private Address(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** Copies the 20 bytes at {@code offset}. */
  public static Address wrapCopy(byte[] source, int offset) {
    return new Address(Arrays.copyOfRange(source, offset, offset + SIZE));
  }

  public static Address of(byte[] value) {
    if (value.length != SIZE) {
      throw new IllegalArgumentException("address must be 20 bytes, got " + value.length);
    }
    return new Address(value.clone());
  }

  public static Address of(Bytes value) {
    if (value.size() != SIZE) {
      throw new IllegalArgumentException("address must be 20 bytes, got " + value.size());
    }
    return new Address(value.toArray());
  }

  /** Parses {@code 0x}-prefixed (or bare) hex of exactly 40 digits, any letter case. */
  public static Address fromHex(String hex) {
    Bytes value = Hex.decode(hex);
    if (value.size() != SIZE) {
      throw new IllegalArgumentException("address must be 20 bytes, got " + value.size());
    }
    return new Address(value.toArrayUnsafe());
  }

  /** The low 20 bytes of a 32-byte word, as CALL and friends interpret an address operand. */
  public static Address fromWord(Bytes word32) {
    return new Address(word32.slice(word32.size() - SIZE, SIZE).toArray());
  }

  /** The address of an uncompressed 64-byte public key (without the 0x04 prefix). */
  public static Address fromPublicKey(byte[] publicKey64) {
    byte[] digest = Keccak256.digest(publicKey64);
    return new Address(Arrays.copyOfRange(digest, 12, 32));
  }

  /** A read-only view of the address bytes. */
  public Bytes toBytes() {
    return Bytes.wrap(bytes);
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public byte get(int index) {
    return bytes[index];
  }

  /** Copies the 20 bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, SIZE);
  }

  /** Lower-case {@code 0x}-prefixed hex. */
  public String toHexString() {
    return Hex.encode(bytes);
  }

  /** Mixed-case checksummed hex (EIP-55), as wallets display addresses. */
  public String toChecksumString() {
    String lower = Hex.encode(bytes).substring(2);
    byte[] digest = Keccak256.digest(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(42).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (digest[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Address that && hash == that.hash && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}
