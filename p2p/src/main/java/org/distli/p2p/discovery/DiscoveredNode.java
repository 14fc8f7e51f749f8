package org.distli.p2p.discovery;

import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.distli.p2p.Enode;
import org.distli.p2p.discovery.enr.NodeRecord;

/**
 * A node discovery found alive: it answered a ping. {@code record} is its node record when it
 * advertised one (EIP-868) and answered the ENRRequest; a dialler reads the "eth" entry from it to
 * skip nodes of another chain before connecting.
 */
public record DiscoveredNode(Enode enode, Optional<NodeRecord> record) {
  public DiscoveredNode {
    Objects.requireNonNull(enode, "enode");
    Objects.requireNonNull(record, "record");
  }

  /** The record's "eth" entry ({@code [[forkHash, forkNext]]}, EIP-2124) as its RLP item. */
  public Optional<Bytes> ethEntry() {
    return record.flatMap(NodeRecord::eth);
  }
}
