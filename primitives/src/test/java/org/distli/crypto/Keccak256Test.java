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
  void knownVector() {
    assertEquals(
        "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8",
        Keccak256.hash("hello".getBytes()).toHexString());
  }
}
