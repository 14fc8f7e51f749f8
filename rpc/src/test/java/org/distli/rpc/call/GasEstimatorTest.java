package org.distli.rpc.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.distli.rpc.call.GasEstimator.Trial;
import org.junit.jupiter.api.Test;

class GasEstimatorTest {
  @Test
  void findsTheExactSmallestGasThatSucceeds() {
    // A call that uses 50,000 gas but needs 61,234 available (it passes gas on to a callee).
    List<Long> tried = new ArrayList<>();
    GasEstimator.Estimate estimate =
        GasEstimator.estimate(
            gas -> {
              tried.add(gas);
              return gas >= 61_234 ? Trial.succeeded(50_000) : Trial.failed("out of gas");
            },
            20_999,
            30_000_000);
    assertTrue(estimate.succeeded());
    assertEquals(61_234, estimate.gas());
    assertTrue(tried.size() < 40, "binary search, not a scan: " + tried.size());
  }

  @Test
  void aPlainTransferNeedsItsIntrinsicGas() {
    GasEstimator.Estimate estimate =
        GasEstimator.estimate(
            gas -> gas >= 21_000 ? Trial.succeeded(21_000) : Trial.failed("intrinsic gas too low"),
            20_999,
            30_000_000);
    assertEquals(21_000, estimate.gas());
  }

  @Test
  void aRevertAtTheCapIsReported() {
    GasEstimator.Estimate estimate =
        GasEstimator.estimate(gas -> Trial.reverted(30_000, "0x"), 20_999, 1_000_000);
    assertFalse(estimate.succeeded());
    assertTrue(estimate.failureAtCap().reverted());
  }
}
