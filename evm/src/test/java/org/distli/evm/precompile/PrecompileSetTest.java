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
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), numbers(Fork.BYZANTIUM));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), numbers(Fork.PETERSBURG));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), numbers(Fork.ISTANBUL));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), numbers(Fork.SHANGHAI));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), numbers(Fork.CANCUN));
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
  void bn254IsRepricedAtIstanbulByEip1108() {
    PrecompileSet byzantium = PrecompileSet.forFork(Fork.BYZANTIUM);
    PrecompileSet istanbul = PrecompileSet.forFork(Fork.ISTANBUL);
    Address add = PrecompileSet.address(6);
    Address mul = PrecompileSet.address(7);
    Address pairing = PrecompileSet.address(8);
    assertEquals(500, byzantium.get(add).gasCost(new byte[128]));
    assertEquals(150, istanbul.get(add).gasCost(new byte[128]));
    assertEquals(40_000, byzantium.get(mul).gasCost(new byte[96]));
    assertEquals(6_000, istanbul.get(mul).gasCost(new byte[96]));
    assertEquals(100_000, byzantium.get(pairing).gasCost(new byte[0]));
    assertEquals(260_000, byzantium.get(pairing).gasCost(new byte[384]));
    assertEquals(45_000, istanbul.get(pairing).gasCost(new byte[0]));
    assertEquals(113_000, istanbul.get(pairing).gasCost(new byte[384]));
    assertEquals(79_000, istanbul.get(pairing).gasCost(new byte[191 + 192]), "whole pairs");
  }

  @Test
  void blake2fAndPointEvaluationArriveWithTheirForks() {
    assertNull(PrecompileSet.forFork(Fork.PETERSBURG).get(PrecompileSet.address(9)));
    assertNotNull(PrecompileSet.forFork(Fork.ISTANBUL).get(PrecompileSet.address(9)));
    assertNull(PrecompileSet.forFork(Fork.SHANGHAI).get(PrecompileSet.address(10)));
    assertNotNull(PrecompileSet.forFork(Fork.CANCUN).get(PrecompileSet.address(10)));
  }

  @Test
  void bn254PrecompilesFailOnInvalidPoints() {
    Precompile add = PrecompileSet.forFork(Fork.CANCUN).get(PrecompileSet.address(6));
    byte[] offCurve = new byte[128];
    offCurve[31] = 1;
    offCurve[63] = 1;
    assertNull(add.execute(offCurve));
    assertEquals(64, add.execute(new byte[0]).length);
  }

  @Test
  void unchangedContractsAreSharedBetweenForks() {
    Address sha = PrecompileSet.address(2);
    assertSame(
        PrecompileSet.forFork(Fork.FRONTIER).get(sha), PrecompileSet.forFork(Fork.CANCUN).get(sha));
  }
}
