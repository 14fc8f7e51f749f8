package org.distli.crypto;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;

/** An ECDSA signature over secp256k1 with its recovery id (0 or 1, the y parity of R). */
public record Signature(UInt256 r, UInt256 s, int recoveryId) {
  /** The group order n. */
  public static final UInt256 CURVE_ORDER =
      UInt256.fromHexString("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

  /** n / 2: EIP-2 refuses transaction signatures with s above it. */
  public static final UInt256 HALF_CURVE_ORDER = CURVE_ORDER.divide(2);

  public static Signature of(BigInteger r, BigInteger s, int recoveryId) {
    return new Signature(UInt256.valueOf(r), UInt256.valueOf(s), recoveryId);
  }

  /** r and s within [1, n-1] and a recovery id of 0 or 1: the checks ecrecover makes. */
  public boolean isValid() {
    return !r.isZero()
        && !s.isZero()
        && r.compareTo(CURVE_ORDER) < 0
        && s.compareTo(CURVE_ORDER) < 0
        && (recoveryId == 0 || recoveryId == 1);
  }

  /** Valid, with s in the lower half of the order (EIP-2), as transactions require. */
  public boolean isCanonical() {
    return isValid() && s.compareTo(HALF_CURVE_ORDER) <= 0;
  }

  /** The 64-byte compact form r || s. */
  public byte[] toCompact() {
    byte[] out = new byte[64];
    System.arraycopy(r.toArrayUnsafe(), 0, out, 0, 32);
    System.arraycopy(s.toArrayUnsafe(), 0, out, 32, 32);
    return out;
  }
}
