package org.distli.rpc;

/** Small contracts in raw EVM code for execution tests. */
public final class Contracts {
  private Contracts() {}

  /**
   * Without call data returns slot 0; with a word stores it in slot 0 and logs it with topic 0x1.
   */
  public static final String COUNTER =
      "0x36600f57600054600052602060" + "00f3" + "5b600035806000556000526001602060" + "00a100";

  /** Reverts with Error("nope"). */
  public static final String REVERT_WITH_REASON =
      "0x7f08c379a0"
          + "00".repeat(28)
          + "600052"
          + "6020600452"
          + "6004602452"
          + "7f6e6f7065"
          + "00".repeat(28)
          + "604452"
          + "60646000fd";

  /** The ABI encoding of Error("nope"), what {@link #REVERT_WITH_REASON} reverts with. */
  public static final String NOPE =
      "0x08c379a0"
          + "0000000000000000000000000000000000000000000000000000000000000020"
          + "0000000000000000000000000000000000000000000000000000000000000004"
          + "6e6f706500000000000000000000000000000000000000000000000000000000";

  /** Reverts with the custom error Unauthorized() (selector 0x82b42900). */
  public static final String REVERT_CUSTOM_ERROR = "0x6382b4290060e01b60005260046000fd";

  /** STATICCALLs {@code target} without data and returns the first word it returned. */
  public static String caller(String target) {
    return "0x6020600060006000" + "73" + target.substring(2) + "5afa50" + "60206000f3";
  }

  /** Init code that deploys {@code runtime}. */
  public static String deploy(String runtime) {
    String code = runtime.substring(2);
    int length = code.length() / 2;
    return "0x60" + String.format("%02x", length) + "80600b6000396000f3" + code;
  }
}
