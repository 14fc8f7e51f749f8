package org.distli.p2p.discovery.v4wire;

import java.util.Objects;
import org.distli.p2p.discovery.enr.NodeRecord;
import org.distli.primitives.Hash;

/**
 * ENRResponse (0x06, EIP-868): {@code [request-hash, ENR, ...]}, the reply to ENRRequest with the
 * hash of the request packet. The recipient checks that the record was signed by the key that
 * signed the packet. It has no expiration.
 */
public record EnrResponse(Hash requestHash, NodeRecord record) implements Packet {
  public static final int TYPE = 0x06;

  public EnrResponse {
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(record, "record");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public boolean isExpired(long nowSeconds) {
    return false;
  }
}
