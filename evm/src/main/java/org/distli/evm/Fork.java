package org.distli.evm;

import java.util.Locale;

/**
 * The Ethereum protocol upgrades, oldest first. Each names a set of EIPs; the EVM's rules for a
 * fork are those of the previous fork plus the EIPs it adds.
 */
public enum Fork {
  FRONTIER("Frontier"),
  HOMESTEAD("Homestead"),
  TANGERINE_WHISTLE("EIP150"),
  SPURIOUS_DRAGON("EIP158"),
  BYZANTIUM("Byzantium"),
  CONSTANTINOPLE("Constantinople"),
  PETERSBURG("ConstantinopleFix"),
  ISTANBUL("Istanbul"),
  BERLIN("Berlin"),
  LONDON("London"),
  PARIS("Paris"),
  SHANGHAI("Shanghai"),
  CANCUN("Cancun"),
  PRAGUE("Prague"),
  OSAKA("Osaka");

  /**
   * The newest fork whose rules this EVM implements. Later forks are named so that configurations
   * and tests can refer to them, but a chain cannot be scheduled to reach them yet.
   */
  public static final Fork NEWEST_IMPLEMENTED = CANCUN;

  private final String referenceTestName;

  Fork(String referenceTestName) {
    this.referenceTestName = referenceTestName;
  }

  /** The name the Ethereum reference tests use for this fork ("ConstantinopleFix", "EIP158"). */
  public String referenceTestName() {
    return referenceTestName;
  }

  public boolean isImplemented() {
    return compareTo(NEWEST_IMPLEMENTED) <= 0;
  }

  public boolean isAtLeast(Fork other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses a fork name as users and the reference tests write it: "cancun", "Cancun",
   * "ConstantinopleFix", "Petersburg", "EIP158", "spurious_dragon".
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static Fork parse(String name) {
    String wanted = name.trim().replace("-", "_").replace(" ", "_");
    for (Fork fork : values()) {
      if (fork.name().equalsIgnoreCase(wanted)
          || fork.referenceTestName.equalsIgnoreCase(wanted)
          || fork.name().replace("_", "").equalsIgnoreCase(wanted)) {
        return fork;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Fork fork : values()) {
      known.append(known.isEmpty() ? "" : ", ").append(fork.referenceTestName);
    }
    throw new IllegalArgumentException("unknown fork '" + name + "' (known: " + known + ")");
  }

  @Override
  public String toString() {
    return referenceTestName;
  }

  /** Lower-case display name for logs and configs. */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
