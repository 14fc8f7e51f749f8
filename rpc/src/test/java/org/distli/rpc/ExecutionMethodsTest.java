package org.distli.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.distli.chain.block.Block;
import org.distli.primitives.Address;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionMethodsTest {
  private static final String COUNTER_AT = "0x00000000000000000000000000000000000c0de1";
  private static final String REVERTER_AT = "0x00000000000000000000000000000000000c0de2";
  private static final String CUSTOM_AT = "0x00000000000000000000000000000000000c0de3";
  private static final String CALLER_AT = "0x00000000000000000000000000000000000c0de4";
  private static final String WORD_8 =
      "0x0000000000000000000000000000000000000000000000000000000000000008";
  private static final String WORD_7 =
      "0x0000000000000000000000000000000000000000000000000000000000000007";

  private final ExecutedChain chain = new ExecutedChain();
  private final InProcessRpc rpc = chain.rpc();
  private final String alice = ExecutedChain.address(0).toHexString();
  private final String bob = ExecutedChain.address(1).toHexString();

  @AfterEach
  void close() {
    chain.close();
  }

  /** State overrides that install the test contracts, counter slot 0 = 7. */
  private static String overrides() {
    return "{\""
        + COUNTER_AT
        + "\":{\"code\":\""
        + Contracts.COUNTER
        + "\",\"stateDiff\":{\"0x"
        + "0".repeat(64)
        + "\":\""
        + WORD_7
        + "\"}},\""
        + REVERTER_AT
        + "\":{\"code\":\""
        + Contracts.REVERT_WITH_REASON
        + "\"},\""
        + CUSTOM_AT
        + "\":{\"code\":\""
        + Contracts.REVERT_CUSTOM_ERROR
        + "\"},\""
        + CALLER_AT
        + "\":{\"code\":\""
        + Contracts.caller(COUNTER_AT)
        + "\"}}";
  }

  private JsonNode call(String to, String data) {
    return rpc.reply(
        "eth_call",
        "[{\"from\":\""
            + alice
            + "\",\"to\":\""
            + to
            + "\""
            + (data == null ? "" : ",\"input\":\"" + data + "\"")
            + "},\"latest\","
            + overrides()
            + "]");
  }

  @Test
  void callsReturnOutputWithStateOverrides() {
    assertEquals(WORD_7, call(COUNTER_AT, null).get("result").asText());
    assertEquals(WORD_7, call(CALLER_AT, null).get("result").asText(), "a nested STATICCALL");
    JsonNode noOverride = rpc.reply("eth_call", "[{\"to\":\"" + COUNTER_AT + "\"},\"latest\"]");
    assertEquals("0x", noOverride.get("result").asText(), "no code there without the override");
  }

  @Test
  void revertsAreErrorThreeWithReasonAndData() {
    JsonNode reason = call(REVERTER_AT, null);
    assertEquals(3, reason.at("/error/code").asInt());
    assertEquals("execution reverted: nope", reason.at("/error/message").asText());
    assertEquals(Contracts.NOPE, reason.at("/error/data").asText());
    JsonNode custom = call(CUSTOM_AT, null);
    assertEquals(3, custom.at("/error/code").asInt());
    assertEquals("execution reverted", custom.at("/error/message").asText());
    assertEquals("0x82b42900", custom.at("/error/data").asText());
  }

  @Test
  void blockOverridesChangeWhatTheCallSees() {
    // NUMBER; PUSH1 0; MSTORE; PUSH1 32; PUSH1 0; RETURN
    String numberCode = "0x4360005260206000f3";
    JsonNode reply =
        rpc.reply(
            "eth_call",
            "[{\"to\":\""
                + COUNTER_AT
                + "\"},\"latest\",{\""
                + COUNTER_AT
                + "\":{\"code\":\""
                + numberCode
                + "\"}},{\"number\":\"0x1234\"}]");
    assertEquals(
        "0x0000000000000000000000000000000000000000000000000000000000001234",
        reply.get("result").asText());
  }

  @Test
  void invalidCallsFailWithGethsWording() {
    JsonNode poor =
        rpc.reply(
            "eth_call",
            "[{\"from\":\"0x00000000000000000000000000000000000000ff\",\"to\":\""
                + bob
                + "\",\"value\":\"0x1\",\"gasPrice\":\"0x77359400\"},\"latest\"]");
    assertEquals(-32000, poor.at("/error/code").asInt());
    assertTrue(
        poor.at("/error/message").asText().startsWith("insufficient funds for gas * price + value"),
        poor.toString());
    long chainId = chain.spec.chainId();
    for (String method : List.of("eth_call", "eth_estimateGas", "eth_createAccessList")) {
      JsonNode otherChain =
          rpc.reply(method, "[{\"to\":\"" + bob + "\",\"chainId\":\"0x1\"},\"latest\"]");
      assertEquals(-32000, otherChain.at("/error/code").asInt(), method);
      assertEquals(
          "chainId does not match node's (have=1, want=" + chainId + ")",
          otherChain.at("/error/message").asText(),
          method);
    }
    JsonNode tooPoorForGas =
        rpc.reply(
            "eth_estimateGas",
            "[{\"from\":\"0x00000000000000000000000000000000000000ff\",\"to\":\""
                + bob
                + "\",\"gasPrice\":\"0x3b9aca00\"},\"latest\","
                + "{\"0x00000000000000000000000000000000000000ff\":{\"balance\":\"0x9184e72a000\"}}]");
    assertEquals(
        "gas required exceeds allowance (10000)",
        tooPoorForGas.at("/error/message").asText(),
        "a balance that pays for less than the intrinsic gas, worded as go-ethereum does");
    String sameChain =
        "[{\"to\":\"" + bob + "\",\"chainId\":\"0x" + Long.toHexString(chainId) + "\"},\"latest\"]";
    assertEquals("0x", rpc.result("eth_call", sameChain).asText());
  }

  @Test
  void estimatesArePreciseAndTransfersCost21000() {
    assertEquals(
        "0x5208",
        rpc.result(
                "eth_estimateGas",
                "[{\"from\":\"" + alice + "\",\"to\":\"" + bob + "\",\"value\":\"0x1\"}]")
            .asText());
    String set =
        "[{\"from\":\"" + alice + "\",\"to\":\"" + COUNTER_AT + "\",\"input\":\"" + WORD_8 + "\"}";
    long estimate =
        Long.decode(
            rpc.result("eth_estimateGas", set + ",\"latest\"," + overrides() + "]").asText());
    assertTrue(estimate > 21_000 + 2_900, "changing a slot costs at least 2,900: " + estimate);
    String atEstimate =
        "[{\"from\":\""
            + alice
            + "\",\"to\":\""
            + COUNTER_AT
            + "\",\"input\":\""
            + WORD_8
            + "\",\"gas\":\"0x"
            + Long.toHexString(estimate)
            + "\"},\"latest\","
            + overrides()
            + "]";
    assertFalse(rpc.reply("eth_call", atEstimate).has("error"));
    String below =
        "[{\"from\":\""
            + alice
            + "\",\"to\":\""
            + COUNTER_AT
            + "\",\"input\":\""
            + WORD_8
            + "\",\"gas\":\"0x"
            + Long.toHexString(estimate - 1)
            + "\"},\"latest\","
            + overrides()
            + "]";
    assertEquals(
        -32000, rpc.reply("eth_call", below).at("/error/code").asInt(), "one gas less fails");
    JsonNode reverted =
        rpc.reply(
            "eth_estimateGas",
            "[{\"from\":\""
                + alice
                + "\",\"to\":\""
                + REVERTER_AT
                + "\"},\"latest\","
                + overrides()
                + "]");
    assertEquals(3, reverted.at("/error/code").asInt());
    assertEquals("execution reverted: nope", reverted.at("/error/message").asText());
  }

  @Test
  void accessListsNameTheSlotsACallTouches() {
    JsonNode result =
        rpc.result(
            "eth_createAccessList",
            "[{\"from\":\"" + alice + "\",\"to\":\"" + CALLER_AT + "\"},\"latest\"]");
    assertEquals("[]", result.get("accessList").toString(), "no code without overrides");
    assertEquals("0x5208", result.get("gasUsed").asText());
  }

  @Test
  void accessListsOfDeployedContractsNameTheirSlots() {
    String deploy =
        rpc.result(
                "eth_sendTransaction",
                "[{\"from\":\""
                    + alice
                    + "\",\"data\":\""
                    + Contracts.deploy(Contracts.COUNTER)
                    + "\"}]")
            .asText();
    chain.mine();
    String counter =
        rpc.result("eth_getTransactionReceipt", "[\"" + deploy + "\"]")
            .get("contractAddress")
            .asText();
    JsonNode result =
        rpc.result(
            "eth_createAccessList",
            "[{\"from\":\""
                + alice
                + "\",\"to\":\""
                + counter
                + "\",\"input\":\""
                + WORD_8
                + "\"}]");
    assertEquals(
        "[{\"address\":\"" + counter + "\",\"storageKeys\":[\"0x" + "0".repeat(64) + "\"]}]",
        result.get("accessList").toString());
    assertFalse(result.has("error"));
    assertTrue(Long.decode(result.get("gasUsed").asText()) > 21_000 + 20_000);
  }

  @Test
  void sendTransactionSignsWithDevAccountsAndMines() {
    String hash =
        rpc.result(
                "eth_sendTransaction",
                "[{\"from\":\""
                    + alice
                    + "\",\"data\":\""
                    + Contracts.deploy(Contracts.COUNTER)
                    + "\"}]")
            .asText();
    Block block = chain.mine();
    assertEquals(1, block.transactions().size());
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", "[\"" + hash + "\"]");
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x2", receipt.get("type").asText());
    String counter = receipt.get("contractAddress").asText();
    assertEquals(
        Contracts.COUNTER, rpc.result("eth_getCode", "[\"" + counter + "\",\"latest\"]").asText());
    String set =
        rpc.result(
                "eth_sendTransaction",
                "[{\"from\":\""
                    + alice
                    + "\",\"to\":\""
                    + counter
                    + "\",\"input\":\""
                    + WORD_7
                    + "\"}]")
            .asText();
    chain.mine();
    JsonNode setReceipt = rpc.result("eth_getTransactionReceipt", "[\"" + set + "\"]");
    assertEquals("0x1", setReceipt.get("status").asText());
    assertEquals(1, setReceipt.get("logs").size());
    assertEquals(
        WORD_7, rpc.result("eth_call", "[{\"to\":\"" + counter + "\"},\"latest\"]").asText());
    assertEquals(
        "0x2", rpc.result("eth_getTransactionCount", "[\"" + alice + "\",\"latest\"]").asText());

    // Traces of the mined transaction.
    JsonNode structLogs = rpc.result("debug_traceTransaction", "[\"" + set + "\"]");
    assertFalse(structLogs.get("failed").asBoolean());
    assertEquals(Long.decode(setReceipt.get("gasUsed").asText()), structLogs.get("gas").asLong());
    JsonNode first = structLogs.at("/structLogs/0");
    assertEquals("CALLDATASIZE", first.get("op").asText());
    assertEquals(0, first.get("pc").asInt());
    assertEquals(1, first.get("depth").asInt());
    JsonNode sstore = null;
    for (JsonNode step : structLogs.get("structLogs")) {
      if (step.get("op").asText().equals("SSTORE")) {
        sstore = step;
      }
    }
    assertEquals(
        WORD_7,
        sstore
            .at("/storage/0x0000000000000000000000000000000000000000000000000000000000000000")
            .asText());
    JsonNode calls =
        rpc.result("debug_traceTransaction", "[\"" + set + "\",{\"tracer\":\"callTracer\"}]");
    assertEquals("CALL", calls.get("type").asText());
    assertEquals(alice, calls.get("from").asText());
    assertEquals(counter, calls.get("to").asText());
    assertEquals(setReceipt.get("gasUsed").asText(), calls.get("gasUsed").asText());
    JsonNode block2 =
        rpc.result("debug_traceBlockByNumber", "[\"0x2\",{\"tracer\":\"callTracer\"}]");
    assertEquals(set, block2.at("/0/txHash").asText());
    assertEquals(calls, block2.at("/0/result"));
  }

  @Test
  void traceCallShowsNestedFramesAndReverts() {
    JsonNode nested =
        rpc.result(
            "debug_traceCall",
            "[{\"from\":\""
                + alice
                + "\",\"to\":\""
                + CALLER_AT
                + "\"},\"latest\",{\"tracer\":\"callTracer\",\"stateOverrides\":"
                + overrides()
                + "}]");
    assertEquals("CALL", nested.get("type").asText());
    assertEquals("STATICCALL", nested.at("/calls/0/type").asText());
    assertEquals(COUNTER_AT, nested.at("/calls/0/to").asText());
    assertFalse(nested.at("/calls/0").has("value"), "STATICCALL frames carry no value");
    assertEquals(WORD_7, nested.get("output").asText());
    JsonNode reverted =
        rpc.result(
            "debug_traceCall",
            "[{\"from\":\""
                + alice
                + "\",\"to\":\""
                + REVERTER_AT
                + "\"},\"latest\",{\"tracer\":\"callTracer\",\"stateOverrides\":"
                + overrides()
                + "}]");
    assertEquals("execution reverted", reverted.get("error").asText());
    assertEquals("nope", reverted.get("revertReason").asText());
    assertEquals(Contracts.NOPE, reverted.get("output").asText());
  }

  @Test
  void tracingErrorsMatchTheFixtures() {
    JsonNode unknown = rpc.reply("debug_traceTransaction", "[\"0x" + "0".repeat(63) + "1\"]");
    assertEquals(-32000, unknown.at("/error/code").asInt());
    assertEquals("transaction not found", unknown.at("/error/message").asText());
    JsonNode genesis = rpc.reply("debug_traceBlockByNumber", "[\"0x0\"]");
    assertEquals("genesis is not traceable", genesis.at("/error/message").asText());
    JsonNode badNumber = rpc.reply("debug_traceBlockByNumber", "[\"3\"]");
    assertEquals(-32602, badNumber.at("/error/code").asInt());
    assertEquals(
        "invalid argument 0: hex string without 0x prefix",
        badNumber.at("/error/message").asText());
    assertEquals(Address.ZERO, Address.ZERO);
  }
}
