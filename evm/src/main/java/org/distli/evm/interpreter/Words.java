package org.distli.evm.interpreter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * Conversions between stack words (four limbs, least significant first) and bytes, addresses and
 * the value types the world state speaks.
 */
final class Words {
  private Words() {}

  static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Writes the word at s[i] as 32 big-endian bytes at {@code out[off]}. */
  static void toBytes(long[] s, int i, byte[] out, int off) {
    LONG_BE.set(out, off, s[i + 3]);
    LONG_BE.set(out, off + 8, s[i + 2]);
    LONG_BE.set(out, off + 16, s[i + 1]);
    LONG_BE.set(out, off + 24, s[i]);
  }

  /** Reads 32 big-endian bytes at {@code in[off]} into the word at s[i]. */
  static void fromBytes(byte[] in, int off, long[] s, int i) {
    s[i + 3] = (long) LONG_BE.get(in, off);
    s[i + 2] = (long) LONG_BE.get(in, off + 8);
    s[i + 1] = (long) LONG_BE.get(in, off + 16);
    s[i] = (long) LONG_BE.get(in, off + 24);
  }

  static byte[] toBytes(long[] s, int i) {
    byte[] out = new byte[32];
    toBytes(s, i, out, 0);
    return out;
  }

  static UInt256 toUInt256(long[] s, int i) {
    if ((s[i + 1] | s[i + 2] | s[i + 3]) == 0 && s[i] >= 0) {
      return UInt256.valueOf(s[i]);
    }
    return UInt256.fromBytes(Bytes32.wrap(toBytes(s, i)));
  }

  static void fromUInt256(UInt256 value, long[] s, int i) {
    if (value.fitsLong()) {
      U256.set(s, i, value.toLong());
    } else {
      fromBytes(value.toArrayUnsafe(), 0, s, i);
    }
  }

  static Wei toWei(long[] s, int i) {
    return U256.isZero(s, i) ? Wei.ZERO : Wei.of(toUInt256(s, i));
  }

  static void fromWei(Wei value, long[] s, int i) {
    fromUInt256(value.toUInt256(), s, i);
  }

  /** The low 160 bits of the word as an address. */
  static Address toAddress(long[] s, int i) {
    byte[] bytes = new byte[20];
    bytes[0] = (byte) (s[i + 2] >>> 24);
    bytes[1] = (byte) (s[i + 2] >>> 16);
    bytes[2] = (byte) (s[i + 2] >>> 8);
    bytes[3] = (byte) s[i + 2];
    LONG_BE.set(bytes, 4, s[i + 1]);
    LONG_BE.set(bytes, 12, s[i]);
    return Address.wrapCopy(bytes, 0);
  }

  static void fromAddress(Address address, long[] s, int i) {
    s[i + 3] = 0;
    s[i + 2] =
        ((address.get(0) & 0xffL) << 24)
            | ((address.get(1) & 0xffL) << 16)
            | ((address.get(2) & 0xffL) << 8)
            | (address.get(3) & 0xffL);
    long w1 = 0;
    for (int k = 4; k < 12; k++) {
      w1 = (w1 << 8) | (address.get(k) & 0xffL);
    }
    long w0 = 0;
    for (int k = 12; k < 20; k++) {
      w0 = (w0 << 8) | (address.get(k) & 0xffL);
    }
    s[i + 1] = w1;
    s[i] = w0;
  }

  static void fromHash(Hash hash, long[] s, int i) {
    byte[] bytes = new byte[32];
    hash.copyTo(bytes, 0);
    fromBytes(bytes, 0, s, i);
  }

  static Hash toHash(long[] s, int i) {
    return Hash.wrap(toBytes(s, i));
  }

  static Bytes wrap(byte[] bytes) {
    return bytes.length == 0 ? Bytes.EMPTY : Bytes.wrap(bytes);
  }
}
