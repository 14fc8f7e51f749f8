package org.distli.primitives;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;

/**
 * An account as the state trie stores it: [nonce, balance, storageRoot, codeHash]. The nonce is an
 * unsigned 64-bit value (EIP-2681) held in a long.
 */
public record Account(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {
  public static final Account EMPTY =
      new Account(0, Wei.ZERO, Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_CODE);

  /** Empty in the EIP-161 sense: no nonce, no balance, no code. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(Hash.EMPTY_CODE);
  }

  public Bytes toRlp() {
    return RLP.encodeList(
        w -> {
          w.writeValue(Bytes.minimalBytes(nonce));
          w.writeUInt256(balance.toUInt256());
          w.writeValue(storageRoot.toBytes());
          w.writeValue(codeHash.toBytes());
        });
  }

  /**
   * @throws RLPException when {@code rlp} is not a well-formed account
   */
  public static Account fromRlp(Bytes rlp) {
    return RLP.decodeList(
        rlp,
        r -> {
          Bytes nonceBytes = r.readValue();
          if (nonceBytes.size() > 8) {
            throw new RLPException("account nonce wider than 64 bits");
          }
          long nonce = nonceBytes.isEmpty() ? 0 : nonceBytes.toLong();
          Wei balance = Wei.of(r.readUInt256());
          Hash storageRoot = readHash(r, "storage root");
          Hash codeHash = readHash(r, "code hash");
          return new Account(nonce, balance, storageRoot, codeHash);
        });
  }

  private static Hash readHash(org.apache.tuweni.rlp.RLPReader reader, String field) {
    Bytes value = reader.readValue();
    if (value.size() != Hash.SIZE) {
      throw new RLPException("account " + field + " must be 32 bytes, got " + value.size());
    }
    return Hash.of(value);
  }
}
