package org.distli.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.distli.rlp.RlpException;
import org.distli.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class AccountTest {
  @Test
  void rlpRoundTripKeepsFullWidthNonce() {
    Account account = new Account(-1L, Wei.ofEther(10_000), Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_CODE);
    assertEquals(account, Account.decode(account.encode()));
  }

  @Test
  void encodingMatchesTheGeneralWriterForEveryIntegerWidth() {
    Hash root = Hash.fromHex("0x" + "11".repeat(32));
    Hash code = Hash.fromHex("0x" + "22".repeat(32));
    long[] nonces = {0, 1, 0x7f, 0x80, 0xff, 0x100, Long.MAX_VALUE, -1L};
    Wei[] balances = {Wei.ZERO, Wei.of(1), Wei.of(0x7f), Wei.of(0x80), Wei.ofEther(10_000)};
    for (long nonce : nonces) {
      for (Wei balance : balances) {
        Account account = new Account(nonce, balance, root, code);
        byte[] expected =
            new RlpWriter()
                .startList()
                .writeLong(nonce)
                .writeWei(balance)
                .writeHash(root)
                .writeHash(code)
                .endList()
                .toByteArray();
        assertEquals(Hex.encode(expected), Hex.encode(account.encode()), account.toString());
        assertEquals(account, Account.decode(expected));
        assertEquals(root, Account.storageRootOf(expected));
      }
    }
  }

  @Test
  void emptyAccountEncodesAsGethDoes() {
    // [0x80, 0x80, emptyRoot, emptyCodeHash]
    assertEquals(
        "0xf8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"
            + "a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(Account.EMPTY.encode()));
    assertTrue(Account.EMPTY.isEmpty());
    assertSame(Hash.EMPTY_TRIE_ROOT, Account.decode(Account.EMPTY.encode()).storageRoot());
  }

  @Test
  void malformedRlpIsRefused() {
    assertThrows(RlpException.class, () -> Account.decode(Hex.decode("0xc3808080").toArray()));
    byte[] valid = Account.EMPTY.encode();
    byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 1);
    assertThrows(RlpException.class, () -> Account.decode(trailing));
    byte[] leadingZeroNonce =
        new RlpWriter()
            .startList()
            .writeBytes(new byte[] {0, 1})
            .writeLong(0)
            .writeHash(Hash.EMPTY_TRIE_ROOT)
            .writeHash(Hash.EMPTY_CODE)
            .endList()
            .toByteArray();
    RlpException e = assertThrows(RlpException.class, () -> Account.decode(leadingZeroNonce));
    assertEquals("rlp: leading zero bytes in integer field account nonce", e.getMessage());
  }
}
