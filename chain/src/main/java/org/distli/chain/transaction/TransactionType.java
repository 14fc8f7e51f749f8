package org.distli.chain.transaction;

import java.util.Optional;

/** The transaction envelopes of EIP-2718: the type byte that prefixes a typed transaction. */
public enum TransactionType {
  /** The original format; EIP-155 adds the chain id to the signature. */
  LEGACY(0x00),
  /** EIP-2930: an access list and an explicit chain id. */
  ACCESS_LIST(0x01),
  /** EIP-1559: a fee cap and a priority fee instead of a gas price. */
  DYNAMIC_FEE(0x02),
  /** EIP-4844: blob-carrying transactions. */
  BLOB(0x03),
  /** EIP-7702: set-code transactions with authorizations. */
  SET_CODE(0x04);

  private final int typeByte;

  TransactionType(int typeByte) {
    this.typeByte = typeByte;
  }

  /** The type byte of the envelope; 0 for legacy, which has no envelope. */
  public int typeByte() {
    return typeByte;
  }

  public boolean isTyped() {
    return this != LEGACY;
  }

  /** Whether the type has a fee cap and a priority fee (EIP-1559 pricing). */
  public boolean hasDynamicFee() {
    return typeByte >= DYNAMIC_FEE.typeByte;
  }

  public static Optional<TransactionType> fromTypeByte(int typeByte) {
    for (TransactionType type : values()) {
      if (type.typeByte == typeByte) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
