package org.distli.rpc.filter;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Filter and subscription ids: 16 random bytes written as an RPC quantity (0x-prefixed hex without
 * leading zeros), as go-ethereum makes them. Clients such as web3j parse them as numbers and send
 * them back in their shortest form, so ids are compared in that form.
 */
final class SubscriptionIds {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private SubscriptionIds() {}

  static String next(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    StringBuilder out = new StringBuilder(34).append("0x");
    for (byte b : bytes) {
      out.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
    }
    return normalize(out.toString());
  }

  /** The canonical form of an id as a client may send it: lower case, no leading zeros. */
  static String normalize(String id) {
    String digits = id.startsWith("0x") || id.startsWith("0X") ? id.substring(2) : id;
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    return "0x" + digits.substring(start).toLowerCase(Locale.ROOT);
  }
}
