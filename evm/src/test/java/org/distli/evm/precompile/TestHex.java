package org.distli.evm.precompile;

import org.distli.primitives.Hex;

final class TestHex {
  private TestHex() {}

  static byte[] bytes(String hex) {
    return Hex.decode(hex.replace(" ", "")).toArrayUnsafe();
  }

  static String hex(byte[] bytes) {
    return bytes == null ? null : Hex.encode(bytes);
  }
}
