package org.distli.evm;

/**
 * Relaxations of transaction validation for simulated calls (eth_call, eth_estimateGas, tracing),
 * as geth's eth_call applies them. Block import uses {@link #STRICT}.
 *
 * @param skipNonceCheck accept any nonce (the sender's nonce is still incremented)
 * @param skipSenderCodeCheck accept senders with code (EIP-3607 not enforced)
 * @param noBaseFee accept a fee cap below the base fee when the transaction's fee fields are zero,
 *     like geth's NoBaseFee
 * @param availableBlockGas the gas left in the block; a transaction with a larger gas limit fails
 *     with "gas limit reached". Negative means the block gas limit.
 */
public record ProcessingOptions(
    boolean skipNonceCheck,
    boolean skipSenderCodeCheck,
    boolean noBaseFee,
    long availableBlockGas) {

  public static final ProcessingOptions STRICT = new ProcessingOptions(false, false, false, -1);

  /** What eth_call and eth_estimateGas use. */
  public static final ProcessingOptions SIMULATION = new ProcessingOptions(true, true, true, -1);

  public ProcessingOptions withAvailableBlockGas(long gas) {
    return new ProcessingOptions(skipNonceCheck, skipSenderCodeCheck, noBaseFee, gas);
  }
}
