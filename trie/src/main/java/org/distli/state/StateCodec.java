package org.distli.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * How accounts and storage values are laid out in the state trie: accounts under keccak(address) as
 * RLP [nonce, balance, storageRoot, codeHash]; storage under keccak(slot as 32 bytes) as the RLP
 * string of the value's minimal big-endian bytes. Hand-rolled because it runs for every account and
 * slot a block touches.
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
    if (length == 1 && (word[start] & 0xff) < 0x80) {
      return new byte[] {word[start]};
    }
    byte[] out = new byte[length + 1];
    out[0] = (byte) (0x80 + length);
    System.arraycopy(word, start, out, 1, length);
    return out;
  }

  static UInt256 decodeStorageValue(byte[] rlp) {
    if (rlp.length == 1 && (rlp[0] & 0xff) < 0x80) {
      return UInt256.valueOf(rlp[0] & 0xff);
    }
    int length = (rlp[0] & 0xff) - 0x80;
    if (length < 0 || length > 32 || rlp.length != length + 1) {
      throw new IllegalStateException("malformed storage value " + Bytes.wrap(rlp));
    }
    return UInt256.fromBytes(Bytes.wrap(rlp, 1, length));
  }

  static UInt256 decodeStorageValueBytes(Bytes rlp) {
    return decodeStorageValue(rlp.toArrayUnsafe());
  }

  static byte[] encodeAccount(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {
    byte[] nonceBytes = minimal(nonce);
    byte[] balanceWord = balance.toUInt256().toArrayUnsafe();
    int balanceStart = 0;
    while (balanceStart < 32 && balanceWord[balanceStart] == 0) {
      balanceStart++;
    }
    int balanceLength = 32 - balanceStart;
    int nonceItem = itemLength(nonceBytes, 0, nonceBytes.length);
    int balanceItem = itemLength(balanceWord, balanceStart, balanceLength);
    int payload = nonceItem + balanceItem + 33 + 33;
    int header = payload <= 55 ? 1 : 2;
    byte[] out = new byte[header + payload];
    int o;
    if (header == 1) {
      out[0] = (byte) (0xc0 + payload);
      o = 1;
    } else {
      out[0] = (byte) 0xf8;
      out[1] = (byte) payload;
      o = 2;
    }
    o = writeItem(nonceBytes, 0, nonceBytes.length, out, o);
    o = writeItem(balanceWord, balanceStart, balanceLength, out, o);
    out[o++] = (byte) 0xa0;
    storageRoot.copyTo(out, o);
    o += 32;
    out[o++] = (byte) 0xa0;
    codeHash.copyTo(out, o);
    return out;
  }

  static byte[] encodeAccount(Account account) {
    return encodeAccount(
        account.nonce(), account.balance(), account.storageRoot(), account.codeHash());
  }

  /** The storage root of an encoded account, without decoding the rest. */
  static Hash storageRootOf(byte[] rlp) {
    int o = rlp.length - 66;
    if (o < 3 || (rlp[o] & 0xff) != 0xa0 || (rlp[o + 33] & 0xff) != 0xa0) {
      return decodeAccount(rlp).storageRoot();
    }
    if (java.util.Arrays.equals(rlp, o + 1, o + 33, EMPTY_TRIE_ROOT, 0, 32)) {
      return Hash.EMPTY_TRIE_ROOT;
    }
    return Hash.wrap(java.util.Arrays.copyOfRange(rlp, o + 1, o + 33));
  }

  private static final byte[] EMPTY_TRIE_ROOT = Hash.EMPTY_TRIE_ROOT.toArray();

  /** Decodes an account written by {@link #encodeAccount}; other shapes go through tuweni. */
  static Account decodeAccount(byte[] rlp) {
    int header = (rlp[0] & 0xff) - 0xc0;
    int o;
    if (header >= 0 && header <= 55 && header + 1 == rlp.length) {
      o = 1;
    } else if ((rlp[0] & 0xff) == 0xf8 && rlp.length == (rlp[1] & 0xff) + 2) {
      o = 2;
    } else {
      return Account.fromRlp(Bytes.wrap(rlp));
    }
    long nonce;
    int b = rlp[o] & 0xff;
    if (b < 0x80) {
      nonce = b;
      o++;
    } else if (b <= 0x88) {
      int length = b - 0x80;
      nonce = 0;
      for (int i = 0; i < length; i++) {
        nonce = (nonce << 8) | (rlp[o + 1 + i] & 0xff);
      }
      o += 1 + length;
    } else {
      return Account.fromRlp(Bytes.wrap(rlp));
    }
    UInt256 balance;
    b = rlp[o] & 0xff;
    if (b < 0x80) {
      balance = UInt256.valueOf(b);
      o++;
    } else if (b <= 0xa0) {
      int length = b - 0x80;
      balance = length == 0 ? UInt256.ZERO : UInt256.fromBytes(Bytes.wrap(rlp, o + 1, length));
      o += 1 + length;
    } else {
      return Account.fromRlp(Bytes.wrap(rlp));
    }
    if (o + 66 != rlp.length || (rlp[o] & 0xff) != 0xa0 || (rlp[o + 33] & 0xff) != 0xa0) {
      return Account.fromRlp(Bytes.wrap(rlp));
    }
    Hash storageRoot = Hash.wrap(java.util.Arrays.copyOfRange(rlp, o + 1, o + 33));
    Hash codeHash = Hash.wrap(java.util.Arrays.copyOfRange(rlp, o + 34, o + 66));
    return new Account(nonce, Wei.of(balance), storageRoot, codeHash);
  }

  private static byte[] minimal(long value) {
    if (value == 0) {
      return new byte[0];
    }
    int length = 8 - Long.numberOfLeadingZeros(value) / 8;
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[length - 1 - i] = (byte) (value >>> (8 * i));
    }
    return out;
  }

  private static int itemLength(byte[] bytes, int offset, int length) {
    if (length == 1 && (bytes[offset] & 0xff) < 0x80) {
      return 1;
    }
    return 1 + length;
  }

  private static int writeItem(byte[] bytes, int offset, int length, byte[] out, int o) {
    if (length == 1 && (bytes[offset] & 0xff) < 0x80) {
      out[o] = bytes[offset];
      return o + 1;
    }
    out[o++] = (byte) (0x80 + length);
    System.arraycopy(bytes, offset, out, o, length);
    return o + length;
  }
}
