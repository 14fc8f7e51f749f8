package org.distli.chain.spec;

/**
 * The EIP-4844 blob market of a fork, in blobs per block, as the EVM's fork rules define it (see
 * {@link ChainSpec#blobSchedule}).
 *
 * @param target blobs per block the excess blob gas steers towards
 * @param max most blobs a block may carry
 * @param baseFeeUpdateFraction how fast the blob base fee reacts to excess blob gas
 */
public record BlobSchedule(long target, long max, long baseFeeUpdateFraction) {
  public static final long GAS_PER_BLOB = 1L << 17;
  public static final long MIN_BLOB_BASE_FEE = 1;

  public long targetBlobGas() {
    return target * GAS_PER_BLOB;
  }

  public long maxBlobGas() {
    return max * GAS_PER_BLOB;
  }
}
