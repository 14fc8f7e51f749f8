package org.distli.p2p.discovery;

import org.distli.p2p.Enode;
import org.distli.p2p.discovery.enr.NodeRecord;
import org.distli.primitives.Hash;

/**
 * A node in the routing table: its endpoint, its record once fetched, and the bookkeeping of the
 * liveness checks. Mutable, and touched only on the discovery thread.
 */
final class TableNode {
  private Enode enode;
  private final Hash distanceId;
  private NodeRecord record;
  private long lastVerifiedMillis;
  private int livenessChecks;
  private int findNodeFailures;

  TableNode(Enode enode, long nowMillis) {
    this.enode = enode;
    this.distanceId = enode.distanceId();
    this.lastVerifiedMillis = nowMillis;
  }

  Enode enode() {
    return enode;
  }

  void enode(Enode updated) {
    this.enode = updated;
  }

  Hash distanceId() {
    return distanceId;
  }

  NodeRecord record() {
    return record;
  }

  void record(NodeRecord record) {
    this.record = record;
  }

  long lastVerifiedMillis() {
    return lastVerifiedMillis;
  }

  void verified(long nowMillis) {
    lastVerifiedMillis = nowMillis;
    findNodeFailures = 0;
  }

  int livenessChecks() {
    return livenessChecks;
  }

  void passedLivenessCheck() {
    livenessChecks++;
  }

  /** Counts a FindNode that went unanswered; returns the count since the last answer. */
  int failedFindNode() {
    return ++findNodeFailures;
  }

  DiscoveredNode toDiscovered() {
    return new DiscoveredNode(enode, java.util.Optional.ofNullable(record));
  }
}
