package org.distli.evm.precompile.bn254;

/**
 * The alt_bn128 (BN254) operations of EIP-196 and EIP-197 on their byte encodings: 32-byte
 * big-endian field elements, G1 points as (x, y), G2 points as (x_imaginary, x_real, y_imaginary,
 * y_real), the point at infinity as zeros. Every method returns null for invalid input (a
 * coordinate not below p, a point off the curve, a G2 point outside the order-r subgroup).
 * Thread-safe: each call works in its own scratch space.
 */
public final class Bn254 {
  public static final int G1_SIZE = 64;
  public static final int G2_SIZE = 128;
  public static final int PAIR_SIZE = G1_SIZE + G2_SIZE;

  private Bn254() {}

  /** EIP-196 point addition: input (P1, P2), zero-padded or cut to 128 bytes; output 64 bytes. */
  public static byte[] add(byte[] input) {
    byte[] in = padded(input, 2 * G1_SIZE);
    long[] points = new long[16];
    if (!G1.read(in, 0, points, 0) || !G1.read(in, G1_SIZE, points, 8)) {
      return null;
    }
    new G1().add(points, 0, points, 0, points, 8);
    byte[] out = new byte[G1_SIZE];
    G1.write(points, 0, out, 0);
    return out;
  }

  /**
   * EIP-196 scalar multiplication: input (P, s) with s any 256-bit number, zero-padded or cut to 96
   * bytes; output 64 bytes.
   */
  public static byte[] mul(byte[] input) {
    byte[] in = padded(input, G1_SIZE + 32);
    long[] point = new long[8];
    if (!G1.read(in, 0, point, 0)) {
      return null;
    }
    new G1().mul(point, 0, point, 0, in, G1_SIZE);
    byte[] out = new byte[G1_SIZE];
    G1.write(point, 0, out, 0);
    return out;
  }

  /**
   * EIP-197 pairing check: input k pairs (P_i, Q_i), its length a multiple of 192 (zero pairs
   * allowed); output 32 bytes, 1 when the product of e(P_i, Q_i) is 1, else 0.
   */
  public static byte[] pairing(byte[] input) {
    if (input.length % PAIR_SIZE != 0) {
      return null;
    }
    int count = input.length / PAIR_SIZE;
    long[] g1 = new long[8 * count];
    long[] g2 = new long[G2.AFFINE_SIZE * count];
    Pairing pairing = new Pairing();
    G2 twist = new G2(new Fp2());
    for (int i = 0; i < count; i++) {
      int offset = i * PAIR_SIZE;
      if (!G1.read(input, offset, g1, 8 * i)
          || !twist.read(input, offset + G1_SIZE, g2, G2.AFFINE_SIZE * i)
          || !twist.isInSubgroup(g2, G2.AFFINE_SIZE * i)) {
        return null;
      }
    }
    byte[] out = new byte[32];
    if (pairing.isProductOne(g1, g2, count)) {
      out[31] = 1;
    }
    return out;
  }

  private static byte[] padded(byte[] input, int length) {
    byte[] out = new byte[length];
    System.arraycopy(input, 0, out, 0, Math.min(input.length, length));
    return out;
  }
}
