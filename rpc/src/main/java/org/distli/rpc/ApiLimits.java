package org.distli.rpc;

import java.time.Duration;

/**
 * Bounds on what one call may ask of the node.
 *
 * @param maxLogBlockRange blocks one eth_getLogs may scan
 * @param maxLogs logs one eth_getLogs may return
 * @param gasCap gas limit of eth_call, eth_estimateGas and debug_traceCall when none or more is
 *     asked (go-ethereum's --rpc.gascap, 50M)
 * @param filterTimeout how long an unpolled filter lives (five minutes, as in go-ethereum)
 * @param allowUnprotectedTransactions whether eth_sendRawTransaction takes legacy transactions
 *     signed without a chain id (pre-EIP-155), which any chain would replay; go-ethereum refuses
 *     them unless started with --rpc.allow-unprotected-txs
 */
public record ApiLimits(
    long maxLogBlockRange,
    int maxLogs,
    long gasCap,
    Duration filterTimeout,
    boolean allowUnprotectedTransactions) {
  public static final ApiLimits DEFAULT =
      new ApiLimits(10_000, 100_000, 50_000_000L, Duration.ofMinutes(5), false);

  public ApiLimits withUnprotectedTransactions(boolean allow) {
    return new ApiLimits(maxLogBlockRange, maxLogs, gasCap, filterTimeout, allow);
  }
}
