package org.distli.evm.precompile;

/**
 * A precompiled contract: native code at a fixed address, priced by its input. Implementations are
 * stateless and thread-safe.
 */
public interface Precompile {
  /** The gas a call with {@code input} costs; may exceed any gas limit for absurd inputs. */
  long gasCost(byte[] input);

  /**
   * Runs the contract.
   *
   * @return the output, or {@code null} when the input is invalid: the call then fails and consumes
   *     all gas given to it
   */
  byte[] execute(byte[] input);
}
