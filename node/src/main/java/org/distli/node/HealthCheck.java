package org.distli.node;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.distli.chain.block.BlockHeader;

/**
 * What {@code GET /health} on the RPC port reports: 200 with the head block and the peer count
 * while the node is serving, 503 with the reason while it starts, stops, or when blocks are due but
 * the head has not moved for a long time.
 */
public final class HealthCheck {
  /** The node's life cycle as the health check sees it. */
  public enum Phase {
    STARTING,
    RUNNING,
    STOPPING
  }

  public record Report(int status, String json) {}

  private final Supplier<BlockHeader> head;
  private final IntSupplier peers;
  private final LongSupplier clockMillis;
  private final Duration stallAfter;
  private volatile Phase phase = Phase.STARTING;

  /**
   * @param stallAfter how long the head may stay unchanged before the node counts as stalled;
   *     {@link Duration#ZERO} when blocks only come with transactions (a dev chain)
   */
  public HealthCheck(
      Supplier<BlockHeader> head,
      IntSupplier peers,
      LongSupplier clockMillis,
      Duration stallAfter) {
    this.head = head;
    this.peers = peers;
    this.clockMillis = clockMillis;
    this.stallAfter = stallAfter;
  }

  public void phase(Phase next) {
    phase = next;
  }

  public Report report() {
    Phase now = phase;
    if (now != Phase.RUNNING) {
      return new Report(
          503, "{\"status\":\"" + (now == Phase.STARTING ? "starting" : "stopping") + "\"}");
    }
    BlockHeader header = head.get();
    long ageSeconds = Math.max(0, clockMillis.getAsLong() / 1000 - header.timestamp());
    boolean stalled = !stallAfter.isZero() && ageSeconds > stallAfter.toSeconds();
    String body =
        "{\"status\":\""
            + (stalled ? "stalled" : "ok")
            + "\",\"head\":{\"number\":"
            + header.number()
            + ",\"hash\":\""
            + header.hash()
            + "\",\"timestamp\":"
            + header.timestamp()
            + ",\"ageSeconds\":"
            + ageSeconds
            + "},\"peers\":"
            + peers.getAsInt()
            + "}";
    return new Report(stalled ? 503 : 200, body);
  }
}
