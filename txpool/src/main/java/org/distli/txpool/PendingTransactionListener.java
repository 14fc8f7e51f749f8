package org.distli.txpool;

import java.util.List;
import org.distli.chain.transaction.Transaction;

/**
 * Told about transactions that became pending (executable): new arrivals, replacements, and queued
 * transactions whose nonce gap closed. Called on the thread that changed the pool, after the pool's
 * lock is released; implementations must return quickly and never block (hand work to an executor).
 */
@FunctionalInterface
public interface PendingTransactionListener {
  void onPending(List<Transaction> transactions);
}
