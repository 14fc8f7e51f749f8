package org.distli.txpool;

import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Address;

/** A transaction in the pool with its sender, arrival order and eviction priority. */
final class PoolEntry {
  final Transaction tx;
  final Address sender;
  final long nonce;
  final long sequence;

  /** When the transaction arrived (seconds of the pool's clock). */
  final long arrivedSeconds;

  /** The effective tip at the base fee the eviction order was last computed for. */
  UInt256 evictionKey;

  boolean pending;

  PoolEntry(Transaction tx, Address sender, long sequence, long arrivedSeconds) {
    this.tx = tx;
    this.sender = sender;
    this.nonce = tx.nonce();
    this.sequence = sequence;
    this.arrivedSeconds = arrivedSeconds;
  }
}
