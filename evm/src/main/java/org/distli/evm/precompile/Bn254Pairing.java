package org.distli.evm.precompile;

import org.distli.evm.precompile.bn254.Bn254;

/**
 * 0x08 (EIP-197): alt_bn128 pairing check; 100000 + 80000 per pair, from Istanbul 45000 + 34000 per
 * pair (EIP-1108).
 */
final class Bn254Pairing implements Precompile {
  static final Bn254Pairing BYZANTIUM = new Bn254Pairing(100_000, 80_000);
  static final Bn254Pairing ISTANBUL = new Bn254Pairing(45_000, 34_000);

  private final long base;
  private final long perPair;

  private Bn254Pairing(long base, long perPair) {
    this.base = base;
    this.perPair = perPair;
  }

  @Override
  public long gasCost(byte[] input) {
    return base + perPair * (input.length / Bn254.PAIR_SIZE);
  }

  @Override
  public byte[] execute(byte[] input) {
    return Bn254.pairing(input);
  }
}
