package org.distli.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Address;
import org.distli.rlp.Rlp;
import org.distli.rlp.RlpException;

/**
 * How accounts and storage values are laid out in the state trie: accounts under keccak(address) as
 * {@link org.distli.primitives.Account#encode} writes them; storage under keccak(slot as 32 bytes)
 * as the RLP string of the value's minimal big-endian bytes. The encoding is the project's one RLP
 * codec ({@link Rlp}); this class only names the keys and values of the state trie.
 */
final class StateCodec {
  private StateCodec() {}

  static byte[] accountKey(Address address) {
    byte[] raw = new byte[Address.SIZE];
    address.copyTo(raw, 0);
    return Keccak256.digest(raw);
  }

  static byte[] slotKey(UInt256 slot) {
    return Keccak256.digest(slot.toArrayUnsafe());
  }

  /** RLP of the minimal big-endian bytes of a non-zero value. */
  static byte[] encodeStorageValue(UInt256 value) {
    byte[] word = value.toArrayUnsafe();
    int start = 0;
    while (start < 32 && word[start] == 0) {
      start++;
    }
    int length = 32 - start;
    byte[] out = new byte[Rlp.stringLength(length, length == 0 ? 0 : word[start] & 0xff)];
    Rlp.writeString(word, start, length, out, 0);
    return out;
  }

  /**
   * @throws RlpException when {@code rlp} is not one string of at most 32 bytes
   */
  static UInt256 decodeStorageValue(byte[] rlp) {
    long item = Rlp.item(rlp, 0, rlp.length);
    int length = Rlp.payloadLength(item);
    if (Rlp.isList(rlp, 0) || length > 32 || Rlp.end(item) != rlp.length) {
      throw new RlpException("malformed storage value " + Bytes.wrap(rlp));
    }
    return length == 0
        ? UInt256.ZERO
        : UInt256.fromBytes(Bytes.wrap(rlp, Rlp.payloadOffset(item), length));
  }

  static UInt256 decodeStorageValueBytes(Bytes rlp) {
    return decodeStorageValue(rlp.toArrayUnsafe());
  }
}
