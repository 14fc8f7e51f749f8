package org.distli.rpc.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * Suggests a priority fee the way go-ethereum's oracle does: the three lowest tips of each of the
 * last 20 blocks (ignoring the block producer's own transactions), then the 60th percentile; never
 * below the floor (the pool's minimum tip, at least 1 gwei) nor above 500 gwei. The answer is
 * cached per head.
 */
public final class GasPriceOracle {
  static final int BLOCKS = 20;
  static final int SAMPLES_PER_BLOCK = 3;
  static final int PERCENTILE = 60;
  static final Wei MAX_TIP = Wei.of(500_000_000_000L);

  private final ChainQueries chain;
  private final Wei floor;
  private final AtomicReference<Cached> cache = new AtomicReference<>();

  private record Cached(Hash head, Wei tip) {}

  public GasPriceOracle(ChainQueries chain, Wei floor) {
    this.chain = chain;
    this.floor = floor;
  }

  public Wei suggestTip() {
    BlockHeader head = chain.head();
    Cached cached = cache.get();
    if (cached != null && cached.head().equals(head.hash())) {
      return cached.tip();
    }
    Wei tip = compute(head);
    cache.set(new Cached(head.hash(), tip));
    return tip;
  }

  /** eth_gasPrice: the suggested tip plus the head's base fee. */
  public Wei suggestGasPrice() {
    Wei tip = suggestTip();
    return chain.head().baseFee().map(tip::add).orElse(tip);
  }

  private Wei compute(BlockHeader head) {
    List<Wei> samples = new ArrayList<>();
    long number = head.number();
    for (int i = 0; i < BLOCKS && number - i >= 0; i++) {
      Block block = chain.chain().block(number - i).orElse(null);
      if (block == null) {
        break;
      }
      Wei baseFee = block.header().baseFee().orElse(Wei.ZERO);
      List<Wei> tips = new ArrayList<>();
      for (Transaction tx : block.transactions()) {
        if (tx.sender().equals(block.header().coinbase())) {
          continue;
        }
        Wei tip = tx.effectiveTip(baseFee);
        if (tip != null) {
          tips.add(tip);
        }
      }
      Collections.sort(tips);
      samples.addAll(tips.subList(0, Math.min(SAMPLES_PER_BLOCK, tips.size())));
    }
    Wei tip = floor;
    if (!samples.isEmpty()) {
      Collections.sort(samples);
      Wei percentile = samples.get((samples.size() - 1) * PERCENTILE / 100);
      if (percentile.compareTo(tip) > 0) {
        tip = percentile;
      }
    }
    return tip.compareTo(MAX_TIP) > 0 ? MAX_TIP : tip;
  }
}
