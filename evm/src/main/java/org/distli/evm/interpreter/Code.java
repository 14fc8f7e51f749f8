package org.distli.evm.interpreter;

import java.util.Arrays;

/**
 * Bytecode prepared for execution: padded with zero bytes (so that a PUSH reading past the end
 * reads zeros and running off the end executes STOP) and with its valid jump destinations as a
 * bitmap. Immutable and shareable between threads; {@link CodeCache} keeps them by code hash.
 */
final class Code {
  /** Enough zero bytes after the code for a PUSH32 at the last byte plus a final STOP. */
  static final int PADDING = 33;

  static final Code EMPTY = analyze(new byte[0]);

  /** The code followed by {@link #PADDING} zero bytes. */
  final byte[] bytes;

  final int length;

  /** Bit i set when byte i is a JUMPDEST instruction (not PUSH data). */
  private final long[] jumpDestinations;

  private Code(byte[] bytes, int length, long[] jumpDestinations) {
    this.bytes = bytes;
    this.length = length;
    this.jumpDestinations = jumpDestinations;
  }

  static Code analyze(byte[] code) {
    byte[] padded = Arrays.copyOf(code, code.length + PADDING);
    long[] destinations = new long[(code.length + 63) >>> 6];
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xff;
      if (op == Opcodes.JUMPDEST) {
        destinations[pc >>> 6] |= 1L << pc;
        pc++;
      } else if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
        pc += op - Opcodes.PUSH1 + 2;
      } else {
        pc++;
      }
    }
    return new Code(padded, code.length, destinations);
  }

  boolean isJumpDestination(long target) {
    return target >= 0
        && target < length
        && (jumpDestinations[(int) (target >>> 6)] & (1L << target)) != 0;
  }
}
