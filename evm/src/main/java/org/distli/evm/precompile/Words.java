package org.distli.evm.precompile;

/** The word-based pricing shared by the hash and copy precompiles. */
final class Words {
  private Words() {}

  /** The number of 32-byte words {@code length} bytes occupy, rounded up. */
  static long of(int length) {
    return (length + 31L) / 32;
  }

  /**
   * {@code input} cut or zero-padded to exactly {@code length} bytes, as the EVM reads calldata.
   */
  static byte[] padded(byte[] input, int length) {
    if (input.length == length) {
      return input;
    }
    byte[] out = new byte[length];
    System.arraycopy(input, 0, out, 0, Math.min(input.length, length));
    return out;
  }
}
