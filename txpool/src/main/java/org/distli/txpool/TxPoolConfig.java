package org.distli.txpool;

import org.distli.primitives.Wei;

/**
 * The pool's limits and admission thresholds.
 *
 * @param maxSize most transactions held (pending and queued); beyond it the lowest-paying go
 * @param maxPerSender most transactions one sender may hold
 * @param minTip smallest priority fee accepted ("transaction underpriced" below it)
 * @param priceBumpPercent how much more (in %) a replacement must offer in fee cap and tip
 * @param maxTransactionSize largest encoded transaction accepted, in bytes ("oversized data")
 * @param queuedLifetimeSeconds how long a queued (not executable) transaction may wait for its
 *     nonce gap to close before it is dropped (go-ethereum: 3 hours)
 */
public record TxPoolConfig(
    int maxSize,
    int maxPerSender,
    Wei minTip,
    int priceBumpPercent,
    int maxTransactionSize,
    long queuedLifetimeSeconds) {

  public static final long DEFAULT_QUEUED_LIFETIME_SECONDS = 3 * 60 * 60;

  /** go-ethereum's limit: four 32 KiB slots. */
  public static final int DEFAULT_MAX_TRANSACTION_SIZE = 4 * 32 * 1024;

  public static final TxPoolConfig DEFAULT =
      new TxPoolConfig(
          100_000,
          5_000,
          Wei.of(1),
          10,
          DEFAULT_MAX_TRANSACTION_SIZE,
          DEFAULT_QUEUED_LIFETIME_SECONDS);

  public TxPoolConfig {
    if (maxSize < 1
        || maxPerSender < 1
        || priceBumpPercent < 0
        || maxTransactionSize < 1
        || queuedLifetimeSeconds < 1) {
      throw new IllegalArgumentException("transaction pool limits must be positive");
    }
  }

  public TxPoolConfig withMinTip(Wei tip) {
    return new TxPoolConfig(
        maxSize, maxPerSender, tip, priceBumpPercent, maxTransactionSize, queuedLifetimeSeconds);
  }

  public TxPoolConfig withLimits(int size, int perSender) {
    return new TxPoolConfig(
        size, perSender, minTip, priceBumpPercent, maxTransactionSize, queuedLifetimeSeconds);
  }

  public TxPoolConfig withQueuedLifetimeSeconds(long seconds) {
    return new TxPoolConfig(
        maxSize, maxPerSender, minTip, priceBumpPercent, maxTransactionSize, seconds);
  }
}
