package org.distli.p2p.discovery.v4wire;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Ping (0x01): {@code [version, from, to, expiration, enr-seq, ...]}. The version is 4 and is not
 * checked on receipt (EIP-8); {@code to} carries the recipient's address as the sender sees it (the
 * recipient's TCP port as 0); {@code enr-seq} (EIP-868) is the sender's record sequence number and
 * may be absent.
 */
public record Ping(long version, Endpoint from, Endpoint to, long expiration, OptionalLong enrSeq)
    implements Packet {
  public static final int TYPE = 0x01;
  public static final long VERSION = 4;

  public Ping {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
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
