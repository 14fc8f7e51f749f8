package org.distli.genesis;

import java.util.Locale;

/** What the proposer does when its turn comes and the pool holds nothing to include. */
public enum EmptyBlockPolicy {
  /** Produce the block anyway: time moves on-chain at a steady pace, as on Ethereum. */
  PRODUCE,
  /** Skip the slot: the chain only grows when there is something to include (a dev chain). */
  SKIP;

  public static EmptyBlockPolicy parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "produce" -> PRODUCE;
      case "skip" -> SKIP;
      default ->
          throw new IllegalArgumentException(
              "expected \"produce\" or \"skip\", got \"" + text + "\"");
    };
  }

  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
