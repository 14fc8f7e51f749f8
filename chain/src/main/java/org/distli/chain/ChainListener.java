package org.distli.chain;

/**
 * Told when the canonical head moves: RPC subscriptions (newHeads, logs) and the transaction pool
 * (revalidation) listen. Called on the chain-writer thread after the change is committed, so
 * readers already see it; implementations must return quickly and hand longer work elsewhere. An
 * exception thrown by a listener is logged and does not affect the chain or other listeners.
 */
@FunctionalInterface
public interface ChainListener {
  void onHeadChanged(ChainEvent event);
}
