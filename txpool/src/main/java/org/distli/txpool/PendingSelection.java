package org.distli.txpool;

import java.util.List;
import java.util.PriorityQueue;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Wei;

/**
 * The pool's pending transactions in the order a block producer should try them: the highest
 * effective tip first (ties: the earliest arrival), each sender's in nonce order. When a
 * transaction cannot be included (it does not fit or fails), the producer calls {@link
 * #skipSender()} and the sender's later transactions, which depend on it, are not offered.
 *
 * <p>Transactions whose fee cap is below the block's base fee are not offered (they stay in the
 * pool for a cheaper block). Not thread-safe: one producer uses it.
 */
public final class PendingSelection {
  private final PriorityQueue<Cursor> heads;
  private final Wei baseFee;
  private Cursor current;
  private boolean skipCurrent;

  private static final class Cursor {
    final Transaction[] txs;
    final long[] sequences;
    int index;
    UInt256 tip;

    Cursor(Transaction[] txs, long[] sequences) {
      this.txs = txs;
      this.sequences = sequences;
    }
  }

  PendingSelection(List<Transaction[]> bySender, List<long[]> sequences, Wei baseFee) {
    this.baseFee = baseFee;
    this.heads =
        new PriorityQueue<>(
            Math.max(1, bySender.size()),
            (a, b) -> {
              int byTip = b.tip.compareTo(a.tip);
              return byTip != 0 ? byTip : Long.compare(a.sequences[a.index], b.sequences[b.index]);
            });
    for (int i = 0; i < bySender.size(); i++) {
      Cursor cursor = new Cursor(bySender.get(i), sequences.get(i));
      if (priced(cursor)) {
        heads.add(cursor);
      }
    }
  }

  /** Computes the cursor's current tip; false when it pays less than the base fee. */
  private boolean priced(Cursor cursor) {
    Wei tip = cursor.txs[cursor.index].effectiveTip(baseFee);
    if (tip == null) {
      return false;
    }
    cursor.tip = tip.toUInt256();
    return true;
  }

  /** The next transaction to try, or null when none is left. */
  public Transaction next() {
    if (current != null) {
      if (!skipCurrent && ++current.index < current.txs.length && priced(current)) {
        heads.add(current);
      }
      current = null;
    }
    skipCurrent = false;
    current = heads.poll();
    return current == null ? null : current.txs[current.index];
  }

  /** The transaction last returned was not included: offer nothing more from its sender. */
  public void skipSender() {
    skipCurrent = true;
  }

  /** How many senders still have transactions to offer (the current one excluded). */
  public int remainingSenders() {
    return heads.size();
  }
}
