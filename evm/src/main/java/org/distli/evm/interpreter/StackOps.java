package org.distli.evm.interpreter;

/**
 * PUSH immediates wider than 8 bytes. DUP, SWAP, POP and the short PUSHes are written out in the
 * interpreter loop itself, so that their speed does not depend on the JIT's inlining budget.
 */
final class StackOps {
  private StackOps() {}

  /**
   * Pushes the {@code n}-byte immediate after the PUSH at {@code pc}. Reads whole 8-byte groups
   * from the end of the immediate, and the leading group from its start shifted into place; the
   * padding after the code makes every read safe.
   */
  static void push(byte[] code, int pc, int n, long[] s, int sp) {
    int end = pc + 1 + n;
    long lead = (long) Words.LONG_BE.get(code, pc + 1);
    switch ((n - 1) >>> 3) {
      case 0 -> {
        s[sp] = lead >>> ((8 - n) << 3);
        s[sp + 1] = 0;
        s[sp + 2] = 0;
        s[sp + 3] = 0;
      }
      case 1 -> {
        s[sp] = (long) Words.LONG_BE.get(code, end - 8);
        s[sp + 1] = lead >>> ((16 - n) << 3);
        s[sp + 2] = 0;
        s[sp + 3] = 0;
      }
      case 2 -> {
        s[sp] = (long) Words.LONG_BE.get(code, end - 8);
        s[sp + 1] = (long) Words.LONG_BE.get(code, end - 16);
        s[sp + 2] = lead >>> ((24 - n) << 3);
        s[sp + 3] = 0;
      }
      default -> {
        s[sp] = (long) Words.LONG_BE.get(code, end - 8);
        s[sp + 1] = (long) Words.LONG_BE.get(code, end - 16);
        s[sp + 2] = (long) Words.LONG_BE.get(code, end - 24);
        s[sp + 3] = lead >>> ((32 - n) << 3);
      }
    }
  }
}
