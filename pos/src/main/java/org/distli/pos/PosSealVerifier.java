package org.distli.pos;

import org.distli.chain.block.BlockHeader;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.chain.validation.SealVerifier;
import org.distli.primitives.Hash;

/**
 * The chain's seal check on import: the proposer's and the committers' signatures ({@link
 * Seals#verify}), and the deterministic PREVRANDAO every Distli block carries ({@link
 * Seals#nextPrevRandao}).
 */
public final class PosSealVerifier implements SealVerifier {
  private final Seals seals;

  public PosSealVerifier(Seals seals) {
    this.seals = seals;
  }

  @Override
  public void verify(BlockHeader header, BlockHeader parent) throws InvalidBlockException {
    try {
      seals.verify(header);
    } catch (InvalidSealException e) {
      throw new InvalidBlockException("invalid seal: " + e.getMessage());
    }
    Hash expected = Seals.nextPrevRandao(parent);
    if (!header.mixHash().equals(expected)) {
      throw new InvalidBlockException(
          "invalid mix hash: have " + header.mixHash() + ", want " + expected);
    }
  }
}
