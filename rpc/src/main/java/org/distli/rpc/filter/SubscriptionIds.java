package org.distli.rpc.filter;

import java.security.SecureRandom;

/** Random filter and subscription ids: 16 bytes as 0x-prefixed hex, as go-ethereum makes them. */
final class SubscriptionIds {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private SubscriptionIds() {}

  static String next(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    char[] out = new char[34];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < 16; i++) {
      out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
