package org.distli.evm.interpreter;

/** PUSH, DUP and SWAP. Offsets are in limbs (four per word). */
final class StackOps {
  private StackOps() {}

  /** PUSH2..PUSH8: the immediate fits in one limb. */
  static void pushSmall(byte[] code, int from, int n, long[] s, int sp) {
    long v = 0;
    for (int k = 0; k < n; k++) {
      v = (v << 8) | (code[from + k] & 0xff);
    }
    s[sp] = v;
    s[sp + 1] = 0;
    s[sp + 2] = 0;
    s[sp + 3] = 0;
  }

  /** Pushes a copy of the word {@code depth} limbs below the top (DUPn: depth = 4n). */
  static void dup(long[] s, int sp, int depth) {
    int from = sp - depth;
    s[sp] = s[from];
    s[sp + 1] = s[from + 1];
    s[sp + 2] = s[from + 2];
    s[sp + 3] = s[from + 3];
  }

  /** Swaps the top with the word {@code depth} limbs below it (SWAPn: depth = 4n). */
  static void swap(long[] s, int sp, int depth) {
    int top = sp - 4;
    int other = top - depth;
    long t0 = s[top], t1 = s[top + 1], t2 = s[top + 2], t3 = s[top + 3];
    s[top] = s[other];
    s[top + 1] = s[other + 1];
    s[top + 2] = s[other + 2];
    s[top + 3] = s[other + 3];
    s[other] = t0;
    s[other + 1] = t1;
    s[other + 2] = t2;
    s[other + 3] = t3;
  }
}
