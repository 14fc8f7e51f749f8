package org.distli.crypto;

import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.distli.primitives.Hash;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). */
public final class Keccak256 {
  private Keccak256() {}

  public static byte[] digest(byte[] input) {
    return digest(input, 0, input.length);
  }

  public static byte[] digest(byte[] input, int offset, int length) {
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(input, offset, length);
    byte[] out = new byte[32];
    keccak.doFinal(out, 0);
    return out;
  }

  public static Hash hash(byte[] input) {
    return Hash.wrap(digest(input));
  }

  public static Hash hash(Bytes input) {
    return Hash.wrap(digest(input.toArrayUnsafe()));
  }
}
