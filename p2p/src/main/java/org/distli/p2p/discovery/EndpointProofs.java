package org.distli.p2p.discovery;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/**
 * The endpoint proofs of discv4.md, per node id and IP address: when the node last answered our
 * Ping with a matching Pong (so it is verified: we may answer its FindNode and ENRRequest), and
 * when it last pinged us (we answer every Ping, so it has verified us: it will answer ours). A
 * proof is good for 12 hours. Bounded: the least recently touched entries are forgotten first. Not
 * thread-safe: the discovery thread owns it.
 */
final class EndpointProofs {
  static final long PROOF_LIFETIME_MILLIS = 12 * 60 * 60 * 1000L;

  private record Key(Bytes id, InetAddress ip) {}

  private static final class Times {
    long pongReceived = Long.MIN_VALUE;
    long pingReceived = Long.MIN_VALUE;
  }

  private final Map<Key, Times> times;

  EndpointProofs(int capacity) {
    this.times =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Times> eldest) {
            return size() > capacity;
          }
        };
  }

  void pongReceived(Bytes id, InetAddress ip, long nowMillis) {
    times.computeIfAbsent(new Key(id, ip), k -> new Times()).pongReceived = nowMillis;
  }

  void pingReceived(Bytes id, InetAddress ip, long nowMillis) {
    times.computeIfAbsent(new Key(id, ip), k -> new Times()).pingReceived = nowMillis;
  }

  /** The node answered our ping within the last 12 hours. */
  boolean isVerified(Bytes id, InetAddress ip, long nowMillis) {
    Times t = times.get(new Key(id, ip));
    return t != null && recent(t.pongReceived, nowMillis);
  }

  /** The node pinged us (and got our pong) within the last 12 hours. */
  boolean hasVerifiedUs(Bytes id, InetAddress ip, long nowMillis) {
    Times t = times.get(new Key(id, ip));
    return t != null && recent(t.pingReceived, nowMillis);
  }

  private static boolean recent(long at, long nowMillis) {
    return at != Long.MIN_VALUE && nowMillis - at < PROOF_LIFETIME_MILLIS;
  }
}
