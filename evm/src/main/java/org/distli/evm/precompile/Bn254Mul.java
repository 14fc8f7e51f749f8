package org.distli.evm.precompile;

import org.distli.evm.precompile.bn254.Bn254;

/** 0x07 (EIP-196): alt_bn128 scalar multiplication; 40000 gas, 6000 from Istanbul (EIP-1108). */
final class Bn254Mul implements Precompile {
  static final Bn254Mul BYZANTIUM = new Bn254Mul(40_000);
  static final Bn254Mul ISTANBUL = new Bn254Mul(6_000);

  private final long gas;

  private Bn254Mul(long gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas;
  }

  @Override
  public byte[] execute(byte[] input) {
    return Bn254.mul(input);
  }
}
