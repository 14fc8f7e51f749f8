package org.distli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.distli.chain.block.BlockHeader;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
  private final BlockHeader head =
      BlockHeader.builder().number(42).gasLimit(30_000_000).timestamp(1_000).build();
  private final AtomicLong now = new AtomicLong(1_005_000);

  @Test
  void aRunningNodeReportsItsHeadAndPeers() {
    HealthCheck health = new HealthCheck(() -> head, () -> 3, now::get, Duration.ZERO);
    health.phase(HealthCheck.Phase.RUNNING);
    HealthCheck.Report report = health.report();
    assertEquals(200, report.status());
    assertTrue(report.json().contains("\"number\":42"), report.json());
    assertTrue(report.json().contains("\"peers\":3"), report.json());
    assertTrue(report.json().contains(head.hash().toHexString()), report.json());
  }

  @Test
  void startingAndStoppingAreUnavailable() {
    HealthCheck health = new HealthCheck(() -> head, () -> 0, now::get, Duration.ZERO);
    assertEquals(503, health.report().status());
    health.phase(HealthCheck.Phase.STOPPING);
    assertEquals(503, health.report().status());
    assertTrue(health.report().json().contains("stopping"));
  }

  @Test
  void aHeadThatStopsMovingWhileBlocksAreDueIsStalled() {
    HealthCheck health = new HealthCheck(() -> head, () -> 0, now::get, Duration.ofSeconds(30));
    health.phase(HealthCheck.Phase.RUNNING);
    assertEquals(200, health.report().status());
    now.set(1_031_000);
    assertEquals(503, health.report().status());
    assertTrue(health.report().json().contains("stalled"));
  }
}
