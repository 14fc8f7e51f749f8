package org.distli.p2p.discovery;

import org.distli.p2p.Enode;

/**
 * Hears about the nodes discovery finds. Called on the discovery thread: implementations must be
 * quick and hand any dialling to their own threads.
 */
public interface DiscoveryListener {
  /**
   * A node answered a ping and is in the table, with its record when it has one; called again for
   * the same node when it publishes a newer record.
   */
  void nodeFound(DiscoveredNode node);

  /** A node of the table stopped answering and was removed. */
  default void nodeDropped(Enode node) {}
}
