package org.distli.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WeiTest {
  @Test
  void parsesDecimalAndHex() {
    assertEquals(Wei.ofEther(1), Wei.parse("1000000000000000000"));
    assertEquals(Wei.ofEther(1), Wei.parse("0xde0b6b3a7640000"));
    assertEquals("0xde0b6b3a7640000", Wei.ofEther(1).toHexQuantity());
    assertEquals("0x0", Wei.ZERO.toHexQuantity());
  }

  @Test
  void refusesNegativeAndOversizedAmounts() {
    assertThrows(IllegalArgumentException.class, () -> Wei.parse("-1"));
    assertThrows(IllegalArgumentException.class, () -> Wei.of(BigInteger.TWO.pow(256)));
    assertThrows(ArithmeticException.class, () -> Wei.of(1).subtract(Wei.of(2)));
  }
}
