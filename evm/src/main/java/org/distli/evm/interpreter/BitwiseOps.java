package org.distli.evm.interpreter;

/** Comparison, bitwise logic, BYTE and shifts. The top operand is at {@code sp - 4}. */
final class BitwiseOps {
  private BitwiseOps() {}

  static void lt(long[] s, int sp) {
    U256.set(s, sp - 8, U256.compare(s, sp - 4, sp - 8) < 0 ? 1 : 0);
  }

  static void gt(long[] s, int sp) {
    U256.set(s, sp - 8, U256.compare(s, sp - 4, sp - 8) > 0 ? 1 : 0);
  }

  static void slt(long[] s, int sp) {
    U256.set(s, sp - 8, U256.compareSigned(s, sp - 4, sp - 8) < 0 ? 1 : 0);
  }

  static void sgt(long[] s, int sp) {
    U256.set(s, sp - 8, U256.compareSigned(s, sp - 4, sp - 8) > 0 ? 1 : 0);
  }

  static void eq(long[] s, int sp) {
    U256.set(s, sp - 8, U256.equal(s, sp - 4, sp - 8) ? 1 : 0);
  }

  static void or(long[] s, int sp) {
    int a = sp - 4;
    int b = sp - 8;
    s[b] |= s[a];
    s[b + 1] |= s[a + 1];
    s[b + 2] |= s[a + 2];
    s[b + 3] |= s[a + 3];
  }

  static void xor(long[] s, int sp) {
    int a = sp - 4;
    int b = sp - 8;
    s[b] ^= s[a];
    s[b + 1] ^= s[a + 1];
    s[b + 2] ^= s[a + 2];
    s[b + 3] ^= s[a + 3];
  }

  static void not(long[] s, int sp) {
    int a = sp - 4;
    s[a] = ~s[a];
    s[a + 1] = ~s[a + 1];
    s[a + 2] = ~s[a + 2];
    s[a + 3] = ~s[a + 3];
  }

  /** Byte i of x, counting from the most significant. */
  static void byteOp(long[] s, int sp) {
    int i = sp - 4;
    int x = sp - 8;
    if (!U256.fitsLong(s, i) || s[i] < 0 || s[i] >= 32) {
      U256.set(s, x, 0);
      return;
    }
    int index = 31 - (int) s[i]; // from the least significant byte
    long limb = s[x + (index >>> 3)];
    U256.set(s, x, (limb >>> ((index & 7) * 8)) & 0xff);
  }

  /** value << shift, with the shift on top. */
  static void shl(long[] s, int sp) {
    int sh = sp - 4;
    int v = sp - 8;
    if (!U256.fitsLong(s, sh) || s[sh] < 0 || s[sh] >= 256) {
      U256.set(s, v, 0);
      return;
    }
    int shift = (int) s[sh];
    int limbs = shift >>> 6;
    int bits = shift & 63;
    long v0 = s[v], v1 = s[v + 1], v2 = s[v + 2], v3 = s[v + 3];
    long r0, r1, r2, r3;
    switch (limbs) {
      case 0 -> {
        r0 = v0;
        r1 = v1;
        r2 = v2;
        r3 = v3;
      }
      case 1 -> {
        r0 = 0;
        r1 = v0;
        r2 = v1;
        r3 = v2;
      }
      case 2 -> {
        r0 = 0;
        r1 = 0;
        r2 = v0;
        r3 = v1;
      }
      default -> {
        r0 = 0;
        r1 = 0;
        r2 = 0;
        r3 = v0;
      }
    }
    if (bits != 0) {
      r3 = (r3 << bits) | (r2 >>> (64 - bits));
      r2 = (r2 << bits) | (r1 >>> (64 - bits));
      r1 = (r1 << bits) | (r0 >>> (64 - bits));
      r0 = r0 << bits;
    }
    s[v] = r0;
    s[v + 1] = r1;
    s[v + 2] = r2;
    s[v + 3] = r3;
  }

  /** Logical value >> shift. */
  static void shr(long[] s, int sp) {
    int sh = sp - 4;
    int v = sp - 8;
    if (!U256.fitsLong(s, sh) || s[sh] < 0 || s[sh] >= 256) {
      U256.set(s, v, 0);
      return;
    }
    shiftRight(s, v, (int) s[sh], 0);
  }

  /** Arithmetic value >> shift. */
  static void sar(long[] s, int sp) {
    int sh = sp - 4;
    int v = sp - 8;
    long fill = s[v + 3] < 0 ? -1L : 0L;
    if (!U256.fitsLong(s, sh) || s[sh] < 0 || s[sh] >= 256) {
      s[v] = fill;
      s[v + 1] = fill;
      s[v + 2] = fill;
      s[v + 3] = fill;
      return;
    }
    shiftRight(s, v, (int) s[sh], fill);
  }

  private static void shiftRight(long[] s, int v, int shift, long fill) {
    int limbs = shift >>> 6;
    int bits = shift & 63;
    long v0 = s[v], v1 = s[v + 1], v2 = s[v + 2], v3 = s[v + 3];
    long r0, r1, r2, r3;
    switch (limbs) {
      case 0 -> {
        r0 = v0;
        r1 = v1;
        r2 = v2;
        r3 = v3;
      }
      case 1 -> {
        r0 = v1;
        r1 = v2;
        r2 = v3;
        r3 = fill;
      }
      case 2 -> {
        r0 = v2;
        r1 = v3;
        r2 = fill;
        r3 = fill;
      }
      default -> {
        r0 = v3;
        r1 = fill;
        r2 = fill;
        r3 = fill;
      }
    }
    if (bits != 0) {
      r0 = (r0 >>> bits) | (r1 << (64 - bits));
      r1 = (r1 >>> bits) | (r2 << (64 - bits));
      r2 = (r2 >>> bits) | (r3 << (64 - bits));
      r3 = fill == 0 ? r3 >>> bits : r3 >> bits;
    }
    s[v] = r0;
    s[v + 1] = r1;
    s[v + 2] = r2;
    s[v + 3] = r3;
  }
}
