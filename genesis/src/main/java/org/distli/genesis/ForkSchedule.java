package org.distli.genesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.distli.evm.Fork;

/**
 * When each fork activates: by block number up to Paris, by timestamp from Shanghai on, as
 * go-ethereum's chain config does.
 */
public record ForkSchedule(List<Activation> activations) {

  /** A fork switched on at a block number or a timestamp (seconds). */
  public record Activation(Fork fork, Trigger trigger, long at) {}

  public enum Trigger {
    BLOCK,
    TIMESTAMP
  }

  public ForkSchedule {
    if (activations.isEmpty()) {
      throw new IllegalArgumentException("a fork schedule needs at least one fork");
    }
    List<Activation> sorted = new ArrayList<>(activations);
    sorted.sort(Comparator.comparing(Activation::fork));
    activations = List.copyOf(sorted);
  }

  /** Every fork up to {@code fork} active from genesis. */
  public static ForkSchedule allFromGenesis(Fork fork) {
    List<Activation> activations = new ArrayList<>();
    for (Fork f : Fork.values()) {
      if (f.compareTo(fork) > 0) {
        break;
      }
      Trigger trigger = f.isAtLeast(Fork.SHANGHAI) ? Trigger.TIMESTAMP : Trigger.BLOCK;
      activations.add(new Activation(f, trigger, 0));
    }
    return new ForkSchedule(activations);
  }

  /** The fork whose rules apply to a block with this number and timestamp. */
  public Fork forkAt(long blockNumber, long timestamp) {
    Fork active = activations.get(0).fork();
    for (Activation activation : activations) {
      long position = activation.trigger() == Trigger.BLOCK ? blockNumber : timestamp;
      if (Long.compareUnsigned(position, activation.at()) >= 0) {
        active = activation.fork();
      }
    }
    return active;
  }
}
