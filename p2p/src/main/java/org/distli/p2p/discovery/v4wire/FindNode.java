package org.distli.p2p.discovery.v4wire;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * FindNode (0x03): {@code [target, expiration, ...]}. The target is a 64-byte public key (the node
 * id form); the recipient answers with the nodes of its table closest to keccak256(target).
 */
public record FindNode(Bytes target, long expiration) implements Packet {
  public static final int TYPE = 0x03;

  public FindNode {
    Objects.requireNonNull(target, "target");
    if (target.size() != Wire.NODE_ID_SIZE) {
      throw new IllegalArgumentException("target must be 64 bytes, got " + target.size());
    }
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
