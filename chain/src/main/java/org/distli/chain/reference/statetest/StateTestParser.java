package org.distli.chain.reference.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.AccessListEntry;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;

/** Reads GeneralStateTests JSON files (the ethereum/tests and execution-spec-tests format). */
public final class StateTestParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StateTestParser() {}

  /** Every test in a file, in file order. */
  public static List<StateTest> parse(Path file) throws IOException {
    JsonNode root = MAPPER.readTree(file.toFile());
    List<StateTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode test = entry.getValue();
      if (!test.has("transaction") || !test.has("post")) {
        continue; // not a state test (e.g. a blockchain test in the same folder)
      }
      tests.add(parseTest(file.toString(), entry.getKey(), test));
    }
    return tests;
  }

  private static StateTest parseTest(String file, String name, JsonNode json) {
    return new StateTest(
        file,
        name,
        environment(json.get("env")),
        pre(json.get("pre")),
        transaction(json.get("transaction")),
        post(json.get("post")),
        labels(json.get("_info")));
  }

  private static Map<Integer, String> labels(JsonNode info) {
    Map<Integer, String> labels = new LinkedHashMap<>();
    if (info != null && info.has("labels")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = info.get("labels").properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> label = it.next();
        try {
          labels.put(Integer.parseInt(label.getKey()), label.getValue().asText());
        } catch (NumberFormatException ignored) {
          // labels of other kinds are not data indexes
        }
      }
    }
    return labels;
  }

  private static StateTest.Environment environment(JsonNode env) {
    return new StateTest.Environment(
        Address.fromHex(env.get("currentCoinbase").asText()),
        env.has("currentDifficulty")
            ? uint256(env.get("currentDifficulty").asText())
            : UInt256.ZERO,
        longValue(env.get("currentGasLimit").asText()),
        longValue(env.get("currentNumber").asText()),
        longValue(env.get("currentTimestamp").asText()),
        env.has("currentBaseFee") ? Wei.of(bigInteger(env.get("currentBaseFee").asText())) : null,
        env.has("currentRandom")
            ? Hash.of(Hex.decode(pad32(env.get("currentRandom").asText())))
            : null,
        env.has("currentExcessBlobGas")
            ? longValue(env.get("currentExcessBlobGas").asText())
            : null);
  }

  private static Map<Address, StateTest.PreAccount> pre(JsonNode pre) {
    Map<Address, StateTest.PreAccount> accounts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = pre.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode account = entry.getValue();
      TreeMap<UInt256, UInt256> storage = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> slots =
              account.get("storage").properties().iterator();
          slots.hasNext(); ) {
        Map.Entry<String, JsonNode> slot = slots.next();
        UInt256 value = uint256(slot.getValue().asText());
        if (!value.isZero()) {
          storage.put(uint256(slot.getKey()), value);
        }
      }
      accounts.put(
          Address.fromHex(entry.getKey()),
          new StateTest.PreAccount(
              longValue(account.get("nonce").asText()),
              Wei.of(bigInteger(account.get("balance").asText())),
              Hex.decode(account.get("code").asText()),
              storage));
    }
    return accounts;
  }

  private static StateTest.TransactionTemplate transaction(JsonNode tx) {
    List<Bytes> data = new ArrayList<>();
    for (JsonNode d : tx.get("data")) {
      data.add(Hex.decode(d.asText()));
    }
    List<Long> gasLimits = new ArrayList<>();
    for (JsonNode g : tx.get("gasLimit")) {
      gasLimits.add(longValue(g.asText()));
    }
    List<BigInteger> values = new ArrayList<>();
    for (JsonNode v : tx.get("value")) {
      values.add(bigInteger(v.asText()));
    }
    List<List<AccessListEntry>> accessLists = null;
    if (tx.has("accessLists")) {
      accessLists = new ArrayList<>();
      for (JsonNode list : tx.get("accessLists")) {
        accessLists.add(list.isNull() ? null : accessList(list));
      }
    } else if (tx.has("accessList")) {
      accessLists = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        accessLists.add(accessList(tx.get("accessList")));
      }
    }
    List<Hash> blobHashes = null;
    if (tx.has("blobVersionedHashes")) {
      blobHashes = new ArrayList<>();
      for (JsonNode h : tx.get("blobVersionedHashes")) {
        blobHashes.add(Hash.fromHex(h.asText()));
      }
    }
    String to = tx.has("to") ? tx.get("to").asText() : "";
    return new StateTest.TransactionTemplate(
        data,
        gasLimits,
        values,
        longValue(tx.get("nonce").asText()),
        optionalBig(tx, "gasPrice"),
        optionalBig(tx, "maxFeePerGas"),
        optionalBig(tx, "maxPriorityFeePerGas"),
        to.isEmpty() ? null : Address.fromHex(to),
        Address.fromHex(tx.get("sender").asText()),
        accessLists,
        blobHashes,
        optionalBig(tx, "maxFeePerBlobGas"));
  }

  private static List<AccessListEntry> accessList(JsonNode list) {
    List<AccessListEntry> entries = new ArrayList<>();
    for (JsonNode entry : list) {
      List<Hash> keys = new ArrayList<>();
      for (JsonNode key : entry.get("storageKeys")) {
        keys.add(Hash.of(Hex.decode(pad32(key.asText()))));
      }
      entries.add(new AccessListEntry(Address.fromHex(entry.get("address").asText()), keys));
    }
    return entries;
  }

  private static Map<String, List<StateTest.Expectation>> post(JsonNode post) {
    Map<String, List<StateTest.Expectation>> byFork = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = post.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      List<StateTest.Expectation> cases = new ArrayList<>();
      for (JsonNode c : entry.getValue()) {
        JsonNode indexes = c.get("indexes");
        cases.add(
            new StateTest.Expectation(
                indexes.get("data").asInt(),
                indexes.get("gas").asInt(),
                indexes.get("value").asInt(),
                Hash.fromHex(c.get("hash").asText()),
                Hash.fromHex(c.get("logs").asText()),
                c.has("expectException") ? c.get("expectException").asText() : null));
      }
      byFork.put(entry.getKey(), cases);
    }
    return byFork;
  }

  private static BigInteger optionalBig(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull()
        ? bigInteger(node.get(field).asText())
        : null;
  }

  /** Hex or decimal; retesteth writes out-of-range values as "0x:bigint 0x...". */
  static BigInteger bigInteger(String text) {
    String s = text.trim();
    if (s.startsWith("0x:bigint ")) {
      s = s.substring("0x:bigint ".length()).trim();
    }
    if (s.startsWith("0x") || s.startsWith("0X")) {
      String digits = s.substring(2);
      return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
    }
    return new BigInteger(s);
  }

  private static long longValue(String text) {
    BigInteger value = bigInteger(text);
    if (value.bitLength() > 64) {
      throw new IllegalArgumentException("value wider than 64 bits: " + text);
    }
    return value.longValue();
  }

  private static UInt256 uint256(String text) {
    return UInt256.valueOf(bigInteger(text));
  }

  /** Left-pads hex digits to 32 bytes (some fillers shorten hashes and keys). */
  private static String pad32(String hex) {
    String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (digits.length() >= 64) {
      return "0x" + digits;
    }
    return "0x" + "0".repeat(64 - digits.length()) + digits;
  }
}
