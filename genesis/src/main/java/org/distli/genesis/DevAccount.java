package org.distli.genesis;

import org.distli.crypto.SecretKey;
import org.distli.primitives.Address;

/**
 * One of the dev chain's well-known accounts: the key at {@code m/44'/60'/0'/0/index} of the dev
 * mnemonic. The keys are public test keys; never use them on a real network.
 */
public record DevAccount(int index, SecretKey key) {
  public Address address() {
    return key.address();
  }
}
