package org.distli.evm.precompile;

import org.distli.evm.precompile.bn254.Bn254;

/** 0x06 (EIP-196): alt_bn128 point addition; 500 gas, 150 from Istanbul (EIP-1108). */
final class Bn254Add implements Precompile {
  static final Bn254Add BYZANTIUM = new Bn254Add(500);
  static final Bn254Add ISTANBUL = new Bn254Add(150);

  private final long gas;

  private Bn254Add(long gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas;
  }

  @Override
  public byte[] execute(byte[] input) {
    return Bn254.add(input);
  }
}
