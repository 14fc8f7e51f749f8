package org.distli.p2p.discovery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of discovery traffic, readable from any thread: packets received and sent, and the
 * received packets that were dropped, by reason.
 */
public final class DiscoveryStats {
  /** Why a received datagram was not acted on. */
  public enum Drop {
    /** over the per-address or global rate */
    RATE_LIMITED,
    /** larger than 1280 bytes */
    OVERSIZED,
    /** bad hash, bad signature, unknown type or malformed packet-data */
    INVALID,
    /** its expiration lies in the past */
    EXPIRED,
    /** a Pong, Neighbors or ENRResponse nobody asked for */
    UNSOLICITED,
    /** a FindNode or ENRRequest from a node without a current endpoint proof */
    UNVERIFIED,
    /** signed with our own key */
    FROM_SELF
  }

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final Map<Drop, AtomicLong> dropped = new EnumMap<>(Drop.class);

  DiscoveryStats() {
    for (Drop drop : Drop.values()) {
      dropped.put(drop, new AtomicLong());
    }
  }

  void received() {
    received.incrementAndGet();
  }

  void sent() {
    sent.incrementAndGet();
  }

  void dropped(Drop reason) {
    dropped.get(reason).incrementAndGet();
  }

  public long packetsReceived() {
    return received.get();
  }

  public long packetsSent() {
    return sent.get();
  }

  public long droppedCount(Drop reason) {
    return dropped.get(reason).get();
  }

  public long droppedTotal() {
    return dropped.values().stream().mapToLong(AtomicLong::get).sum();
  }

  @Override
  public String toString() {
    StringBuilder out =
        new StringBuilder("received=").append(received).append(" sent=").append(sent);
    dropped.forEach((reason, count) -> out.append(' ').append(reason).append('=').append(count));
    return out.toString();
  }
}
