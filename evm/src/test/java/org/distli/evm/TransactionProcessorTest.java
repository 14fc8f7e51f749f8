package org.distli.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.evm.interpreter.Evm;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.state.JournaledWorldState;
import org.distli.state.MapStateBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transaction-level rules: validation messages, fees, refunds, creations, EIP-161. */
class TransactionProcessorTest {
  private static final Address ALICE =
      Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final Address COINBASE =
      Address.fromHex("0x00000000000000000000000000000000000c0ffe");
  private static final Address CONTRACT =
      Address.fromHex("0x00000000000000000000000000000000c0de0001");
  private static final Wei ETHER = Wei.ofEther(1);

  private final TransactionProcessor processor = new TransactionProcessor();
  private MapStateBackend base;

  @BeforeEach
  void setUp() {
    // CONTRACT: SSTORE(0, CALLDATALOAD(0)); slot 0 starts at 1
    base = new MapStateBackend();
    Hash code = base.putCode(Hex.decode("6000356000555b00"));
    base.putAccount(ALICE, new Account(0, Wei.ofEther(10), Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_CODE));
    base.putAccount(CONTRACT, new Account(1, Wei.ZERO, Hash.EMPTY_TRIE_ROOT, code));
    base.putStorage(CONTRACT, UInt256.ZERO, UInt256.ONE);
  }

  private JournaledWorldState state() {
    return new JournaledWorldState(base);
  }

  private static BlockContext block(Fork fork, long baseFee) {
    return BlockContext.builder(fork)
        .coinbase(COINBASE)
        .baseFee(Wei.of(baseFee))
        .gasLimit(30_000_000)
        .build();
  }

  private static EvmTransaction.Builder transfer() {
    return EvmTransaction.builder()
        .sender(ALICE)
        .to(BOB)
        .nonce(0)
        .gasLimit(21_000)
        .value(ETHER)
        .fees(Wei.of(20), Wei.of(2));
  }

  @Test
  void transferPaysBaseFeeAndTipAndMovesValue() throws Exception {
    JournaledWorldState state = state();
    TransactionResult result = processor.process(state, block(Fork.CANCUN, 7), transfer().build());
    assertTrue(result.isSuccess());
    assertEquals(21_000, result.gasUsed());
    assertEquals(ETHER, state.getBalance(BOB));
    // effective price = min(20, 7 + 2) = 9; the coinbase gets the 2 wei tip per gas
    Wei spent = Wei.of(21_000L * 9).add(ETHER);
    assertEquals(Wei.ofEther(10).subtract(spent), state.getBalance(ALICE));
    assertEquals(Wei.of(21_000L * 2), state.getBalance(COINBASE));
    assertEquals(1, state.getNonce(ALICE));
  }

  @Test
  void invalidTransactionsUseGethWordingAndLeaveStateUntouched() {
    JournaledWorldState state = state();
    BlockContext block = block(Fork.CANCUN, 7);
    assertMessage(
        state,
        block,
        transfer().nonce(1).build(),
        "nonce too high: address 0x00000000000000000000000000000000000a11ce, tx: 1 state: 0");
    assertMessage(
        state,
        block,
        transfer().gasLimit(20_999).build(),
        "intrinsic gas too low: have 20999, want 21000");
    assertMessage(
        state,
        block,
        transfer().value(Wei.ofEther(11)).build(),
        "insufficient funds for gas * price + value: address 0x00000000000000000000000000000000000a11ce have 10000000000000000000 want 11000000000000420000");
    assertMessage(
        state,
        block,
        transfer().fees(Wei.of(5), Wei.of(1)).build(),
        "max fee per gas less than block base fee: address 0x00000000000000000000000000000000000a11ce, maxFeePerGas: 5, baseFee: 7");
    assertMessage(
        state,
        block,
        transfer().fees(Wei.of(10), Wei.of(11)).build(),
        "max priority fee per gas higher than max fee per gas: address 0x00000000000000000000000000000000000a11ce, maxPriorityFeePerGas: 11, maxFeePerGas: 10");
    assertMessage(state, block, transfer().gasLimit(30_000_001).build(), "gas limit reached");
    assertMessage(
        state,
        block,
        transfer().sender(CONTRACT).nonce(1).build(),
        "sender not an eoa: address 0x00000000000000000000000000000000c0de0001, codehash: "
            + Keccak256.hash(Hex.decode("6000356000555b00")));
    assertTrue(state.changes().accounts().isEmpty());
  }

  private void assertMessage(
      JournaledWorldState state, BlockContext block, EvmTransaction tx, String message) {
    InvalidTransactionException e =
        assertThrows(InvalidTransactionException.class, () -> processor.process(state, block, tx));
    assertEquals(message, e.getMessage());
  }

  @Test
  void nonceTooLowAfterATransaction() throws Exception {
    JournaledWorldState state = state();
    processor.process(state, block(Fork.CANCUN, 7), transfer().build());
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () -> processor.process(state, block(Fork.CANCUN, 7), transfer().build()));
    assertEquals(
        "nonce too low: address 0x00000000000000000000000000000000000a11ce, tx: 0 state: 1",
        e.getMessage());
  }

  @Test
  void clearingStorageRefundsUpToAFifthOfTheGasUsed() throws Exception {
    JournaledWorldState state = state();
    // SSTORE(0, 0) on a slot that holds 1: 2100 cold + 2900 reset, refund 4800 capped at gas/5
    EvmTransaction tx =
        EvmTransaction.builder()
            .sender(ALICE)
            .to(CONTRACT)
            .gasLimit(100_000)
            .fees(Wei.of(20), Wei.of(2))
            .data(Bytes.wrap(new byte[32]))
            .build();
    TransactionResult result = processor.process(state, block(Fork.CANCUN, 7), tx);
    long intrinsic = 21_000 + 32 * 4;
    long execution = 3 + 3 + 3 + 2_100 + 2_900 + 1; // PUSH1, CALLDATALOAD, PUSH1, SSTORE, JUMPDEST
    long used = intrinsic + execution;
    assertEquals(Math.min(4_800, used / 5), result.gasRefunded());
    assertEquals(used - result.gasRefunded(), result.gasUsed());
    assertEquals(UInt256.ZERO, state.getStorage(CONTRACT, UInt256.ZERO));
  }

  @Test
  void creationDeploysCodeAtTheSenderNonceAddress() throws Exception {
    JournaledWorldState state = state();
    // initcode: return the 1-byte code 0x00 (MSTORE8(0, 0), RETURN(0, 1))
    EvmTransaction tx =
        EvmTransaction.builder()
            .sender(ALICE)
            .gasLimit(100_000)
            .fees(Wei.of(20), Wei.of(2))
            .data(Hex.decode("600060005360016000f3"))
            .build();
    TransactionResult result = processor.process(state, block(Fork.CANCUN, 7), tx);
    assertTrue(result.isSuccess());
    Address expected = Evm.createAddress(ALICE, 0);
    assertEquals(expected, result.contractAddress());
    assertEquals(Hex.decode("0x00"), state.getCode(expected));
    assertEquals(1, state.getNonce(expected), "EIP-161: new contracts start at nonce 1");
    assertEquals(1, state.getNonce(ALICE));
  }

  @Test
  void creationWithEfCodeFailsFromLondon() throws Exception {
    // initcode returns the code 0xef
    EvmTransaction tx =
        EvmTransaction.builder()
            .sender(ALICE)
            .gasLimit(100_000)
            .fees(Wei.of(20), Wei.of(2))
            .data(Hex.decode("60ef60005360016000f3"))
            .build();
    TransactionResult london = processor.process(state(), block(Fork.LONDON, 7), tx);
    assertEquals(ExceptionalHalt.INVALID_CODE, london.halt());
    assertEquals(100_000, london.gasUsed());
    TransactionResult berlin =
        processor.process(
            state(),
            block(Fork.BERLIN, 0),
            EvmTransaction.builder()
                .sender(ALICE)
                .gasLimit(100_000)
                .gasPrice(Wei.of(20))
                .data(Hex.decode("60ef60005360016000f3"))
                .build());
    assertTrue(berlin.isSuccess());
  }

  @Test
  void haltsAreWordedAsGoEthereumWordsThem() throws Exception {
    Map<String, String> expected =
        Map.of(
            "01",
            "stack underflow (0 <=> 2)",
            "fe",
            "invalid opcode: INVALID",
            "4e",
            "invalid opcode: opcode 0x4e not defined",
            "5f".repeat(1025),
            "stack limit reached 1024 (1023)",
            "60ef60005360016000f3",
            "invalid code: must not begin with 0xef");
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      EvmTransaction creation =
          EvmTransaction.builder()
              .sender(ALICE)
              .gasLimit(1_000_000)
              .fees(Wei.of(20), Wei.of(2))
              .data(Hex.decode("0x" + entry.getKey()))
              .build();
      TransactionResult result = processor.process(state(), block(Fork.CANCUN, 7), creation);
      assertEquals(TransactionResult.Status.HALT, result.status(), entry.getValue());
      assertEquals(entry.getValue(), result.errorMessage());
    }
  }

  @Test
  void touchedEmptyAccountIsRemovedFromSpuriousDragon() throws Exception {
    JournaledWorldState state = state();
    EvmTransaction zeroValue =
        EvmTransaction.builder().sender(ALICE).to(BOB).gasLimit(21_000).gasPrice(Wei.of(1)).build();
    processor.process(state, block(Fork.SPURIOUS_DRAGON, 0), zeroValue);
    assertTrue(!state.exists(BOB));
    JournaledWorldState frontier = state();
    processor.process(frontier, block(Fork.TANGERINE_WHISTLE, 0), zeroValue);
    assertTrue(frontier.exists(BOB), "before EIP-161 a zero-value call creates the account");
  }

  @Test
  void blobTransactionsChargeBlobGasAndCheckVersions() throws Exception {
    Hash valid = Hash.fromHex("0x01" + "00".repeat(31));
    Hash invalid = Hash.fromHex("0x02" + "00".repeat(31));
    EvmTransaction.Builder blob = transfer().value(Wei.ZERO).blobs(List.of(valid), Wei.of(10));
    JournaledWorldState state = state();
    BlockContext block = block(Fork.CANCUN, 7);
    TransactionResult result = processor.process(state, block, blob.build());
    assertEquals(131_072, result.blobGasUsed());
    // blob base fee is 1 at zero excess blob gas
    Wei spent = Wei.of(21_000L * 9 + 131_072L);
    assertEquals(Wei.ofEther(10).subtract(spent), state.getBalance(ALICE));
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () ->
                processor.process(
                    state(), block, transfer().blobs(List.of(invalid), Wei.of(10)).build()));
    assertEquals("blob 0 has invalid hash version", e.getMessage());
  }

  @Test
  void simulationOptionsAcceptZeroFeesAndAnyNonce() throws Exception {
    JournaledWorldState state = state();
    EvmTransaction call =
        EvmTransaction.builder().sender(ALICE).to(BOB).nonce(5).gasLimit(21_000).build();
    TransactionResult result =
        processor.process(state, block(Fork.CANCUN, 7), call, null, ProcessingOptions.SIMULATION);
    assertTrue(result.isSuccess());
    assertEquals(Wei.ofEther(10), state.getBalance(ALICE));
    assertNotNull(result.output());
  }
}
