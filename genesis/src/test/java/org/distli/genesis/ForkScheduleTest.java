package org.distli.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.distli.evm.Fork;
import org.junit.jupiter.api.Test;

class ForkScheduleTest {
  @Test
  void everyForkFromGenesisMeansTheLatestAppliesAtBlockZero() {
    assertEquals(Fork.CANCUN, ForkSchedule.allFromGenesis(Fork.CANCUN).forkAt(0, 0));
  }

  @Test
  void timestampForksActivateAtTheirTime() {
    ForkSchedule schedule =
        new ForkSchedule(
            List.of(
                new ForkSchedule.Activation(Fork.PARIS, ForkSchedule.Trigger.BLOCK, 0),
                new ForkSchedule.Activation(Fork.SHANGHAI, ForkSchedule.Trigger.TIMESTAMP, 0),
                new ForkSchedule.Activation(Fork.CANCUN, ForkSchedule.Trigger.TIMESTAMP, 15_000)));
    assertEquals(Fork.SHANGHAI, schedule.forkAt(5, 14_999));
    assertEquals(Fork.CANCUN, schedule.forkAt(6, 15_000));
  }
}
