package org.distli.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPException;
import org.junit.jupiter.api.Test;

class AccountTest {
  @Test
  void rlpRoundTripKeepsFullWidthNonce() {
    Account account = new Account(-1L, Wei.ofEther(10_000), Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_CODE);
    assertEquals(account, Account.fromRlp(account.toRlp()));
  }

  @Test
  void emptyAccountEncodesAsGethDoes() {
    // [0x80, 0x80, emptyRoot, emptyCodeHash]
    assertEquals(
        "0xf8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"
            + "a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Account.EMPTY.toRlp().toHexString());
    assertTrue(Account.EMPTY.isEmpty());
  }

  @Test
  void malformedRlpIsRefused() {
    assertThrows(RLPException.class, () -> Account.fromRlp(Bytes.fromHexString("0xc3808080")));
  }
}
