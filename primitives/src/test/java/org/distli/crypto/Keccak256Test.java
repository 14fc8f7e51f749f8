package org.distli.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.distli.primitives.Hash;
import org.junit.jupiter.api.Test;

class Keccak256Test {
  @Test
  void emptyInputHashesToTheEmptyCodeHash() {
    assertEquals(Hash.EMPTY_CODE, Keccak256.hash(new byte[0]));
  }

  @Test
  void matchesBouncyCastleOnEveryLengthAroundTheRate() {
    java.util.Random random = new java.util.Random(5);
    for (int length = 0; length <= 700; length++) {
      byte[] input = new byte[length + 3];
      random.nextBytes(input);
      org.bouncycastle.crypto.digests.KeccakDigest reference =
          new org.bouncycastle.crypto.digests.KeccakDigest(256);
      reference.update(input, 3, length);
      byte[] expected = new byte[32];
      reference.doFinal(expected, 0);
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          expected, Keccak256.digest(input, 3, length), "length " + length);
    }
  }

  @Test
  void knownVector() {
    assertEquals(
        "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8",
        Keccak256.hash("hello".getBytes()).toHexString());
  }
}
