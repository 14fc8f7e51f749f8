package org.distli.p2p.discovery.v4wire;

/** ENRRequest (0x05, EIP-868): {@code [expiration, ...]}, asks for the recipient's node record. */
public record EnrRequest(long expiration) implements Packet {
  public static final int TYPE = 0x05;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public boolean isExpired(long nowSeconds) {
    return Packet.isPast(expiration, nowSeconds);
  }
}
