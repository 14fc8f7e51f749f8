package org.distli.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * secp256k1 signing and public-key recovery through ACINQ's JNI binding of bitcoin-core's
 * libsecp256k1: recovery is the hot path of transaction validation, and the native library is an
 * order of magnitude faster than a pure-Java implementation.
 */
public final class Secp256k1 {
  private static final fr.acinq.secp256k1.Secp256k1 NATIVE = fr.acinq.secp256k1.Secp256k1.get();

  private Secp256k1() {}

  static boolean isValidSecretKey(byte[] key) {
    return key.length == 32 && NATIVE.secKeyVerify(key);
  }

  /** The 64-byte uncompressed public key of {@code key}, without the 0x04 prefix. */
  static byte[] publicKeyOf(byte[] key) {
    byte[] uncompressed = NATIVE.pubkeyCreate(key);
    return Arrays.copyOfRange(uncompressed, 1, 65);
  }

  /** Signs a 32-byte message hash deterministically (RFC 6979); s is always in the lower half. */
  public static Signature sign(Hash message, SecretKey key) {
    byte[] msg = message.toArray();
    byte[] compact = NATIVE.sign(msg, key.keyBytes());
    byte[] expected = key.publicKey().toArrayUnsafe();
    // libsecp256k1 signs without reporting the recovery id; recovering with each candidate and
    // comparing to the known public key finds it.
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      Optional<byte[]> recovered = recoverPublicKey(msg, compact, recoveryId);
      if (recovered.isPresent() && Arrays.equals(recovered.get(), expected)) {
        return new Signature(
            UInt256.fromBytes(Bytes.wrap(compact, 0, 32)),
            UInt256.fromBytes(Bytes.wrap(compact, 32, 32)),
            recoveryId);
      }
    }
    throw new IllegalStateException("signature recovery id not found");
  }

  /**
   * Recovers the 64-byte public key that produced {@code signature} over {@code message}; empty
   * when the signature is invalid or no key matches. Does not apply the EIP-2 low-s rule: callers
   * that need it check {@link Signature#isCanonical()}.
   */
  public static Optional<byte[]> recoverPublicKey(Hash message, Signature signature) {
    if (!signature.isValid()) {
      return Optional.empty();
    }
    return recoverPublicKey(message.toArray(), signature.toCompact(), signature.recoveryId());
  }

  public static Optional<Address> recoverAddress(Hash message, Signature signature) {
    return recoverPublicKey(message, signature).map(Address::fromPublicKey);
  }

  private static Optional<byte[]> recoverPublicKey(byte[] msg, byte[] compact, int recoveryId) {
    try {
      byte[] uncompressed = NATIVE.ecdsaRecover(compact, msg, recoveryId);
      if (uncompressed == null || uncompressed.length != 65) {
        return Optional.empty();
      }
      return Optional.of(Arrays.copyOfRange(uncompressed, 1, 65));
    } catch (RuntimeException invalid) {
      return Optional.empty();
    }
  }
}
