package org.distli.evm.precompile;

/** 0x04: returns its input; 15 gas plus 3 per word. */
final class Identity implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return 15 + 3 * Words.of(input.length);
  }

  @Override
  public byte[] execute(byte[] input) {
    return input.clone();
  }
}
