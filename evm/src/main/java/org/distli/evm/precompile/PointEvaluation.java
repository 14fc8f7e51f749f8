package org.distli.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * 0x0a (EIP-4844, Cancun): verifies that the blob committed to by a versioned hash evaluates to y
 * at z. Input: versioned hash (32), z (32), y (32), commitment (48), proof (48). On success returns
 * FIELD_ELEMENTS_PER_BLOB and the BLS12-381 scalar modulus as two 32-byte words; 50000 gas.
 */
final class PointEvaluation implements Precompile {
  static final int INPUT_LENGTH = 192;
  static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  // Spelled out rather than read from CKZG4844JNI, whose class initialisation loads native code:
  // building a fork's precompile set must not depend on that.
  static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  static final BigInteger BLS_MODULUS =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private static final byte[] SUCCESS = successOutput();

  @Override
  public long gasCost(byte[] input) {
    return 50_000;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return null;
    }
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    if (!Arrays.equals(versionedHash(commitment), Arrays.copyOfRange(input, 0, 32))) {
      return null;
    }
    KzgTrustedSetup.ensureLoaded();
    try {
      boolean valid =
          CKZG4844JNI.verifyKzgProof(
              commitment,
              Arrays.copyOfRange(input, 32, 64),
              Arrays.copyOfRange(input, 64, 96),
              Arrays.copyOfRange(input, 144, 192));
      return valid ? SUCCESS.clone() : null;
    } catch (CKZGException malformed) {
      // z or y not canonical field elements, or a commitment or proof that is not a G1 point.
      return null;
    }
  }

  /** The EIP-4844 versioned hash of a commitment: 0x01 then the last 31 bytes of its SHA-256. */
  static byte[] versionedHash(byte[] commitment) {
    byte[] hash = Sha256Hash.digest(commitment);
    hash[0] = VERSIONED_HASH_VERSION_KZG;
    return hash;
  }

  private static byte[] successOutput() {
    byte[] out = new byte[64];
    out[30] = (byte) (FIELD_ELEMENTS_PER_BLOB >>> 8);
    out[31] = (byte) FIELD_ELEMENTS_PER_BLOB;
    byte[] modulus = BLS_MODULUS.toByteArray(); // exactly 32 bytes: the top bit is clear
    System.arraycopy(modulus, 0, out, 32, 32);
    return out;
  }
}
