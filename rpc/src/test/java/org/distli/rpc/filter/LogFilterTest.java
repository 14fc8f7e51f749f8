package org.distli.rpc.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.distli.chain.block.Bloom;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.rpc.TestBlocks;
import org.distli.rpc.jsonrpc.BlockParameter;
import org.distli.rpc.jsonrpc.ParamException;
import org.junit.jupiter.api.Test;

class LogFilterTest {
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address OTHER =
      Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Hash TRANSFER =
      Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  private static final Hash APPROVAL =
      Hash.fromHex("0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925");
  private static final Hash ALICE =
      Hash.fromHex("0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266");

  private static LogFilter parse(String json) throws Exception {
    JsonNode node = new ObjectMapper().readTree(json);
    return LogFilter.decode(node);
  }

  @Test
  void decodesRangeAddressListAndTopics() throws Exception {
    LogFilter filter =
        parse(
            "{\"fromBlock\":\"0x1\",\"toBlock\":\"latest\",\"address\":[\""
                + TOKEN
                + "\",\""
                + OTHER
                + "\"],\"topics\":[[\""
                + TRANSFER
                + "\",\""
                + APPROVAL
                + "\"],null,\""
                + ALICE
                + "\"]}");
    assertEquals(BlockParameter.number(1), filter.fromBlock());
    assertEquals(BlockParameter.LATEST, filter.toBlock());
    assertEquals(List.of(TOKEN, OTHER), filter.addresses());
    assertEquals(List.of(TRANSFER, APPROVAL), filter.topics().get(0));
    assertNull(filter.topics().get(1));
    assertEquals(List.of(ALICE), filter.topics().get(2));
  }

  @Test
  void matchesByAddressAndTopicPosition() throws Exception {
    LogFilter filter =
        parse(
            "{\"address\":\""
                + TOKEN
                + "\",\"topics\":[\""
                + TRANSFER
                + "\",null,\""
                + ALICE
                + "\"]}");
    assertTrue(filter.matches(TestBlocks.log(TOKEN, TRANSFER, Hash.ZERO, ALICE)));
    assertTrue(filter.matches(TestBlocks.log(TOKEN, TRANSFER, ALICE, ALICE, APPROVAL)));
    assertFalse(filter.matches(TestBlocks.log(OTHER, TRANSFER, Hash.ZERO, ALICE)));
    assertFalse(filter.matches(TestBlocks.log(TOKEN, APPROVAL, Hash.ZERO, ALICE)));
    assertFalse(
        filter.matches(TestBlocks.log(TOKEN, TRANSFER, ALICE)),
        "a log with fewer topics than the filter's positions never matches, as in geth");
  }

  @Test
  void nullInsideAnOrListIsAWildcard() throws Exception {
    LogFilter filter = parse("{\"topics\":[[\"" + TRANSFER + "\",null]]}");
    assertTrue(filter.matches(TestBlocks.log(TOKEN, APPROVAL)));
    assertFalse(filter.matches(new Log(TOKEN, List.of(), org.apache.tuweni.bytes.Bytes.EMPTY)));
  }

  @Test
  void bloomRulesOutBlocksWithoutTheAddressOrTopic() throws Exception {
    Bloom bloom = Bloom.fromLogs(List.of(TestBlocks.log(TOKEN, TRANSFER)));
    assertTrue(parse("{\"address\":\"" + TOKEN + "\"}").mightMatch(bloom));
    assertFalse(parse("{\"address\":\"" + OTHER + "\"}").mightMatch(bloom));
    assertTrue(
        parse("{\"topics\":[[\"" + APPROVAL + "\",\"" + TRANSFER + "\"]]}").mightMatch(bloom));
    assertFalse(parse("{\"topics\":[\"" + APPROVAL + "\"]}").mightMatch(bloom));
  }

  @Test
  void refusesBlockHashTogetherWithARange() {
    ParamException e =
        assertThrows(
            ParamException.class,
            () -> parse("{\"blockHash\":\"" + Hash.ZERO + "\",\"fromBlock\":\"0x3\"}"));
    assertEquals(
        "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other",
        e.getMessage());
    assertThrows(ParamException.class, () -> parse("{\"topics\":[null,null,null,null,null]}"));
    assertThrows(ParamException.class, () -> parse("{\"topics\":[\"0x12\"]}"));
  }
}
