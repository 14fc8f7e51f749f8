package org.distli.chain.block;

import java.math.BigInteger;
import org.distli.chain.spec.BlobSchedule;
import org.distli.chain.spec.ChainSpec;
import org.distli.evm.Fork;
import org.distli.primitives.Wei;

/** EIP-4844's blob gas market: excess blob gas carried between blocks and the blob base fee. */
public final class BlobGas {
  private BlobGas() {}

  /**
   * The excess blob gas of a block of {@code childFork} on top of {@code parent}: the parent's
   * excess plus its use, less the target, floored at zero. Zero when the parent predates Cancun;
   * null when the child does.
   */
  public static Long excessForChild(BlockHeader parent, Fork childFork) {
    BlobSchedule schedule = ChainSpec.blobSchedule(childFork).orElse(null);
    if (schedule == null) {
      return null;
    }
    if (parent.excessBlobGas().isEmpty()) {
      return 0L;
    }
    long sum = parent.excessBlobGas().getAsLong() + parent.blobGasUsed().orElse(0);
    long target = schedule.targetBlobGas();
    return Long.compareUnsigned(sum, target) < 0 ? 0L : sum - target;
  }

  /** The blob base fee for {@code excessBlobGas}: fake_exponential(1, excess, update fraction). */
  public static Wei baseFee(long excessBlobGas, BlobSchedule schedule) {
    return Wei.of(
        org.distli.evm.BlobGas.fakeExponential(
            BigInteger.valueOf(BlobSchedule.MIN_BLOB_BASE_FEE),
            new BigInteger(Long.toUnsignedString(excessBlobGas)),
            BigInteger.valueOf(schedule.baseFeeUpdateFraction())));
  }

  /** The blob base fee of a block, from its header; null before Cancun. */
  public static Wei baseFee(BlockHeader header, Fork fork) {
    BlobSchedule schedule = ChainSpec.blobSchedule(fork).orElse(null);
    if (schedule == null || header.excessBlobGas().isEmpty()) {
      return null;
    }
    return baseFee(header.excessBlobGas().getAsLong(), schedule);
  }
}
