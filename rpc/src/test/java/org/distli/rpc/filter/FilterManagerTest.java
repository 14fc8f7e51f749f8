package org.distli.rpc.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.rpc.TestBlocks;
import org.distli.rpc.TestBlocks.BlockWithReceipts;
import org.distli.rpc.json.LogJson;
import org.distli.rpc.jsonrpc.RpcException;
import org.junit.jupiter.api.Test;

class FilterManagerTest {
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Hash TOPIC =
      Hash.fromHex("0x00000000000000000000000000000000000000000000000000000000000000aa");

  private final AtomicLong clock = new AtomicLong();
  private final FilterManager filters = new FilterManager(clock::get, 1_000);

  @Test
  void blockFilterReturnsNewBlockHashesOnceEach() {
    String id = filters.installBlockFilter();
    BlockWithReceipts one = TestBlocks.block(1, List.of());
    BlockWithReceipts two = TestBlocks.block(2, List.of());
    filters.onNewBlock(one.block(), one.receipts());
    filters.onNewBlock(two.block(), two.receipts());
    assertEquals(List.of(one.block().hash(), two.block().hash()), filters.changes(id));
    assertEquals(List.of(), filters.changes(id));
  }

  @Test
  void logFilterCollectsMatchingLogsWithPositions() {
    LogFilter criteria = new LogFilter(null, null, null, List.of(TOKEN), List.of());
    String id = filters.installLogFilter(criteria, -1);
    BlockWithReceipts block =
        TestBlocks.block(
            5,
            List.of(
                List.of(TestBlocks.log(Address.ZERO, TOPIC)),
                List.of(TestBlocks.log(TOKEN, TOPIC), TestBlocks.log(TOKEN))));
    filters.onNewBlock(block.block(), block.receipts());
    List<Object> changes = filters.changes(id);
    assertEquals(2, changes.size());
    LogJson first = (LogJson) changes.get(0);
    assertEquals(1, first.transactionIndex());
    assertEquals(1, first.logIndex(), "log indexes count every log of the block");
    assertEquals(2, ((LogJson) changes.get(1)).logIndex());
    assertEquals(5, first.blockNumber());
  }

  @Test
  void logFilterStopsAfterItsToBlock() {
    String id = filters.installLogFilter(new LogFilter(null, null, null, List.of(), List.of()), 1);
    BlockWithReceipts one = TestBlocks.block(1, List.of(List.of(TestBlocks.log(TOKEN))));
    BlockWithReceipts two = TestBlocks.block(2, List.of(List.of(TestBlocks.log(TOKEN))));
    filters.onNewBlock(one.block(), one.receipts());
    filters.onNewBlock(two.block(), two.receipts());
    assertEquals(1, filters.changes(id).size());
  }

  @Test
  void logsOfBlocksTakenOutByAReorganisationComeBackAsRemoved() {
    String id =
        filters.installLogFilter(new LogFilter(null, null, null, List.of(TOKEN), List.of()), -1);
    BlockWithReceipts block = TestBlocks.block(3, List.of(List.of(TestBlocks.log(TOKEN, TOPIC))));
    filters.onNewBlock(block.block(), block.receipts());
    filters.onRemovedBlock(block.block(), block.receipts());
    List<Object> changes = filters.changes(id);
    assertEquals(2, changes.size());
    assertEquals(false, ((LogJson) changes.get(0)).removed());
    assertEquals(true, ((LogJson) changes.get(1)).removed());
  }

  @Test
  void pendingTransactionFilterSeesHashes() {
    String id = filters.installPendingTransactionFilter();
    var tx = TestBlocks.transfer(0, TOKEN);
    filters.onPendingTransaction(tx);
    assertEquals(List.of(tx.hash()), filters.changes(id));
  }

  @Test
  void unpolledFiltersExpireAndThenAreNotFound() {
    String polled = filters.installBlockFilter();
    String idle = filters.installBlockFilter();
    clock.set(600);
    filters.changes(polled);
    clock.set(1_200);
    assertEquals(1, filters.expire());
    filters.changes(polled);
    RpcException e = assertThrows(RpcException.class, () -> filters.changes(idle));
    assertEquals(-32000, e.error().code());
    assertEquals("filter not found", e.error().message());
  }

  @Test
  void idsAreQuantitiesAndFoundInAnyEquivalentForm() {
    for (int i = 0; i < 50; i++) {
      String id = filters.installBlockFilter();
      assertTrue(id.matches("0x[1-9a-f][0-9a-f]*"), id);
      String padded = "0x00" + id.substring(2).toUpperCase(java.util.Locale.ROOT);
      assertEquals(List.of(), filters.changes(padded));
    }
  }

  @Test
  void uninstallRemovesTheFilter() {
    String id = filters.installBlockFilter();
    assertTrue(filters.uninstall(id));
    assertEquals(false, filters.uninstall(id));
    assertThrows(RpcException.class, () -> filters.changes(id));
  }
}
