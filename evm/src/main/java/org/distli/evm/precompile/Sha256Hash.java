package org.distli.evm.precompile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 0x02: SHA-256 of the input; 60 gas plus 12 per word. */
final class Sha256Hash implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return 60 + 12 * Words.of(input.length);
  }

  @Override
  public byte[] execute(byte[] input) {
    return digest(input);
  }

  static byte[] digest(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
