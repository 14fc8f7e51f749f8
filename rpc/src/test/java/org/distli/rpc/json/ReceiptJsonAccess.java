package org.distli.rpc.json;

import org.distli.primitives.Address;

/** Test access to package-private helpers of the JSON views. */
public final class ReceiptJsonAccess {
  private ReceiptJsonAccess() {}

  public static Address createAddress(Address sender, long nonce) {
    return ReceiptJson.createAddress(sender, nonce);
  }
}
