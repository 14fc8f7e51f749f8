package org.distli.p2p.discovery.v4wire;

import java.util.List;
import org.distli.p2p.Enode;

/**
 * Neighbors (0x04): {@code [nodes, expiration, ...]} with {@code nodes = [[ip, udp-port, tcp-port,
 * node-id], ...]}, the reply to FindNode. A reply of 16 nodes takes two packets, since at most
 * {@link PacketCodec#MAX_NEIGHBORS} fit in 1280 bytes.
 */
public record Neighbors(List<Enode> nodes, long expiration) implements Packet {
  public static final int TYPE = 0x04;

  public Neighbors {
    nodes = List.copyOf(nodes);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public boolean isExpired(long nowSeconds) {
    return Packet.isPast(expiration, nowSeconds);
  }
}
