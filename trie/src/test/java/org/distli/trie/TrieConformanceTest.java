package org.distli.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.fixtures.SharedFixtures;
import org.distli.primitives.Hash;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs ethereum/tests TrieTests: roots of plain and secure tries, and ordered iteration. */
class TrieConformanceTest {
  private static final String DIR = "ethereum-tests/TrieTests";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> rootsMatchTheReferenceTests() throws IOException {
    Optional<Path> dir = SharedFixtures.find(DIR);
    assumeTrue(dir.isPresent(), SharedFixtures.missingMessage(DIR));
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.get())) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.contains("nextprev")) {
          continue;
        }
        boolean secure = name.toLowerCase().contains("securetrie");
        JsonNode root = JSON.readTree(file.toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> test = it.next();
          tests.add(
              DynamicTest.dynamicTest(
                  name + " " + test.getKey(), () -> runRootTest(test.getValue(), secure)));
        }
      }
    }
    assumeTrue(!tests.isEmpty(), "no trie tests found in " + dir.get());
    return tests.stream();
  }

  private static void runRootTest(JsonNode test, boolean secure) {
    List<Bytes[]> operations = new ArrayList<>();
    JsonNode in = test.get("in");
    if (in.isArray()) {
      for (JsonNode pair : in) {
        operations.add(new Bytes[] {decode(pair.get(0)), decode(pair.get(1))});
      }
    } else {
      in.properties()
          .iterator()
          .forEachRemaining(
              e -> operations.add(new Bytes[] {decode(e.getKey()), decode(e.getValue())}));
    }
    Hash expected = Hash.fromHex(test.get("root").asText());
    assertEquals(expected, build(operations, secure).rootHash(), "in the given order");
    if (!in.isArray()) {
      List<Bytes[]> reversed = new ArrayList<>(operations);
      Collections.reverse(reversed);
      assertEquals(expected, build(reversed, secure).rootHash(), "in reverse order");
    }
    // The same trie committed to a store and reopened from its root reads back every value.
    MerklePatriciaTrie trie = build(operations, secure);
    Map<Bytes, byte[]> store = new HashMap<>();
    NodeSink sink =
        new NodeSink() {
          @Override
          public void created(Bytes path, Hash hash, byte[] rlp) {
            store.put(Bytes.concatenate(path, hash.toBytes()), rlp);
          }

          @Override
          public void released(Bytes path, Hash hash) {}
        };
    assertEquals(expected, trie.commit(sink));
    MerklePatriciaTrie reopened =
        new MerklePatriciaTrie(
            expected,
            (path, hash) -> store.get(Bytes.concatenate(path, hash.toBytes())),
            NodeCache.none());
    Map<Bytes, Bytes> expectedValues = new HashMap<>();
    for (Bytes[] op : operations) {
      Bytes key = secure ? Keccak256.hash(op[0]).toBytes() : op[0];
      if (op[1].isEmpty()) {
        expectedValues.remove(key);
      } else {
        expectedValues.put(key, op[1]);
      }
    }
    expectedValues.forEach((key, value) -> assertEquals(value, reopened.get(key)));
  }

  private static MerklePatriciaTrie build(List<Bytes[]> operations, boolean secure) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    for (Bytes[] op : operations) {
      Bytes key = secure ? Keccak256.hash(op[0]).toBytes() : op[0];
      trie.put(key, op[1]);
    }
    return trie;
  }

  @TestFactory
  Stream<DynamicTest> orderedIterationFindsNextAndPrevious() throws IOException {
    Optional<Path> file = SharedFixtures.find(DIR + "/trietestnextprev.json");
    assumeTrue(file.isPresent(), SharedFixtures.missingMessage(DIR + "/trietestnextprev.json"));
    List<DynamicTest> tests = new ArrayList<>();
    JsonNode root = JSON.readTree(file.get().toFile());
    root.properties()
        .iterator()
        .forEachRemaining(
            test ->
                tests.add(
                    DynamicTest.dynamicTest(
                        test.getKey(), () -> runNextPrevTest(test.getValue()))));
    return tests.stream();
  }

  private static void runNextPrevTest(JsonNode test) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    for (JsonNode key : test.get("in")) {
      trie.put(decode(key), Bytes.wrap(key.asText().getBytes(StandardCharsets.UTF_8)));
    }
    for (JsonNode check : test.get("tests")) {
      Bytes key = decode(check.get(0));
      Bytes[] previous = {Bytes.EMPTY};
      Bytes[] next = {Bytes.EMPTY};
      trie.visit(
          Bytes.EMPTY,
          (k, v) -> {
            if (java.util.Arrays.compareUnsigned(k.toArrayUnsafe(), key.toArrayUnsafe()) < 0) {
              previous[0] = k;
              return true;
            }
            return false;
          });
      trie.visit(
          key,
          (k, v) -> {
            if (k.equals(key)) {
              return true;
            }
            next[0] = k;
            return false;
          });
      assertEquals(decode(check.get(1)), previous[0], "previous of " + check.get(0));
      assertEquals(decode(check.get(2)), next[0], "next of " + check.get(0));
    }
  }

  private static Bytes decode(JsonNode node) {
    return node == null || node.isNull() ? Bytes.EMPTY : decode(node.asText());
  }

  private static Bytes decode(String text) {
    if (text.startsWith("0x")) {
      return Bytes.fromHexString(text);
    }
    return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
