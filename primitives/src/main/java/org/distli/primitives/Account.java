package org.distli.primitives;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.rlp.Rlp;
import org.distli.rlp.RlpException;

/**
 * An account as the state trie stores it: RLP [nonce, balance, storageRoot, codeHash]. The nonce is
 * an unsigned 64-bit value (EIP-2681) held in a long.
 */
public record Account(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {
  public static final Account EMPTY =
      new Account(0, Wei.ZERO, Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_CODE);

  private static final int HASH_ITEM = 1 + Hash.SIZE;
  private static final byte[] EMPTY_TRIE_ROOT = Hash.EMPTY_TRIE_ROOT.toArray();
  private static final byte[] EMPTY_CODE = Hash.EMPTY_CODE.toArray();

  /** Empty in the EIP-161 sense: no nonce, no balance, no code. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(Hash.EMPTY_CODE);
  }

  /**
   * The trie encoding, written into one exactly sized array (it runs for every touched account).
   */
  public byte[] encode() {
    int nonceLength = 8 - Long.numberOfLeadingZeros(nonce) / 8;
    byte[] balanceWord = balance.toUInt256().toArrayUnsafe();
    int balanceStart = 0;
    while (balanceStart < 32 && balanceWord[balanceStart] == 0) {
      balanceStart++;
    }
    int balanceLength = 32 - balanceStart;
    boolean nonceIsOneByte = nonce > 0 && nonce < 0x80;
    int nonceItem = nonceIsOneByte ? 1 : 1 + nonceLength;
    int balanceItem =
        Rlp.stringLength(balanceLength, balanceLength == 0 ? 0 : balanceWord[31] & 0xff);
    int payload = nonceItem + balanceItem + 2 * HASH_ITEM;
    byte[] out = new byte[Rlp.listLength(payload)];
    int o = Rlp.writeListHeader(payload, out, 0);
    if (nonceIsOneByte) {
      out[o++] = (byte) nonce;
    } else {
      out[o++] = (byte) (Rlp.STRING + nonceLength);
      for (int i = nonceLength - 1; i >= 0; i--) {
        out[o++] = (byte) (nonce >>> (8 * i));
      }
    }
    o = Rlp.writeString(balanceWord, balanceStart, balanceLength, out, o);
    out[o++] = (byte) (Rlp.STRING + Hash.SIZE);
    storageRoot.copyTo(out, o);
    o += Hash.SIZE;
    out[o++] = (byte) (Rlp.STRING + Hash.SIZE);
    codeHash.copyTo(out, o);
    return out;
  }

  /**
   * Decodes {@link #encode}'s form, strictly: canonical RLP, exactly four items, a nonce of at most
   * 64 bits and a balance of at most 256 without leading zeros, 32-byte hashes.
   *
   * @throws RlpException when {@code rlp} is not a well-formed account
   */
  public static Account decode(byte[] rlp) {
    long list = Rlp.item(rlp, 0, rlp.length);
    if (!Rlp.isList(rlp, 0)) {
      throw new RlpException("expected a list for account, got a string");
    }
    int end = Rlp.end(list);
    if (end != rlp.length) {
      throw new RlpException("trailing bytes after account");
    }
    int o = Rlp.payloadOffset(list);
    long nonceItem = integer(rlp, o, end, 8, "account nonce");
    long nonce = 0;
    for (int i = Rlp.payloadOffset(nonceItem); i < Rlp.end(nonceItem); i++) {
      nonce = (nonce << 8) | (rlp[i] & 0xff);
    }
    o = Rlp.end(nonceItem);
    long balanceItem = integer(rlp, o, end, 32, "account balance");
    Wei balance =
        Rlp.payloadLength(balanceItem) == 0
            ? Wei.ZERO
            : Wei.of(
                UInt256.fromBytes(
                    Bytes.wrap(
                        rlp, Rlp.payloadOffset(balanceItem), Rlp.payloadLength(balanceItem))));
    o = Rlp.end(balanceItem);
    Hash storageRoot = hash(rlp, o, end, EMPTY_TRIE_ROOT, Hash.EMPTY_TRIE_ROOT, "storage root");
    o += HASH_ITEM;
    Hash codeHash = hash(rlp, o, end, EMPTY_CODE, Hash.EMPTY_CODE, "code hash");
    if (o + HASH_ITEM != end) {
      throw new RlpException("too many elements in account");
    }
    return new Account(nonce, balance, storageRoot, codeHash);
  }

  /**
   * The storage root of an encoded account without decoding the rest: the state database reads it
   * for every account whose storage a block changes.
   */
  public static Hash storageRootOf(byte[] rlp) {
    int o = rlp.length - 2 * HASH_ITEM;
    if (o < 3
        || (rlp[o] & 0xff) != Rlp.STRING + Hash.SIZE
        || (rlp[o + HASH_ITEM] & 0xff) != Rlp.STRING + Hash.SIZE) {
      return decode(rlp).storageRoot();
    }
    return hash(rlp, o, rlp.length, EMPTY_TRIE_ROOT, Hash.EMPTY_TRIE_ROOT, "storage root");
  }

  private static long integer(byte[] in, int offset, int end, int maxBytes, String field) {
    if (offset >= end) {
      throw new RlpException("too few elements: missing " + field);
    }
    long item = Rlp.item(in, offset, end);
    if (Rlp.isList(in, offset)) {
      throw new RlpException("expected a string for " + field + ", got a list");
    }
    int length = Rlp.payloadLength(item);
    if (length > maxBytes) {
      throw new RlpException(field + " overflows " + (maxBytes * 8) + " bits");
    }
    if (length > 0 && in[Rlp.payloadOffset(item)] == 0) {
      throw new RlpException("leading zero bytes in integer field " + field);
    }
    return item;
  }

  /** The 32-byte string at {@code offset}; the shared constant when it equals {@code common}. */
  private static Hash hash(
      byte[] in, int offset, int end, byte[] common, Hash commonHash, String field) {
    if (offset >= end) {
      throw new RlpException("too few elements: missing account " + field);
    }
    long item = Rlp.item(in, offset, end);
    if (Rlp.isList(in, offset) || Rlp.payloadLength(item) != Hash.SIZE) {
      throw new RlpException("account " + field + " must be 32 bytes");
    }
    int from = Rlp.payloadOffset(item);
    if (Arrays.equals(in, from, from + Hash.SIZE, common, 0, Hash.SIZE)) {
      return commonHash;
    }
    return Hash.wrap(Arrays.copyOfRange(in, from, from + Hash.SIZE));
  }
}
