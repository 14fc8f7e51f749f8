package org.distli.chain.validation;

import org.distli.chain.block.BlockHeader;

/**
 * Checks a header's seal: who produced the block and their signature. Ethereum's reference tests
 * run without one ({@link #NO_PROOF}); the proof-of-stake engine supplies the chain's own.
 */
@FunctionalInterface
public interface SealVerifier {
  /** Accepts every header (the reference tests' "NoProof" seal engine). */
  SealVerifier NO_PROOF = (header, parent) -> {};

  /**
   * @throws InvalidBlockException when the seal is not valid on top of {@code parent}
   */
  void verify(BlockHeader header, BlockHeader parent) throws InvalidBlockException;
}
