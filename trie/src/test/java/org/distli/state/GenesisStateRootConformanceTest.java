package org.distli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.fixtures.SharedFixtures;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The state roots of the blockchain reference tests' genesis allocations and final states: checks
 * the account and storage layout of the state trie against real chains.
 */
class GenesisStateRootConformanceTest {
  private static final String DIR = "ethereum-tests/BlockchainTests/ValidBlocks";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> stateRootsOfReferenceChainsMatch() throws IOException {
    Optional<Path> dir = SharedFixtures.find(DIR);
    assumeTrue(dir.isPresent(), SharedFixtures.missingMessage(DIR));
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir.get())) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    // Every fourth file keeps the suite quick while covering every folder.
    for (int i = 0; i < files.size(); i += 4) {
      Path file = files.get(i);
      tests.add(DynamicTest.dynamicTest(dir.get().relativize(file).toString(), () -> check(file)));
    }
    return tests.stream();
  }

  private static void check(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode test = entry.getValue();
      Hash genesisRoot = Hash.fromHex(test.get("genesisBlockHeader").get("stateRoot").asText());
      assertEquals(genesisRoot, rootOf(test.get("pre")), entry.getKey() + " genesis");
      JsonNode blocks = test.get("blocks");
      if (test.has("postState") && blocks != null && !blocks.isEmpty()) {
        JsonNode last = blocks.get(blocks.size() - 1).get("blockHeader");
        if (last != null && test.get("lastblockhash").asText().equals(last.get("hash").asText())) {
          assertEquals(
              Hash.fromHex(last.get("stateRoot").asText()),
              rootOf(test.get("postState")),
              entry.getKey() + " post state");
        }
      }
    }
  }

  static Hash rootOf(JsonNode alloc) {
    Map<Address, StateChanges.AccountUpdate> accounts = new HashMap<>();
    Map<Hash, Bytes> code = new HashMap<>();
    alloc
        .properties()
        .iterator()
        .forEachRemaining(
            e -> {
              JsonNode account = e.getValue();
              Bytes accountCode = Bytes.fromHexString(account.get("code").asText());
              Hash codeHash = Keccak256.hash(accountCode);
              if (!accountCode.isEmpty()) {
                code.put(codeHash, accountCode);
              }
              TreeMap<UInt256, UInt256> storage = new TreeMap<>();
              account
                  .get("storage")
                  .properties()
                  .iterator()
                  .forEachRemaining(
                      s ->
                          storage.put(
                              UInt256.fromHexString(s.getKey()),
                              UInt256.fromHexString(s.getValue().asText())));
              accounts.put(
                  Address.fromHex(e.getKey()),
                  new StateChanges.AccountUpdate(
                      false,
                      UInt256.fromHexString(account.get("nonce").asText()).toLong(),
                      Wei.of(UInt256.fromHexString(account.get("balance").asText())),
                      codeHash,
                      false,
                      storage));
            });
    try (StateDatabase db = StateDatabase.inMemory()) {
      Hash root = db.commit(Hash.EMPTY_TRIE_ROOT, new StateChanges(accounts, code), 0);
      assertEquals(root, db.at(Hash.EMPTY_TRIE_ROOT).rootAfter(new StateChanges(accounts, code)));
      return root;
    }
  }
}
