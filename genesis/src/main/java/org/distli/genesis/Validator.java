package org.distli.genesis;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;

/**
 * A proof-of-stake validator: who signs blocks and how much weight its signature carries.
 *
 * @param publicKey the 64-byte uncompressed secp256k1 public key, when the genesis gives one
 */
public record Validator(Address address, Wei stake, Optional<Bytes> publicKey) {
  public Validator {
    if (stake.isZero()) {
      throw new IllegalArgumentException("a validator's stake must be positive");
    }
  }

  public static Validator of(Address address, Wei stake) {
    return new Validator(address, stake, Optional.empty());
  }
}
