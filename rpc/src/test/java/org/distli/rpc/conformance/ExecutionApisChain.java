package org.distli.rpc.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.GenesisBlock;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainStore;
import org.distli.chain.transaction.TransactionType;
import org.distli.genesis.Genesis;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.rlp.RlpReader;
import org.distli.state.StateDatabase;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.storage.WriteBatch;
import org.distli.txpool.TransactionPool;
import org.distli.txpool.TxPoolConfig;

/**
 * The chain of the execution-apis fixtures (tests/genesis.json and tests/chain.rlp) loaded into a
 * chain store without executing it: blocks as they are, receipts taken from the fixtures' own
 * receipt responses where those give them (other receipts are placeholders consistent with them),
 * and no state beyond genesis. Enough to answer block, transaction and receipt queries exactly.
 */
final class ExecutionApisChain {
  final Path tests;
  final ChainSpec spec;
  final ChainStore store;
  final StateDatabase states = StateDatabase.inMemory();
  final TransactionPool pool;
  final List<Block> blocks = new ArrayList<>();

  ExecutionApisChain(Path tests) throws IOException {
    this.tests = tests;
    Genesis genesis = Genesis.read(tests.resolve("genesis.json"));
    this.spec = ChainSpec.ethereum(genesis.config());
    GenesisBlock genesisBlock = GenesisBlock.of(genesis, states.at(Hash.EMPTY_TRIE_ROOT));
    Hash genesisRoot = states.commit(Hash.EMPTY_TRIE_ROOT, genesisBlock.state(), 0);
    InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    this.store = ChainStore.open(kv);
    blocks.add(genesisBlock.block());
    RlpReader reader = RlpReader.of(Files.readAllBytes(tests.resolve("chain.rlp")));
    // The chain module decodes transactions up to EIP-4844; the first block with an EIP-7702
    // transaction ends what can be loaded.
    while (reader.hasNext()) {
      try {
        blocks.add(Block.readFrom(reader));
      } catch (org.distli.chain.transaction.InvalidTransactionException e) {
        break;
      }
    }
    Map<Long, Map<Integer, JsonNode>> knownReceipts = knownReceipts(tests);
    try (WriteBatch batch = kv.newBatch()) {
      store.stageGenesis(batch, genesisBlock.block());
      batch.commit();
    }
    for (Block block : blocks.subList(1, blocks.size())) {
      List<Receipt> receipts =
          receipts(block, knownReceipts.getOrDefault(block.number(), Map.of()));
      try (WriteBatch batch = kv.newBatch()) {
        store.stageBlock(batch, block, receipts);
        store.stageCanonical(batch, block);
        batch.commit();
      }
    }
    // headfcu.json makes the last block head, safe and finalized.
    Block head = blocks.get(blocks.size() - 1);
    try (WriteBatch batch = kv.newBatch()) {
      store.stageMarkers(batch, head.header(), head.header(), head.header());
      batch.commit();
    }
    pool = new TransactionPool(TxPoolConfig.DEFAULT, spec, head.header(), states.at(genesisRoot));
  }

  /** Receipts by block number and index from the receipt fixtures' responses. */
  private static Map<Long, Map<Integer, JsonNode>> knownReceipts(Path tests) throws IOException {
    Map<Long, Map<Integer, JsonNode>> out = new HashMap<>();
    for (String folder : List.of("eth_getTransactionReceipt", "eth_getBlockReceipts")) {
      for (Fixture fixture : Fixture.all(tests.resolve(folder))) {
        for (JsonNode response : fixture.responses()) {
          JsonNode result = response.get("result");
          if (result == null || result.isNull()) {
            continue;
          }
          for (JsonNode receipt : result.isArray() ? result : List.of(result)) {
            out.computeIfAbsent(
                    Long.decode(receipt.get("blockNumber").asText()), n -> new TreeMap<>())
                .put(Integer.decode(receipt.get("transactionIndex").asText()), receipt);
          }
        }
      }
    }
    return out;
  }

  /**
   * A block's receipts: the known ones as given; unknown ones before a known one are placeholders
   * whose cumulative gas and log count lead exactly to it.
   */
  private static List<Receipt> receipts(Block block, Map<Integer, JsonNode> known) {
    int count = block.transactions().size();
    Receipt[] receipts = new Receipt[count];
    long nextCumulative = 0;
    int nextLogIndex = 0;
    for (int i = 0; i < count; i++) {
      JsonNode json = known.get(i);
      if (json != null) {
        receipts[i] = fromJson(json);
        nextCumulative = receipts[i].cumulativeGasUsed();
        nextLogIndex += receipts[i].logs().size();
        continue;
      }
      // A placeholder: find the next known receipt to stay consistent with it.
      JsonNode following = null;
      int followingIndex = -1;
      for (int j = i + 1; j < count; j++) {
        if (known.containsKey(j)) {
          following = known.get(j);
          followingIndex = j;
          break;
        }
      }
      long cumulative = nextCumulative + 21_000;
      int logs = 0;
      if (following != null && followingIndex == i + 1) {
        cumulative =
            Long.decode(following.get("cumulativeGasUsed").asText())
                - Long.decode(following.get("gasUsed").asText());
        JsonNode followingLogs = following.get("logs");
        if (!followingLogs.isEmpty()) {
          logs = Integer.decode(followingLogs.get(0).get("logIndex").asText()) - nextLogIndex;
        }
      }
      List<Log> placeholders = new ArrayList<>();
      for (int k = 0; k < logs; k++) {
        placeholders.add(new Log(Address.ZERO, List.of(), Bytes.EMPTY));
      }
      receipts[i] = Receipt.of(block.transactions().get(i).type(), true, cumulative, placeholders);
      nextCumulative = cumulative;
      nextLogIndex += logs;
    }
    return List.of(receipts);
  }

  private static Receipt fromJson(JsonNode json) {
    List<Log> logs = new ArrayList<>();
    for (JsonNode log : json.get("logs")) {
      List<Hash> topics = new ArrayList<>();
      log.get("topics").forEach(t -> topics.add(Hash.fromHex(t.asText())));
      logs.add(
          new Log(
              Address.fromHex(log.get("address").asText()),
              topics,
              Bytes.fromHexString(log.get("data").asText())));
    }
    TransactionType type =
        TransactionType.fromTypeByte(Integer.decode(json.get("type").asText())).orElseThrow();
    return Receipt.of(
        type,
        "0x1".equals(json.path("status").asText()),
        Long.decode(json.get("cumulativeGasUsed").asText()),
        logs);
  }

  static final ObjectMapper JSON = new ObjectMapper();
}
