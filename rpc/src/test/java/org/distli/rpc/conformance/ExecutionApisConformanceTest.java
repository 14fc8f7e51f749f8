package org.distli.rpc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.distli.fixtures.SharedFixtures;
import org.distli.rpc.ApiLimits;
import org.distli.rpc.RpcBackend;
import org.distli.rpc.RpcConfig;
import org.distli.rpc.RpcMethods;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.filter.SubscriptionManager;
import org.distli.rpc.jsonrpc.JsonRpcProcessor;
import org.distli.rpc.jsonrpc.RpcMetrics;
import org.distli.rpc.jsonrpc.RpcSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the execution-apis rpc-compat fixtures that this node can answer without executing their
 * chain (a proof-of-work chain from Frontier that we import as data): block, transaction and
 * receipt getters, chain id, sync status, and the error cases of parameter decoding and log ranges.
 * Each reply must equal the fixture's; "speconly" fixtures must match in shape (the same fields, or
 * the same error code).
 */
class ExecutionApisConformanceTest {
  private static final String TESTS = "execution-apis/tests";

  /** The method folders run, all of their cases unless listed in {@link #SKIPPED}. */
  static final List<String> FOLDERS =
      List.of(
          "eth_blockNumber",
          "eth_chainId",
          "net_version",
          "eth_syncing",
          "eth_feeHistory",
          "eth_getBlockByNumber",
          "eth_getBlockByHash",
          "eth_getBlockTransactionCountByHash",
          "eth_getBlockTransactionCountByNumber",
          "eth_getTransactionByHash",
          "eth_getTransactionByBlockHashAndIndex",
          "eth_getTransactionByBlockNumberAndIndex",
          "eth_getTransactionReceipt",
          "eth_getBlockReceipts",
          "eth_getStorageAt",
          "eth_getLogs",
          "txpool_status",
          "debug_traceTransaction",
          "debug_traceBlockByNumber",
          "debug_traceBlockByHash");

  private static final String SET_CODE =
      "block 0x2d and later carry EIP-7702 transactions, which the chain module does not decode"
          + " yet; the head (0x36) is among them";
  private static final String PRE_BYZANTIUM =
      "a pre-Byzantium receipt (state root instead of status), which a post-merge chain never has";

  private static final String STATE =
      "needs the state after executing the fixture chain (proof-of-work blocks with mining"
          + " rewards, which a proof-of-stake node does not execute)";

  /** Cases that need what this test does not have, with the reason. */
  static final Map<String, String> SKIPPED =
      Map.ofEntries(
          Map.entry("eth_blockNumber/simple-test.io", SET_CODE),
          Map.entry("eth_getBlockByNumber/get-block-prague-fork.io", SET_CODE),
          Map.entry("eth_getBlockByNumber/get-finalized.io", SET_CODE),
          Map.entry("eth_getBlockByNumber/get-latest.io", SET_CODE),
          Map.entry("eth_getBlockByNumber/get-safe.io", SET_CODE),
          Map.entry("eth_getTransactionByHash/get-setcode-tx.io", SET_CODE),
          Map.entry("eth_getTransactionReceipt/get-setcode-tx.io", SET_CODE),
          Map.entry("eth_getBlockReceipts/get-block-receipts-latest.io", SET_CODE),
          Map.entry("eth_getTransactionReceipt/get-legacy-contract.io", PRE_BYZANTIUM),
          Map.entry("eth_getTransactionReceipt/get-legacy-input.io", PRE_BYZANTIUM),
          Map.entry("eth_getTransactionReceipt/get-legacy-receipt.io", PRE_BYZANTIUM),
          Map.entry("eth_getBlockReceipts/get-block-receipts-by-hash.io", PRE_BYZANTIUM),
          Map.entry("eth_getBlockReceipts/get-block-receipts-n.io", PRE_BYZANTIUM),
          Map.entry("debug_traceTransaction/trace-contract-call.io", STATE),
          Map.entry("debug_traceTransaction/trace-legacy-transfer.io", STATE),
          Map.entry("debug_traceBlockByNumber/trace-block-memory-encoding.io", STATE),
          Map.entry("debug_traceBlockByNumber/trace-block-return-data-behavior.io", STATE),
          Map.entry("debug_traceBlockByNumber/trace-block-storage-encoding.io", STATE),
          Map.entry("debug_traceBlockByNumber/trace-block-storage-snapshot-timing.io", STATE),
          Map.entry("debug_traceBlockByNumber/trace-block-with-transactions.io", STATE),
          Map.entry("debug_traceBlockByHash/trace-block-with-transactions.io", STATE),
          Map.entry("eth_getStorageAt/get-storage.io", "needs the state after executing the chain"),
          Map.entry(
              "eth_getStorageAt/get-storage-default-block.io",
              "needs the state after executing the chain"),
          Map.entry(
              "eth_getStorageAt/get-storage-unknown-account.io",
              "needs the state after executing the chain"),
          Map.entry("eth_getLogs/contract-addr.io", "needs every receipt of the range"),
          Map.entry("eth_getLogs/topic-exact-match.io", "needs every receipt of the range"),
          Map.entry("eth_getLogs/topic-wildcard.io", "needs every receipt of the range"),
          Map.entry("eth_getLogs/topic-null-wildcard.io", "needs every receipt of the range"),
          Map.entry("eth_getLogs/filter-with-blockHash.io", "needs every receipt of the block"),
          Map.entry(
              "eth_getLogs/filter-with-blockHash-and-topics.io",
              "needs every receipt of the block"));

  @TestFactory
  List<DynamicTest> fixtures() throws Exception {
    Optional<Path> tests = SharedFixtures.find(TESTS);
    Assumptions.assumeTrue(tests.isPresent(), SharedFixtures.missingMessage(TESTS));
    ExecutionApisChain chain = new ExecutionApisChain(tests.get());
    RpcBackend backend =
        new RpcBackend(
            chain.spec,
            chain.store,
            chain.states,
            chain.pool,
            new org.distli.evm.TransactionProcessor(),
            UnlockedAccounts.NONE,
            "Distli/test",
            () -> 0);
    JsonRpcProcessor processor =
        new JsonRpcProcessor(
            RpcMethods.all(
                    backend, ApiLimits.DEFAULT, new FilterManager(), new SubscriptionManager())
                .build(RpcConfig.ALL_NAMESPACES),
            1_000,
            RpcMetrics.NONE);
    List<DynamicTest> out = new ArrayList<>();
    for (String folder : FOLDERS) {
      for (Fixture fixture : Fixture.all(tests.get().resolve(folder))) {
        String reason = SKIPPED.get(fixture.name());
        out.add(
            DynamicTest.dynamicTest(
                fixture.name(),
                () -> {
                  Assumptions.assumeTrue(reason == null, reason);
                  check(processor, fixture);
                }));
      }
    }
    return out;
  }

  private static void check(JsonRpcProcessor processor, Fixture fixture) throws Exception {
    for (int i = 0; i < fixture.requests().size(); i++) {
      byte[] request = fixture.requests().get(i).getBytes(StandardCharsets.UTF_8);
      JsonNode actual =
          ExecutionApisChain.JSON.readTree(processor.process(request, RpcSession.HTTP).json());
      JsonNode expected = fixture.responses().get(i);
      if (fixture.specOnly()) {
        assertEquals(shape(expected), shape(actual), fixture.name() + ": " + actual);
      } else {
        assertEquals(expected, actual, fixture.name());
      }
    }
  }

  /** The field names (recursively) and error code of a reply: what a speconly case fixes. */
  private static String shape(JsonNode node) {
    if (node.isObject()) {
      StringBuilder out = new StringBuilder("{");
      TreeSet<String> names = new TreeSet<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = node.get(name);
        out.append(name).append(':');
        out.append(name.equals("code") ? child.asText() : shape(child)).append(',');
      }
      return out.append('}').toString();
    }
    if (node.isArray()) {
      Iterator<JsonNode> items = node.elements();
      return items.hasNext() ? "[" + shape(items.next()) + "]" : "[]";
    }
    return node.isNull() ? "null" : node.getNodeType().name();
  }
}
