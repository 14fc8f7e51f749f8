package org.distli.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AddressTest {
  @Test
  void checksumMatchesEip55Examples() {
    for (String expected :
        new String[] {
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
        }) {
      assertEquals(expected, Address.fromHex(expected.toLowerCase()).toChecksumString());
    }
  }

  @Test
  void refusesWrongLengthAndBadHex() {
    assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0x1234"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Address.fromHex("0xzz00000000000000000000000000000000000000"));
  }

  @Test
  void equalAddressesAreEqualWhateverTheCase() {
    Address lower = Address.fromHex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    Address mixed = Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    assertEquals(lower, mixed);
    assertEquals(lower.hashCode(), mixed.hashCode());
  }
}
