package org.distli.evm.interpreter;

/** Gas constants shared by several forks, and the memory cost function. */
final class Gas {
  private Gas() {}

  static final long BASE = 2;
  static final long VERY_LOW = 3;
  static final long LOW = 5;
  static final long MID = 8;
  static final long HIGH = 10;

  static final long COPY_WORD = 3;
  static final long KECCAK_WORD = 6;
  static final long LOG_DATA_BYTE = 8;
  static final long LOG_TOPIC = 375;
  static final long CALL_VALUE = 9_000;
  static final long CALL_STIPEND = 2_300;
  static final long NEW_ACCOUNT = 25_000;
  static final long CODE_DEPOSIT_BYTE = 200;
  static final long INITCODE_WORD_GAS = 2;

  /**
   * Memory beyond this many bytes is never affordable: its cost (quadratic) exceeds any gas a
   * transaction can carry, and Java arrays cannot hold it anyway.
   */
  static final long MAX_MEMORY = 0x7fff_ffe0L;

  static long words(long bytes) {
    return (bytes + 31) >>> 5;
  }

  /** The total cost of memory of {@code words} 32-byte words: 3 per word plus words^2 / 512. */
  static long memoryCost(long words) {
    return 3 * words + (words * words >>> 9);
  }
}
