package org.distli.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.interpreter.MessageResult;
import org.distli.primitives.Hex;
import org.junit.jupiter.api.Test;

/** Bytecode run through {@link CodeRunner}: results, gas and failures as a contract sees them. */
class InterpreterTest {
  private static final long GAS = 1_000_000;

  /** Code that returns the word on top of the stack: MSTORE at 0 then RETURN 32 bytes. */
  private static final String RETURN_TOP = "60005260206000f3";

  private static CodeRunner.Result run(Fork fork, String code, String input) {
    return new CodeRunner().run(fork, Hex.decode(code), Hex.decode(input), GAS, null);
  }

  private static CodeRunner.Result run(String code) {
    return run(Fork.CANCUN, code, "");
  }

  private static String word(String hexDigits) {
    return "0x" + "0".repeat(64 - hexDigits.length()) + hexDigits;
  }

  @Test
  void addsAndReturnsTheSum() {
    CodeRunner.Result result = run("6002600301" + RETURN_TOP);
    assertTrue(result.message().success());
    assertEquals(word("5"), result.message().output().toHexString());
    // 3 x PUSH1/ADD (9) + PUSH1 (3) + MSTORE (3 + 3 memory) + 2 x PUSH1 (6) + RETURN (0)
    assertEquals(24, result.gasUsed());
  }

  @Test
  void pushReadsImmediatesOfEveryWidth() {
    for (int n = 1; n <= 32; n++) {
      StringBuilder immediate = new StringBuilder();
      for (int i = 0; i < n; i++) {
        immediate.append(String.format("%02x", (0x11 * (i + 1)) & 0xff));
      }
      String code = String.format("%02x", 0x5f + n) + immediate + RETURN_TOP;
      assertEquals(
          word(immediate.toString()), run(code).message().output().toHexString(), "PUSH" + n);
    }
  }

  @Test
  void pushPastTheEndOfCodeReadsZeros() {
    // PUSH2 with one byte left: the missing byte reads as zero, then the implicit STOP runs
    java.util.List<String> stacks = new java.util.ArrayList<>();
    org.distli.evm.tracing.Tracer tracer =
        new org.distli.evm.tracing.Tracer() {
          @Override
          public void onStep(org.distli.evm.tracing.FrameView frame) {
            if (frame.stackSize() > 0) {
              stacks.add(frame.stackItem(0).toShortHexString());
            }
          }
        };
    new CodeRunner().run(Fork.CANCUN, Hex.decode("61ff"), Bytes.EMPTY, GAS, tracer);
    assertEquals(java.util.List.of("0xff00"), stacks);
  }

  @Test
  void subtractionWrapsAroundModulo2To256() {
    CodeRunner.Result result = run("6001600003" + RETURN_TOP); // 0 - 1
    assertEquals(word("f".repeat(64)), result.message().output().toHexString());
  }

  @Test
  void divisionByZeroGivesZero() {
    CodeRunner.Result result = run("6000600504" + RETURN_TOP); // 5 / 0
    assertEquals(word("0"), result.message().output().toHexString());
  }

  @Test
  void callDataLoadPadsWithZeros() {
    CodeRunner.Result result = run(Fork.CANCUN, "600035" + RETURN_TOP, "0xff");
    assertEquals("0xff" + "00".repeat(31), result.message().output().toHexString());
  }

  @Test
  void memoryExpansionCostsQuadratically() {
    // MSTORE at offset 0x10000 - 32: 2048 words => 3*2048 + 2048^2/512 = 14336
    CodeRunner.Result result = run("600161ffe052");
    assertEquals(3 + 3 + 3 + 14_336, result.gasUsed());
  }

  @Test
  void jumpToNonJumpdestHaltsAndConsumesAllGas() {
    CodeRunner.Result result = run("600356005b"); // JUMP to offset 3, a STOP, not a JUMPDEST
    MessageResult message = result.message();
    assertFalse(message.success());
    assertEquals(ExceptionalHalt.INVALID_JUMP, message.halt());
    assertEquals(GAS, result.gasUsed());
  }

  @Test
  void jumpIntoPushDataIsInvalid() {
    // PUSH1 4, JUMP, PUSH1 0x5b (data that looks like JUMPDEST at offset 4)
    CodeRunner.Result result = run("6004566000605b");
    assertEquals(ExceptionalHalt.INVALID_JUMP, result.message().halt());
  }

  @Test
  void conditionalJumpFollowsNonZeroCondition() {
    // PUSH1 1, PUSH1 8, JUMPI, PUSH1 0xaa, STOP, then at 8: JUMPDEST, PUSH1 0x42, return it
    CodeRunner.Result result = run("600160085760aa005b6042" + RETURN_TOP);
    assertEquals(word("42"), result.message().output().toHexString());
  }

  @Test
  void stackUnderflowAndOverflowHalt() {
    assertEquals(ExceptionalHalt.STACK_UNDERFLOW, run("01").message().halt());
    // JUMPDEST, PUSH0, PUSH1 0, JUMP: each round leaves one more item on the stack
    assertEquals(ExceptionalHalt.STACK_OVERFLOW, run("5b5f600056").message().halt());
  }

  @Test
  void push0ExistsFromShanghaiOnly() {
    assertTrue(run(Fork.SHANGHAI, "5f", "").message().success());
    assertEquals(ExceptionalHalt.INVALID_OPCODE, run(Fork.PARIS, "5f", "").message().halt());
  }

  @Test
  void expChargesPerExponentByteByFork() {
    // PUSH2 0x0100 (2-byte exponent), PUSH1 2, EXP
    long cancun = run(Fork.CANCUN, "61010060020a", "").gasUsed();
    long frontier = run(Fork.FRONTIER, "61010060020a", "").gasUsed();
    assertEquals(3 + 3 + 10 + 2 * 50, cancun);
    assertEquals(3 + 3 + 10 + 2 * 10, frontier);
  }

  @Test
  void revertReturnsDataAndKeepsGas() {
    // MSTORE 0x2a at 0, REVERT(0, 32)
    CodeRunner.Result result = run("602a60005260206000fd");
    assertTrue(result.message().reverted());
    assertEquals(word("2a"), result.message().output().toHexString());
    assertEquals(3 + 3 + 6 + 3 + 3, result.gasUsed());
  }

  @Test
  void returnDataCopyBeyondTheBufferHalts() {
    // RETURNDATACOPY(0, 0, 1) with an empty return buffer
    assertEquals(ExceptionalHalt.RETURN_DATA_OUT_OF_BOUNDS, run("6001600060003e").message().halt());
  }

  @Test
  void transientStorageIsReadBackWithinTheTransaction() {
    // TSTORE(1, 0x99), TLOAD(1)
    CodeRunner.Result result = run("609960015d60015c" + RETURN_TOP);
    assertEquals(word("99"), result.message().output().toHexString());
  }

  @Test
  void mcopyHandlesOverlappingRegions() {
    // MSTORE(0, 0x0102...), MCOPY(dst=1, src=0, len=31), MLOAD(0)
    String value = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    CodeRunner.Result result =
        run("7f" + value + "600052" + "601f600060015e" + "600051" + RETURN_TOP);
    assertEquals("0x01" + value.substring(0, 62), result.message().output().toHexString());
  }

  @Test
  void keccakOfEmptyInputIsTheEmptyHash() {
    CodeRunner.Result result = run("6000600020" + RETURN_TOP);
    assertEquals(
        "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        result.message().output().toHexString());
  }

  @Test
  void staticCallCannotWriteStorage() {
    // Called without input, the contract STATICCALLs itself with one byte of input and returns the
    // success flag; called with input, it tries SSTORE, which a static frame may not do.
    String program =
        "36" // CALLDATASIZE
            + "6017" // PUSH1 0x17
            + "57" // JUMPI to the inner path when called with input
            + "6020600060016000305afa" // STATICCALL(GAS, ADDRESS, 0, 1, 0, 32)
            + "60005260206000f3" // return the success flag
            + "5b" // 0x17: JUMPDEST
            + "6001600055" // SSTORE(0, 1)
            + "00";
    CodeRunner.Result result = run(program);
    assertTrue(result.message().success(), String.valueOf(result.message().halt()));
    assertEquals(word("0"), result.message().output().toHexString());
  }

  @Test
  void create2AddressFollowsEip1014() {
    // Example 1 of EIP-1014: deployer 0x00..00, salt 0, initcode 0x00
    assertEquals(
        "0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38",
        org.distli.evm.interpreter.Evm.create2Address(
                org.distli.primitives.Address.ZERO, new byte[32], new byte[] {0})
            .toHexString());
  }

  @Test
  void createAddressFollowsTheSenderNonce() {
    // keccak(rlp([0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0, 0]))
    assertEquals(
        "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d",
        org.distli.evm.interpreter.Evm.createAddress(
                org.distli.primitives.Address.fromHex("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0"),
                0)
            .toHexString());
  }

  @Test
  void outOfGasConsumesEverything() {
    CodeRunner.Result result =
        new CodeRunner().run(Fork.CANCUN, Hex.decode("600160010160005500"), Bytes.EMPTY, 5, null);
    assertEquals(ExceptionalHalt.OUT_OF_GAS, result.message().halt());
    assertEquals(5, result.gasUsed());
  }
}
