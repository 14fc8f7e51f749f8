package org.distli.rpc.call;

import java.util.function.LongFunction;

/**
 * eth_estimateGas's search, as go-ethereum does it but to the exact gas: the smallest gas limit
 * with which the call succeeds. The call is first run with the cap; if it fails there, the failure
 * is reported (a revert with its reason; anything else as "gas required exceeds allowance").
 * Otherwise a first guess from the gas used (with the 63/64 rule of EIP-150 for nested calls)
 * usually ends the search after one or two more runs.
 */
public final class GasEstimator {
  private GasEstimator() {}

  /** One trial run at a gas limit. */
  public record Trial(boolean success, boolean reverted, long gasUsedBeforeRefund, Object failure) {
    public static Trial succeeded(long gasUsedBeforeRefund) {
      return new Trial(true, false, gasUsedBeforeRefund, null);
    }

    /** A revert, carrying what to report (the revert data). */
    public static Trial reverted(long gasUsed, Object revertData) {
      return new Trial(false, true, gasUsed, revertData);
    }

    /** An exceptional halt (out of gas, invalid opcode, ...) or an invalid transaction. */
    public static Trial failed(Object reason) {
      return new Trial(false, false, 0, reason);
    }
  }

  /** The outcome: the gas, or the failing trial at the cap. */
  public record Estimate(long gas, Trial failureAtCap) {
    public boolean succeeded() {
      return failureAtCap == null;
    }
  }

  /**
   * @param floor a gas limit known to be too low (intrinsic gas minus one)
   * @param cap the largest gas limit allowed
   */
  public static Estimate estimate(LongFunction<Trial> run, long floor, long cap) {
    Trial atCap = run.apply(cap);
    if (!atCap.success()) {
      return new Estimate(cap, atCap);
    }
    long lo = floor;
    long hi = cap;
    // The gas used (before refunds) is a lower bound; a call that passes gas on keeps 1/64 back
    // (EIP-150), so a little more usually suffices.
    long used = atCap.gasUsedBeforeRefund();
    if (used - 1 > lo) {
      lo = used - 1;
    }
    long guess = Math.min(hi, (used + 2300) * 64 / 63);
    if (guess > lo && guess < hi) {
      if (run.apply(guess).success()) {
        hi = guess;
      } else {
        lo = guess;
      }
    }
    while (lo + 1 < hi) {
      long mid = lo + (hi - lo) / 2;
      if (run.apply(mid).success()) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new Estimate(hi, null);
  }
}
