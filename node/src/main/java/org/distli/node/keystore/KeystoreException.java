package org.distli.node.keystore;

/** A keystore that cannot be read, decrypted or written; the message says which and why. */
public final class KeystoreException extends RuntimeException {
  public KeystoreException(String message) {
    super(message);
  }
}
