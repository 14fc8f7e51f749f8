package org.distli.p2p.discovery;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets for incoming datagrams: one per source address (IP and port) and one for all, each
 * allowing a second's worth of packets as a burst. Checked before a datagram's hash and signature
 * are computed, so a flood costs a map lookup per packet. Per address rather than per IP, so that
 * several honest nodes behind one address (a NAT, or a test network on loopback) do not starve each
 * other; the global bucket bounds what many addresses can cost together. Not thread-safe: the
 * discovery thread owns it.
 */
final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private static final class TokenBucket {
    double tokens;
    long refilledAt;

    TokenBucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    boolean take(double ratePerSecond, long now) {
      tokens =
          Math.min(ratePerSecond, tokens + (now - refilledAt) * ratePerSecond / NANOS_PER_SECOND);
      refilledAt = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  private final double perAddress;
  private final double global;
  private final TokenBucket globalBucket;
  private final Map<InetSocketAddress, TokenBucket> buckets;

  RateLimiter(int perAddressPerSecond, int globalPerSecond, int maxAddresses, long nowNanos) {
    this.perAddress = perAddressPerSecond;
    this.global = globalPerSecond;
    this.globalBucket = new TokenBucket(globalPerSecond, nowNanos);
    this.buckets =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, TokenBucket> eldest) {
            return size() > maxAddresses;
          }
        };
  }

  boolean tryAcquire(InetSocketAddress source, long nowNanos) {
    TokenBucket bucket =
        buckets.computeIfAbsent(source, s -> new TokenBucket(perAddress, nowNanos));
    return bucket.take(perAddress, nowNanos) && globalBucket.take(global, nowNanos);
  }
}
