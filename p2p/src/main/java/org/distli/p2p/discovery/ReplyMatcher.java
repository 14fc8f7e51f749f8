package org.distli.p2p.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.distli.p2p.discovery.v4wire.Packet;
import org.distli.primitives.Hash;

/**
 * The replies we wait for: each request registers what it expects (a packet type from a node id at
 * an IP address) with a deadline. A received Pong, Neighbors or ENRResponse is handed to the
 * matching requests; one that matches none is unsolicited and ignored. The table is bounded: a
 * request beyond {@code capacity} is refused at once instead of growing it.
 *
 * <p>Not thread-safe: the discovery thread owns it, and the deadlines run on that thread.
 */
final class ReplyMatcher {
  /** What a request made of a packet of the type it waits for. */
  enum Verdict {
    /** not the reply (a Pong for another Ping): keep waiting */
    NOT_MINE,
    /** a reply, and more are expected (Neighbors come in several packets) */
    MORE,
    /** the last reply: the request is done */
    DONE
  }

  interface Callback {
    Verdict onReply(Packet packet, Hash hash);

    void onTimeout();
  }

  private record Key(Bytes id, InetAddress ip) {}

  private final class Pending {
    final Key key;
    final int type;
    final Callback callback;
    ScheduledFuture<?> deadline;

    Pending(Key key, int type, Callback callback) {
      this.key = key;
      this.type = type;
      this.callback = callback;
    }
  }

  private final ScheduledExecutorService loop;
  private final int capacity;
  private final Map<Key, List<Pending>> byNode = new HashMap<>();
  private int size;

  ReplyMatcher(ScheduledExecutorService loop, int capacity) {
    this.loop = loop;
    this.capacity = capacity;
  }

  /**
   * Waits for a packet of {@code type} from the node until {@code timeout}.
   *
   * @return false, without registering anything, when {@code capacity} requests are pending
   */
  boolean expect(Bytes id, InetAddress ip, int type, Duration timeout, Callback callback) {
    if (size >= capacity) {
      return false;
    }
    Pending pending = new Pending(new Key(id, ip), type, callback);
    byNode.computeIfAbsent(pending.key, k -> new ArrayList<>(2)).add(pending);
    size++;
    pending.deadline =
        loop.schedule(
            () -> {
              if (remove(pending)) {
                pending.callback.onTimeout();
              }
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    return true;
  }

  /** Hands a received packet to the requests waiting for it; false when none took it. */
  boolean dispatch(Bytes id, InetAddress ip, Packet packet, Hash hash) {
    List<Pending> waiting = byNode.get(new Key(id, ip));
    if (waiting == null) {
      return false;
    }
    boolean matched = false;
    for (Pending pending : List.copyOf(waiting)) {
      if (pending.type != packet.type()) {
        continue;
      }
      Verdict verdict = pending.callback.onReply(packet, hash);
      if (verdict != Verdict.NOT_MINE) {
        matched = true;
      }
      if (verdict == Verdict.DONE) {
        remove(pending);
        pending.deadline.cancel(false);
      }
    }
    return matched;
  }

  int size() {
    return size;
  }

  private boolean remove(Pending pending) {
    List<Pending> waiting = byNode.get(pending.key);
    if (waiting == null || !waiting.remove(pending)) {
      return false;
    }
    if (waiting.isEmpty()) {
      byNode.remove(pending.key);
    }
    size--;
    return true;
  }
}
