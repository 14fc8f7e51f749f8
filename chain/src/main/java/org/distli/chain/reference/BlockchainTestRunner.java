package org.distli.chain.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.Blockchain;
import org.distli.chain.GenesisBlock;
import org.distli.chain.block.Block;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.crypto.Keccak256;
import org.distli.evm.Fork;
import org.distli.genesis.ChainConfig;
import org.distli.genesis.GenesisAccount;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpException;
import org.distli.state.StateChanges;
import org.distli.state.StateDatabase;
import org.distli.state.StateDatabaseConfig;
import org.distli.state.StateReader;
import org.distli.storage.InMemoryKeyValueStore;

/**
 * Runs Ethereum blockchain tests (the "NoProof" seal engine): builds the genesis from {@code pre},
 * imports each block's RLP (those marked {@code expectException} must be refused, all others
 * accepted), then checks the head against {@code lastblockhash} and the state against {@code
 * postState} (or {@code postStateHash}). Used by {@code distli evm block-test} and the conformance
 * test.
 */
public final class BlockchainTestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One test's outcome; {@code failure} is null when it passed. */
  public record Outcome(String name, String failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  private BlockchainTestRunner() {}

  /** The JSON test files under {@code path} (itself, if it is a file), sorted. */
  public static List<Path> testFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Runs every test in one file. */
  public static List<Outcome> runFile(Path file) throws IOException {
    return runFile(file, null);
  }

  /** Runs the tests of one file whose name matches {@code filter} (all when null). */
  public static List<Outcome> runFile(Path file, Pattern filter) throws IOException {
    JsonNode document = JSON.readTree(file.toFile());
    List<Outcome> outcomes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> test = it.next();
      if (filter == null || filter.matcher(test.getKey()).find()) {
        outcomes.add(run(test.getKey(), test.getValue()));
      }
    }
    return outcomes;
  }

  /** Runs one test; never throws for a failing test. */
  public static Outcome run(String name, JsonNode test) {
    try {
      String failure = execute(test);
      return new Outcome(name, failure);
    } catch (RuntimeException | AssertionError e) {
      return new Outcome(name, "crashed: " + e);
    }
  }

  private static String execute(JsonNode test) {
    String sealEngine = test.path("sealEngine").asText("NoProof");
    if (!sealEngine.equals("NoProof")) {
      return "unsupported seal engine " + sealEngine;
    }
    Fork fork = Fork.parse(test.path("network").asText());
    ChainSpec spec = ChainSpec.ethereum(ChainConfig.allFromGenesis(1, fork));
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    StateDatabase stateDatabase =
        StateDatabase.open(store, StateDatabaseConfig.DEFAULT.withArchive(true));
    Block genesisBlock = Block.decode(Hex.decode(test.path("genesisRLP").asText()));
    StateChanges pre = GenesisBlock.stateChanges(accounts(test.path("pre")));
    Hash preRoot = stateDatabase.at(Hash.EMPTY_TRIE_ROOT).rootAfter(pre);
    if (!preRoot.equals(genesisBlock.header().stateRoot())) {
      return "genesis state root "
          + preRoot
          + " differs from the header's "
          + genesisBlock.header().stateRoot();
    }
    try (Blockchain chain =
        Blockchain.builder(spec, store, stateDatabase)
            .genesis(new GenesisBlock(genesisBlock, pre))
            .open()) {
      int index = 0;
      for (JsonNode blockJson : test.path("blocks")) {
        index++;
        boolean expectInvalid = blockJson.has("expectException");
        String refusal = importBlock(chain, blockJson.path("rlp").asText());
        if (expectInvalid && refusal == null) {
          return "block "
              + index
              + " was accepted but should fail with "
              + blockJson.path("expectException").asText();
        }
        if (!expectInvalid && refusal != null) {
          return "block " + index + " was refused: " + refusal;
        }
      }
      Hash head = chain.head().hash();
      Hash expectedHead = Hash.fromHex(test.path("lastblockhash").asText());
      if (!head.equals(expectedHead)) {
        return "head is " + head + " (#" + chain.head().number() + "), expected " + expectedHead;
      }
      return checkPostState(test, chain, stateDatabase);
    }
  }

  /** Null when imported, else the reason for the refusal. */
  private static String importBlock(Blockchain chain, String rlpHex) {
    Block block;
    try {
      block = Block.decode(Hex.decode(rlpHex));
    } catch (RlpException | InvalidTransactionException | IllegalArgumentException e) {
      return "undecodable: " + e.getMessage();
    }
    try {
      chain.importBlock(block);
      return null;
    } catch (InvalidBlockException e) {
      return e.getMessage();
    }
  }

  private static String checkPostState(
      JsonNode test, Blockchain chain, StateDatabase stateDatabase) {
    Hash actualRoot = chain.head().stateRoot();
    if (test.has("postStateHash")) {
      Hash expected = Hash.fromHex(test.path("postStateHash").asText());
      return expected.equals(actualRoot)
          ? null
          : "state root " + actualRoot + ", expected " + expected;
    }
    Map<Address, GenesisAccount> expected = accounts(test.path("postState"));
    Hash expectedRoot =
        stateDatabase.at(Hash.EMPTY_TRIE_ROOT).rootAfter(GenesisBlock.stateChanges(expected));
    if (expectedRoot.equals(actualRoot)) {
      return null;
    }
    return "state root "
        + actualRoot
        + ", expected "
        + expectedRoot
        + describeDifferences(expected, chain.stateAt(chain.head()));
  }

  private static String describeDifferences(
      Map<Address, GenesisAccount> expected, StateReader state) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Address, GenesisAccount> entry : expected.entrySet()) {
      Address address = entry.getKey();
      GenesisAccount want = entry.getValue();
      Account have = state.account(address);
      if (have == null) {
        out.append("\n  ").append(address).append(": missing");
        continue;
      }
      if (have.nonce() != want.nonce()) {
        out.append("\n  ")
            .append(address)
            .append(": nonce ")
            .append(have.nonce())
            .append(", expected ")
            .append(want.nonce());
      }
      if (!have.balance().equals(want.balance())) {
        out.append("\n  ")
            .append(address)
            .append(": balance ")
            .append(have.balance())
            .append(", expected ")
            .append(want.balance());
      }
      Hash wantCode = want.code().isEmpty() ? Hash.EMPTY_CODE : Keccak256.hash(want.code());
      if (!have.codeHash().equals(wantCode)) {
        out.append("\n  ")
            .append(address)
            .append(": code hash ")
            .append(have.codeHash())
            .append(", expected ")
            .append(wantCode);
      }
      for (Map.Entry<UInt256, UInt256> slot : want.storage().entrySet()) {
        UInt256 value = state.storage(address, slot.getKey());
        if (!value.equals(slot.getValue())) {
          out.append("\n  ")
              .append(address)
              .append(": storage ")
              .append(slot.getKey().toShortHexString())
              .append(" = ")
              .append(value.toShortHexString())
              .append(", expected ")
              .append(slot.getValue().toShortHexString());
        }
      }
    }
    return out.toString();
  }

  /** Accounts as the tests write them: balance, nonce, code and storage in hex. */
  static Map<Address, GenesisAccount> accounts(JsonNode node) {
    Map<Address, GenesisAccount> accounts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode account = entry.getValue();
      TreeMap<UInt256, UInt256> storage = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> slots =
              account.path("storage").properties().iterator();
          slots.hasNext(); ) {
        Map.Entry<String, JsonNode> slot = slots.next();
        UInt256 value = quantity(slot.getValue().asText());
        if (!value.isZero()) {
          storage.put(quantity(slot.getKey()), value);
        }
      }
      accounts.put(
          Address.fromHex(entry.getKey()),
          new GenesisAccount(
              Wei.of(quantity(account.path("balance").asText("0x0"))),
              quantity(account.path("nonce").asText("0x0")).toLong(),
              Hex.decode(account.path("code").asText("0x")),
              storage));
    }
    return accounts;
  }

  private static UInt256 quantity(String hex) {
    Bytes bytes = Hex.decode(hex.length() % 2 == 0 ? hex : "0x0" + hex.substring(2));
    return bytes.isEmpty() ? UInt256.ZERO : UInt256.fromBytes(bytes.trimLeadingZeros());
  }
}
