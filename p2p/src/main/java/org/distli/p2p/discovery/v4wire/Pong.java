package org.distli.p2p.discovery.v4wire;

import java.util.Objects;
import java.util.OptionalLong;
import org.distli.primitives.Hash;

/**
 * Pong (0x02): {@code [to, ping-hash, expiration, enr-seq, ...]}, the reply to a Ping. {@code to}
 * mirrors the UDP address the Ping came from (how a node behind NAT learns its external address),
 * {@code ping-hash} is the hash of the Ping answered.
 */
public record Pong(Endpoint to, Hash pingHash, long expiration, OptionalLong enrSeq)
    implements Packet {
  public static final int TYPE = 0x02;

  public Pong {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(pingHash, "pingHash");
    Objects.requireNonNull(enrSeq, "enrSeq");
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
