package org.distli.chain.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.Transaction;
import org.distli.fixtures.SharedFixtures;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The block codec against every valid block of ethereum/tests BlockchainTests: the genesis and each
 * block decode, re-encode to the same bytes, hash to the header's hash, and their transactions
 * recover the listed senders.
 */
class BlockEncodingConformanceTest {
  private static final String FOLDER = "ethereum-tests/BlockchainTests/ValidBlocks";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> validBlocksRoundTrip() throws IOException {
    Path root = SharedFixtures.find(FOLDER).orElse(null);
    Assumptions.assumeTrue(root != null, SharedFixtures.missingMessage(FOLDER));
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode document = JSON.readTree(file.toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = document.properties().iterator();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> test = it.next();
          tests.add(
              DynamicTest.dynamicTest(
                  root.relativize(file) + ":" + test.getKey(), () -> check(test.getValue())));
        }
      }
    }
    return tests.stream();
  }

  private static void check(JsonNode test) {
    Bytes genesisRlp = Hex.decode(test.path("genesisRLP").asText());
    Block genesis = Block.decode(genesisRlp);
    assertEquals(genesisRlp, genesis.encoded());
    assertEquals(
        Hash.fromHex(test.path("genesisBlockHeader").path("hash").asText()), genesis.hash());
    for (JsonNode blockJson : test.path("blocks")) {
      if (blockJson.has("expectException") || !blockJson.has("blockHeader")) {
        continue;
      }
      Bytes rlp = Hex.decode(blockJson.path("rlp").asText());
      Block block = Block.decode(rlp);
      assertEquals(rlp, block.encoded(), "re-encoding");
      BlockHeader header = block.header();
      assertEquals(
          Hash.fromHex(blockJson.path("blockHeader").path("hash").asText()), header.hash());
      assertEquals(header, BlockHeader.decode(header.encoded()));
      JsonNode txs = blockJson.path("transactions");
      assertEquals(txs.size(), block.transactions().size());
      for (int i = 0; i < txs.size(); i++) {
        Transaction tx = block.transactions().get(i);
        Address sender = tx.sender();
        if (txs.get(i).has("sender")) { // absent in SimpleTx3LowS, whose s is exactly n/2
          assertEquals(Address.fromHex(txs.get(i).path("sender").asText()), sender);
        }
        assertEquals(Transaction.decode(tx.encoded()), tx);
      }
      assertEquals(
          blockJson.path("withdrawals").size(),
          block.body().withdrawals().map(List::size).orElse(0));
      assertFalse(header.baseFee().isEmpty());
    }
  }
}
