package org.distli.evm.precompile;

import static org.distli.evm.precompile.TestHex.bytes;
import static org.distli.evm.precompile.TestHex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class Blake2fTest {
  private final Blake2f blake2f = new Blake2f();

  // EIP-152 test vector 5: the single compression of BLAKE2b-512("abc"), 12 rounds.
  private static final String ABC_INPUT =
      "0000000c"
          + "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
          + "d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
          + "6162630000000000000000000000000000000000000000000000000000000000"
          + "00".repeat(96)
          + "0300000000000000"
          + "0000000000000000"
          + "01";

  @Test
  void compressesEip152VectorLikeBlake2bOfAbc() {
    byte[] expected = new byte[64];
    Blake2bDigest reference = new Blake2bDigest(512);
    reference.update("abc".getBytes(), 0, 3);
    reference.doFinal(expected, 0);
    byte[] out = blake2f.execute(bytes(ABC_INPUT));
    assertArrayEquals(expected, out);
    assertEquals(
        "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        hex(out));
    assertEquals(12, blake2f.gasCost(bytes(ABC_INPUT)));
  }

  @Test
  void zeroRoundsOnlyFoldsTheInitialisationVector() {
    // EIP-152 test vector 4.
    byte[] input = bytes("00000000" + ABC_INPUT.substring(8));
    assertEquals(
        "0x08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
            + "d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b",
        hex(blake2f.execute(input)));
    assertEquals(0, blake2f.gasCost(input));
  }

  @Test
  void nonFinalBlockDiffersFromFinal() {
    // EIP-152 test vector 6: the same input without the final flag.
    byte[] input = bytes(ABC_INPUT.substring(0, ABC_INPUT.length() - 2) + "00");
    assertEquals(
        "0x75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d28752"
            + "98743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735",
        hex(blake2f.execute(input)));
  }

  @Test
  void matchesBouncyCastleOnSingleBlockMessagesOfEveryLength() {
    Random random = new Random(3);
    for (int length = 0; length <= 128; length += 7) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      byte[] expected = new byte[64];
      Blake2bDigest reference = new Blake2bDigest(512);
      reference.update(message, 0, length);
      reference.doFinal(expected, 0);
      byte[] input = bytes(ABC_INPUT);
      java.util.Arrays.fill(input, 68, 212, (byte) 0);
      System.arraycopy(message, 0, input, 68, length);
      input[196] = (byte) length;
      input[212] = 1;
      assertArrayEquals(expected, blake2f.execute(input), "length " + length);
    }
  }

  @Test
  void failsOnWrongLengthOrFinalFlag() {
    byte[] good = bytes(ABC_INPUT);
    assertNull(blake2f.execute(java.util.Arrays.copyOf(good, 212)));
    assertNull(blake2f.execute(java.util.Arrays.copyOf(good, 214)));
    assertNull(blake2f.execute(new byte[0]));
    byte[] badFlag = good.clone();
    badFlag[212] = 2;
    assertNull(blake2f.execute(badFlag));
  }
}
