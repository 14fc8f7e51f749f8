package org.distli.evm.precompile;

import static org.distli.evm.precompile.TestHex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.distli.evm.Fork;
import org.distli.primitives.Address;
import org.junit.jupiter.api.Test;

class PrecompileSetTest {
  private static List<Integer> numbers(Fork fork) {
    return PrecompileSet.forFork(fork).addresses().stream()
        .map(a -> ((a.get(18) & 0xff) << 8) | (a.get(19) & 0xff))
        .toList();
  }

  @Test
  void frontierToSpuriousDragonHaveTheFourOriginalContracts() {
    for (Fork fork :
        List.of(Fork.FRONTIER, Fork.HOMESTEAD, Fork.TANGERINE_WHISTLE, Fork.SPURIOUS_DRAGON)) {
      assertEquals(List.of(1, 2, 3, 4), numbers(fork), fork.toString());
    }
  }

  @Test
  void laterForksAddContractsInAddressOrder() {
    // bn254 (0x06-0x08) is not in yet.
    assertEquals(List.of(1, 2, 3, 4, 5), numbers(Fork.BYZANTIUM));
    assertEquals(List.of(1, 2, 3, 4, 5, 9), numbers(Fork.ISTANBUL));
    assertEquals(List.of(1, 2, 3, 4, 5, 9, 10), numbers(Fork.CANCUN));
  }

  @Test
  void lookupFindsOnlyActiveLowAddresses() {
    PrecompileSet frontier = PrecompileSet.forFork(Fork.FRONTIER);
    assertNotNull(frontier.get(PrecompileSet.address(1)));
    assertNull(frontier.get(PrecompileSet.address(5)));
    assertNull(frontier.get(Address.ZERO));
    assertNull(frontier.get(PrecompileSet.address(0x100)));
    assertNull(frontier.get(Address.fromHex("0x0100000000000000000000000000000000000001")));
    assertNull(frontier.get(Address.fromHex("0x0000000000000000000000000000000000010001")));
    assertTrue(PrecompileSet.forFork(Fork.CANCUN).contains(PrecompileSet.address(0x0a)));
    assertFalse(PrecompileSet.forFork(Fork.SHANGHAI).contains(PrecompileSet.address(0x0a)));
  }

  @Test
  void modexpIsRepricedAtBerlinByEip2565() {
    byte[] input =
        bytes(
            "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "03"
                + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
                + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    Address modexp = PrecompileSet.address(5);
    assertEquals(13056, PrecompileSet.forFork(Fork.ISTANBUL).get(modexp).gasCost(input));
    assertEquals(1360, PrecompileSet.forFork(Fork.BERLIN).get(modexp).gasCost(input));
    assertEquals(1360, PrecompileSet.forFork(Fork.CANCUN).get(modexp).gasCost(input));
  }

  @Test
  void unchangedContractsAreSharedBetweenForks() {
    Address sha = PrecompileSet.address(2);
    assertSame(
        PrecompileSet.forFork(Fork.FRONTIER).get(sha), PrecompileSet.forFork(Fork.CANCUN).get(sha));
  }
}
