package org.distli.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.distli.evm.Fork;
import org.junit.jupiter.api.Test;

class RulesTest {
  @Test
  void eachForkIsThePreviousPlusItsEips() {
    assertEquals(List.of(), Rules.of(Fork.FRONTIER).eips());
    List<String> cancun = Rules.of(Fork.CANCUN).eips();
    assertTrue(cancun.containsAll(Rules.of(Fork.SHANGHAI).eips()));
    assertEquals(
        List.of("EIP-1153", "EIP-4844", "EIP-5656", "EIP-6780", "EIP-7516"),
        cancun.subList(cancun.size() - 5, cancun.size()));
    assertFalse(Rules.of(Fork.PETERSBURG).eips().isEmpty());
  }

  @Test
  void opcodesAppearWithTheirEip() {
    assertFalse(Rules.of(Fork.FRONTIER).defines(Opcodes.DELEGATECALL));
    assertTrue(Rules.of(Fork.HOMESTEAD).defines(Opcodes.DELEGATECALL));
    assertFalse(Rules.of(Fork.BYZANTIUM).defines(Opcodes.SHL));
    assertTrue(Rules.of(Fork.CONSTANTINOPLE).defines(Opcodes.CREATE2));
    assertFalse(Rules.of(Fork.SHANGHAI).defines(Opcodes.MCOPY));
    assertTrue(Rules.of(Fork.CANCUN).defines(Opcodes.TSTORE));
    assertFalse(Rules.of(Fork.CANCUN).defines(Opcodes.INVALID));
  }

  @Test
  void repricingsFollowTheForks() {
    assertEquals(50, Rules.of(Fork.FRONTIER).staticGas(Opcodes.SLOAD));
    assertEquals(200, Rules.of(Fork.TANGERINE_WHISTLE).staticGas(Opcodes.SLOAD));
    assertEquals(800, Rules.of(Fork.ISTANBUL).staticGas(Opcodes.SLOAD));
    assertEquals(100, Rules.of(Fork.BERLIN).staticGas(Opcodes.SLOAD));
    assertEquals(700, Rules.of(Fork.ISTANBUL).staticGas(Opcodes.BALANCE));
    assertEquals(5, Rules.of(Fork.LONDON).refundQuotient());
    assertEquals(2, Rules.of(Fork.BERLIN).refundQuotient());
  }

  @Test
  void intrinsicGasCountsDataCreationAndAccessLists() {
    byte[] data = {0, 1, 0, 2};
    assertEquals(21_000 + 2 * 4 + 2 * 68, Rules.of(Fork.FRONTIER).intrinsicGas(data, false, 0, 0));
    assertEquals(21_000 + 2 * 4 + 2 * 16, Rules.of(Fork.ISTANBUL).intrinsicGas(data, false, 0, 0));
    assertEquals(
        53_000 + 2 * 4 + 2 * 16 + 2, Rules.of(Fork.SHANGHAI).intrinsicGas(data, true, 0, 0));
    assertEquals(
        21_000 + 2_400 + 2 * 1_900, Rules.of(Fork.BERLIN).intrinsicGas(new byte[0], false, 1, 2));
  }
}
