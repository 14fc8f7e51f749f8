package org.distli.node.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.Fork;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateDatabase;
import org.junit.jupiter.api.Test;

class Erc20TokenTest {
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000e2c20");
  private static final Address ALICE =
      Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final Hash TRANSFER =
      Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

  private final StateDatabase database = StateDatabase.inMemory();
  private final JournaledWorldState state =
      new JournaledWorldState(database.at(Hash.EMPTY_TRIE_ROOT));
  private final TransactionProcessor evm = new TransactionProcessor();
  private final BlockContext block = BlockContext.builder(Fork.CANCUN).build();

  private TransactionResult call(Address from, Bytes data) throws Exception {
    return evm.process(
        state,
        block,
        EvmTransaction.builder()
            .sender(from)
            .to(TOKEN)
            .nonce(state.getNonce(from))
            .gasLimit(100_000)
            .data(data)
            .build());
  }

  private UInt256 balanceOf(Address holder) throws Exception {
    byte[] data = new byte[36];
    data[0] = 0x70;
    data[1] = (byte) 0xa0;
    data[2] = (byte) 0x82;
    data[3] = 0x31;
    holder.copyTo(data, 16);
    return UInt256.fromBytes(call(BOB, Bytes.wrap(data)).output());
  }

  @Test
  void transferMovesBalancesAndLogsTheTransfer() throws Exception {
    state.setCode(TOKEN, Erc20Token.RUNTIME_CODE);
    state.setStorage(TOKEN, Erc20Token.balanceSlot(ALICE), UInt256.valueOf(1_000));
    state.finalizeTransaction(true);

    TransactionResult result = call(ALICE, Erc20Token.transferCall(BOB, UInt256.valueOf(300)));
    assertTrue(result.isSuccess(), String.valueOf(result.errorMessage()));
    assertEquals(UInt256.ONE, UInt256.fromBytes(result.output()));
    assertEquals(1, result.logs().size());
    assertEquals(
        List.of(TRANSFER, leftPadded(ALICE), leftPadded(BOB)), result.logs().get(0).topics());
    assertEquals(UInt256.valueOf(700), balanceOf(ALICE));
    assertEquals(UInt256.valueOf(300), balanceOf(BOB));

    TransactionResult overdraft = call(BOB, Erc20Token.transferCall(ALICE, UInt256.valueOf(301)));
    assertEquals(TransactionResult.Status.REVERT, overdraft.status());
    assertEquals(UInt256.valueOf(300), balanceOf(BOB));
  }

  private static Hash leftPadded(Address address) {
    byte[] word = new byte[32];
    address.copyTo(word, 12);
    return Hash.wrap(word);
  }
}
