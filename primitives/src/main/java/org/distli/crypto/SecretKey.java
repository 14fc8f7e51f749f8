package org.distli.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;

/**
 * A secp256k1 private key. Its {@link #toString()} never shows the key, so that it cannot reach a
 * log by accident; {@link #toHexUnsafe()} is for writing keystores and nothing else.
 */
public final class SecretKey {
  private final byte[] key;
  private final byte[] publicKey;
  private final Address address;

  private SecretKey(byte[] key) {
    if (key.length != 32 || !Secp256k1.isValidSecretKey(key)) {
      throw new IllegalArgumentException("not a valid secp256k1 private key");
    }
    this.key = key;
    this.publicKey = Secp256k1.publicKeyOf(key);
    this.address = Address.fromPublicKey(publicKey);
  }

  public static SecretKey of(byte[] key) {
    return new SecretKey(key.clone());
  }

  public static SecretKey fromHex(String hex) {
    return new SecretKey(Hex.decode(hex).toArray());
  }

  public static SecretKey random(SecureRandom random) {
    while (true) {
      byte[] candidate = new byte[32];
      random.nextBytes(candidate);
      if (Secp256k1.isValidSecretKey(candidate)) {
        return new SecretKey(candidate);
      }
    }
  }

  /** The 64-byte uncompressed public key, without the 0x04 prefix. */
  public Bytes publicKey() {
    return Bytes.wrap(publicKey);
  }

  public Address address() {
    return address;
  }

  byte[] keyBytes() {
    return key;
  }

  /** The key bytes; for keystore encryption and key export only. */
  public byte[] toArrayUnsafe() {
    return key.clone();
  }

  public String toHexUnsafe() {
    return Hex.encode(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretKey that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  @Override
  public String toString() {
    return "SecretKey[" + address + "]";
  }
}
