package org.distli.chain.execution;

import org.distli.primitives.Address;

/** Addresses of the system calls a block makes around its transactions. */
public final class SystemContracts {
  private SystemContracts() {}

  /** The caller of system calls (EIP-4788, EIP-2935): never a real account. */
  public static final Address SYSTEM_ADDRESS =
      Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");

  /** EIP-4788: the ring buffer of parent beacon block roots. */
  public static final Address BEACON_ROOTS_ADDRESS =
      Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");

  /** EIP-2935: the ring buffer of historical block hashes (Prague). */
  public static final Address HISTORY_STORAGE_ADDRESS =
      Address.fromHex("0x0000F90827F1C53a10cb7A02335B175320002935");

  /** The gas a system call may use; it is not charged to anyone. */
  public static final long SYSTEM_CALL_GAS = 30_000_000L;
}
