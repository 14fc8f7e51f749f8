package org.distli.p2p.discovery.enr;

import java.util.Arrays;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.primitives.Hash;

/**
 * The "v4" identity scheme of EIP-778: keccak256 of the record content signed with secp256k1, the
 * signature stored as r || s (64 bytes, no recovery id), the key stored compressed (33 bytes).
 * Verification recovers the key for both possible recovery ids and compares, which needs no
 * separate verify primitive; like go-ethereum (libsecp256k1's verify) it refuses high-s signatures,
 * so that a record has exactly one valid signature.
 */
final class V4Identity {
  static final String SCHEME = "v4";
  static final int SIGNATURE_SIZE = 64;
  static final int COMPRESSED_KEY_SIZE = 33;

  private static final ECCurve CURVE = curve();

  private V4Identity() {}

  static Bytes sign(Hash content, SecretKey key) {
    Signature signature = Secp256k1.sign(content, key);
    return Bytes.wrap(signature.toCompact());
  }

  static boolean verify(Hash content, Bytes signature, Bytes publicKey) {
    if (signature.size() != SIGNATURE_SIZE) {
      return false;
    }
    UInt256 r = UInt256.fromBytes(signature.slice(0, 32));
    UInt256 s = UInt256.fromBytes(signature.slice(32, 32));
    byte[] expected = publicKey.toArrayUnsafe();
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      Signature candidate = new Signature(r, s, recoveryId);
      if (!candidate.isCanonical()) {
        return false;
      }
      Optional<byte[]> recovered = Secp256k1.recoverPublicKey(content, candidate);
      if (recovered.isPresent() && Arrays.equals(recovered.get(), expected)) {
        return true;
      }
    }
    return false;
  }

  /** The 33-byte compressed form of a 64-byte public key: 0x02 or 0x03 (y parity) || x. */
  static Bytes compress(Bytes publicKey) {
    byte[] out = new byte[COMPRESSED_KEY_SIZE];
    out[0] = (byte) ((publicKey.get(63) & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(publicKey.toArrayUnsafe(), 0, out, 1, 32);
    return Bytes.wrap(out);
  }

  /**
   * The 64-byte public key of a compressed one.
   *
   * @throws InvalidRecordException when the bytes are not a point on the curve
   */
  static Bytes decompress(Bytes compressed) {
    if (compressed.size() != COMPRESSED_KEY_SIZE
        || (compressed.get(0) != 0x02 && compressed.get(0) != 0x03)) {
      throw new InvalidRecordException("secp256k1: not a 33-byte compressed public key");
    }
    try {
      byte[] uncompressed = CURVE.decodePoint(compressed.toArrayUnsafe()).getEncoded(false);
      return Bytes.wrap(Arrays.copyOfRange(uncompressed, 1, 65));
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("secp256k1: not a point on the curve");
    }
  }

  private static ECCurve curve() {
    X9ECParameters parameters = CustomNamedCurves.getByName("secp256k1");
    return parameters.getCurve();
  }
}
