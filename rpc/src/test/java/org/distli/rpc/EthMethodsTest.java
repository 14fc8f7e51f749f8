package org.distli.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.Block;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.rpc.TestChain.Included;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.junit.jupiter.api.Test;

class EthMethodsTest {
  private static final Address ALICE = TestBlocks.ALICE.address();
  private static final Address BOB = Address.fromHex("0x00000000000000000000000000000000000000b0");
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000000c0");
  private static final Hash TOPIC =
      Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

  private final TestChain chain = TestChain.funded();
  private final InProcessRpc rpc = chain.rpc();

  private Transaction transfer(long nonce) {
    return TestBlocks.transfer(nonce, BOB);
  }

  private Transaction create(long nonce) {
    return Transaction.builder(TransactionType.DYNAMIC_FEE)
        .nonce(nonce)
        .maxPriorityFeePerGas(Wei.of(2_000_000_000L))
        .maxFeePerGas(Wei.of(2_500_000_000L))
        .gasLimit(200_000)
        .data(Bytes.fromHexString("0x6000"))
        .sign(TestBlocks.ALICE, TestChain.CHAIN_ID);
  }

  /** Block 1: a transfer, a creation and a transfer with two logs; Bob gets 1 wei. */
  private Block blockOne() {
    return chain.append(
        List.of(
            Included.ok(transfer(0), 21_000),
            Included.ok(create(1), 53_000, TestBlocks.log(TOKEN, TOPIC)),
            Included.ok(transfer(2), 30_000, TestBlocks.log(TOKEN, TOPIC), TestBlocks.log(BOB))),
        state -> {
          state.setBalance(BOB, Wei.of(1));
          state.setNonce(ALICE, 3);
          state.setCode(TOKEN, Bytes.fromHexString("0x6001600055"));
          state.setStorage(TOKEN, UInt256.valueOf(1), UInt256.valueOf(0x2a));
        });
  }

  private String quoted(Object value) {
    return "\"" + value + "\"";
  }

  @Test
  void blockNumberFollowsTheHead() {
    assertEquals("0x0", rpc.result("eth_blockNumber", "[]").asText());
    blockOne();
    assertEquals("0x1", rpc.result("eth_blockNumber", "[]").asText());
  }

  @Test
  void stateReadsAtBlocksTagsHashesAndEip1898Objects() {
    Block one = blockOne();
    assertEquals("0x1", rpc.result("eth_getBalance", "[" + quoted(BOB) + ",\"latest\"]").asText());
    assertEquals("0x1", rpc.result("eth_getBalance", "[" + quoted(BOB) + "]").asText());
    assertEquals("0x0", rpc.result("eth_getBalance", "[" + quoted(BOB) + ",\"0x0\"]").asText());
    assertEquals(
        "0x0",
        rpc.result("eth_getBalance", "[" + quoted(BOB) + ",{\"blockNumber\":\"0x0\"}]").asText());
    assertEquals(
        "0x1",
        rpc.result(
                "eth_getBalance",
                "[" + quoted(BOB) + ",{\"blockHash\":" + quoted(one.hash()) + "}]")
            .asText());
    assertEquals(
        "0x56bc75e2d63100000",
        rpc.result("eth_getBalance", "[" + quoted(ALICE) + ",\"earliest\"]").asText());
    assertEquals(
        "0x3",
        rpc.result("eth_getTransactionCount", "[" + quoted(ALICE) + ",\"latest\"]").asText());
    assertEquals(
        "0x6001600055", rpc.result("eth_getCode", "[" + quoted(TOKEN) + ",\"latest\"]").asText());
    assertEquals("0x", rpc.result("eth_getCode", "[" + quoted(BOB) + ",\"latest\"]").asText());
    assertEquals(
        "0x000000000000000000000000000000000000000000000000000000000000002a",
        rpc.result("eth_getStorageAt", "[" + quoted(TOKEN) + ",\"0x1\",\"latest\"]").asText());
  }

  @Test
  void stateReadsOfMissingBlocksAndBadArgumentsFailLikeGeth() {
    JsonNode future = rpc.reply("eth_getBalance", "[" + quoted(BOB) + ",\"0x10\"]");
    assertEquals(-32000, future.at("/error/code").asInt());
    assertEquals("header not found", future.at("/error/message").asText());
    JsonNode badAddress = rpc.reply("eth_getBalance", "[\"0x1234\",\"latest\"]");
    assertEquals(-32602, badAddress.at("/error/code").asInt());
    assertEquals(
        "invalid argument 0: hex string has length 4, want 40 for common.Address",
        badAddress.at("/error/message").asText());
    JsonNode decimalBlock = rpc.reply("eth_getBalance", "[" + quoted(BOB) + ",\"3\"]");
    assertEquals(
        "invalid argument 1: hex string without 0x prefix",
        decimalBlock.at("/error/message").asText());
    // From execution-apis eth_getStorageAt/get-storage-invalid-key*.io.
    JsonNode badKey =
        rpc.reply("eth_getStorageAt", "[" + quoted(TOKEN) + ",\"0xasdf\",\"latest\"]");
    assertEquals(-32602, badKey.at("/error/code").asInt());
    assertEquals("invalid hex in storage key: \"0xasdf\"", badKey.at("/error/message").asText());
    String tooLong = "0x" + "0".repeat(65);
    JsonNode longKey =
        rpc.reply("eth_getStorageAt", "[" + quoted(TOKEN) + "," + quoted(tooLong) + ",\"latest\"]");
    assertEquals(
        "storage key too long (want at most 32 bytes): \"" + tooLong + "\"",
        longKey.at("/error/message").asText());
  }

  @Test
  void blocksCarryGethsFieldsAndTransactionsAsHashesOrObjects() {
    Block one = blockOne();
    JsonNode block = rpc.result("eth_getBlockByNumber", "[\"0x1\",false]");
    List<String> keys = new ArrayList<>();
    block.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "baseFeePerGas",
            "blobGasUsed",
            "difficulty",
            "excessBlobGas",
            "extraData",
            "gasLimit",
            "gasUsed",
            "hash",
            "logsBloom",
            "miner",
            "mixHash",
            "nonce",
            "number",
            "parentBeaconBlockRoot",
            "parentHash",
            "receiptsRoot",
            "sha3Uncles",
            "size",
            "stateRoot",
            "timestamp",
            "transactions",
            "transactionsRoot",
            "uncles",
            "withdrawals",
            "withdrawalsRoot"),
        keys);
    assertEquals(one.hash().toHexString(), block.get("hash").asText());
    assertEquals("0x0000000000000000", block.get("nonce").asText());
    assertEquals(Hex.quantity(one.size()), block.get("size").asText());
    assertEquals(
        one.transactions().get(0).hash().toHexString(), block.at("/transactions/0").asText());
    JsonNode full = rpc.result("eth_getBlockByHash", "[" + quoted(one.hash()) + ",true]");
    JsonNode tx = full.at("/transactions/1");
    assertEquals("0x2", tx.get("type").asText());
    assertEquals("0x1", tx.get("transactionIndex").asText());
    assertTrue(tx.get("to").isNull(), "a creation has no recipient");
    assertEquals(tx.get("v").asText(), tx.get("yParity").asText());
    // Effective price: min(fee cap 2.5 gwei, base fee 1 gwei + tip 2 gwei).
    assertEquals("0x9502f900", tx.get("gasPrice").asText());
    assertTrue(rpc.result("eth_getBlockByNumber", "[\"0x5\",false]").isNull());
    assertTrue(rpc.result("eth_getBlockByHash", "[" + quoted(Hash.ZERO) + ",false]").isNull());
    assertEquals(
        "0x3", rpc.result("eth_getBlockTransactionCountByNumber", "[\"latest\"]").asText());
    assertEquals(
        "0x3",
        rpc.result("eth_getBlockTransactionCountByHash", "[" + quoted(one.hash()) + "]").asText());
    assertEquals("0x0", rpc.result("eth_getUncleCountByBlockNumber", "[\"0x1\"]").asText());
    assertTrue(rpc.result("eth_getUncleByBlockNumberAndIndex", "[\"0x1\",\"0x0\"]").isNull());
    JsonNode badIndex = rpc.reply("eth_getUncleByBlockHashAndIndex", "[\"0x1\",\"0x0\"]");
    assertEquals(-32602, badIndex.at("/error/code").asInt(), "the hash argument is checked");
    assertEquals(
        "0x0", rpc.result("eth_getBlockByNumber", "[\"earliest\",false]").get("number").asText());
  }

  @Test
  void transactionsAreFoundByHashAndByPosition() {
    Block one = blockOne();
    Transaction second = one.transactions().get(1);
    JsonNode byHash = rpc.result("eth_getTransactionByHash", "[" + quoted(second.hash()) + "]");
    assertEquals(one.hash().toHexString(), byHash.get("blockHash").asText());
    assertEquals(ALICE.toHexString(), byHash.get("from").asText());
    assertEquals("0x6000", byHash.get("input").asText());
    assertEquals(
        byHash,
        rpc.result(
            "eth_getTransactionByBlockHashAndIndex", "[" + quoted(one.hash()) + ",\"0x1\"]"));
    assertEquals(
        byHash, rpc.result("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x1\"]"));
    assertTrue(rpc.result("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x3\"]").isNull());
    assertTrue(rpc.result("eth_getTransactionByHash", "[" + quoted(Hash.ZERO) + "]").isNull());
  }

  @Test
  void receiptsDeriveGasPricesIndexesAndContractAddresses() {
    Block one = blockOne();
    JsonNode creation =
        rpc.result(
            "eth_getTransactionReceipt", "[" + quoted(one.transactions().get(1).hash()) + "]");
    assertEquals(Hex.quantity(53_000), creation.get("gasUsed").asText());
    assertEquals(Hex.quantity(74_000), creation.get("cumulativeGasUsed").asText());
    assertEquals("0x9502f900", creation.get("effectiveGasPrice").asText());
    assertEquals("0x1", creation.get("status").asText());
    assertEquals("0x2", creation.get("type").asText());
    // The creation's address from its sender and nonce 1.
    assertEquals(
        org.distli.evm.interpreter.Evm.createAddress(ALICE, 1).toHexString(),
        creation.get("contractAddress").asText());
    assertEquals("0x0", creation.at("/logs/0/logIndex").asText());
    JsonNode third =
        rpc.result(
            "eth_getTransactionReceipt", "[" + quoted(one.transactions().get(2).hash()) + "]");
    assertEquals("0x1", third.at("/logs/0/logIndex").asText(), "log indexes run over the block");
    assertEquals("0x2", third.at("/logs/1/logIndex").asText());
    assertEquals("0x2", third.at("/logs/1/transactionIndex").asText());
    assertTrue(third.get("contractAddress").isNull());
    JsonNode all = rpc.result("eth_getBlockReceipts", "[\"latest\"]");
    assertEquals(3, all.size());
    assertEquals(third, all.get(2));
    assertTrue(rpc.result("eth_getBlockReceipts", "[\"0x9\"]").isNull());
  }

  @Test
  void rawTransactionsEnterThePoolAndShowAsPending() {
    Transaction tx = transfer(0);
    assertEquals(
        tx.hash().toHexString(),
        rpc.result("eth_sendRawTransaction", "[" + quoted(tx.encoded()) + "]").asText());
    JsonNode pending = rpc.result("eth_getTransactionByHash", "[" + quoted(tx.hash()) + "]");
    assertTrue(pending.get("blockHash").isNull());
    assertTrue(pending.get("transactionIndex").isNull());
    assertEquals(
        "0x1",
        rpc.result("eth_getTransactionCount", "[" + quoted(ALICE) + ",\"pending\"]").asText());
    assertEquals(
        "0x0",
        rpc.result("eth_getTransactionCount", "[" + quoted(ALICE) + ",\"latest\"]").asText());
    JsonNode again = rpc.reply("eth_sendRawTransaction", "[" + quoted(tx.encoded()) + "]");
    assertEquals(-32000, again.at("/error/code").asInt());
    assertEquals("already known", again.at("/error/message").asText());
    JsonNode garbage = rpc.reply("eth_sendRawTransaction", "[\"0x01\"]");
    assertEquals(-32000, garbage.at("/error/code").asInt());
    JsonNode status = rpc.result("txpool_status", "[]");
    assertEquals("0x1", status.get("pending").asText());
    JsonNode content = rpc.result("txpool_content", "[]");
    assertEquals(
        tx.hash().toHexString(),
        content.at("/pending/" + ALICE.toChecksumString() + "/0/hash").asText());
    assertEquals(
        BOB.toChecksumString() + ": 1 wei + 100000 gas × 3000000000 wei",
        rpc.result("txpool_inspect", "[]")
            .at("/pending/" + ALICE.toChecksumString() + "/0")
            .asText());
  }

  @Test
  void transactionsWithoutReplayProtectionAreRefusedUnlessAllowed() {
    Transaction unprotected =
        Transaction.builder(TransactionType.LEGACY)
            .nonce(0)
            .gasPrice(Wei.of(3_000_000_000L))
            .gasLimit(21_000)
            .to(BOB)
            .value(Wei.of(1))
            .signWithoutReplayProtection(TestBlocks.ALICE);
    String params = "[" + quoted(unprotected.encoded()) + "]";
    JsonNode refused = rpc.reply("eth_sendRawTransaction", params);
    assertEquals(-32000, refused.at("/error/code").asInt());
    assertEquals(
        "only replay-protected (EIP-155) transactions allowed over RPC",
        refused.at("/error/message").asText());
    assertEquals("0x0", rpc.result("txpool_status", "[]").get("pending").asText());

    InProcessRpc allowing =
        new InProcessRpc(
            RpcMethods.all(
                    chain.backend(UnlockedAccounts.NONE),
                    ApiLimits.DEFAULT.withUnprotectedTransactions(true),
                    chain.filters,
                    chain.subscriptions)
                .build(RpcConfig.ALL_NAMESPACES));
    assertEquals(
        unprotected.hash().toHexString(),
        allowing.result("eth_sendRawTransaction", params).asText());
  }

  @Test
  void staleNoncesAreRefusedWithGethsWording() {
    blockOne();
    JsonNode reply = rpc.reply("eth_sendRawTransaction", "[" + quoted(transfer(1).encoded()) + "]");
    assertEquals(-32000, reply.at("/error/code").asInt());
    assertTrue(reply.at("/error/message").asText().startsWith("nonce too low"), reply.toString());
  }

  @Test
  void logsByRangeHashAddressAndTopic() {
    Block one = blockOne();
    chain.append(List.of(), state -> {});
    JsonNode all = rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\"}]");
    assertEquals(3, all.size());
    JsonNode byTopic =
        rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"topics\":[" + quoted(TOPIC) + "]}]");
    assertEquals(2, byTopic.size(), "without toBlock the range ends at latest");
    assertEquals(0, rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x2\"}]").size());
    JsonNode backwards =
        rpc.reply("eth_newFilter", "[{\"fromBlock\":\"0x5\",\"toBlock\":\"0x2\"}]");
    assertEquals(-32602, backwards.at("/error/code").asInt(), backwards.toString());
    assertEquals("invalid block range params", backwards.at("/error/message").asText());
    assertTrue(
        rpc.result("eth_newFilter", "[{\"fromBlock\":\"0x50\"}]").isTextual(),
        "a filter may start at a future block");
    JsonNode ranged =
        rpc.result(
            "eth_getLogs",
            "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x2\",\"address\":["
                + quoted(TOKEN)
                + "],\"topics\":["
                + quoted(TOPIC)
                + "]}]");
    assertEquals(2, ranged.size());
    JsonNode byHash = rpc.result("eth_getLogs", "[{\"blockHash\":" + quoted(one.hash()) + "}]");
    assertEquals(3, byHash.size());
    assertEquals(one.hash().toHexString(), byHash.at("/2/blockHash").asText());
    assertFalse(byHash.at("/2/removed").asBoolean());
  }

  @Test
  void logRangeErrorsMatchTheExecutionApisFixtures() {
    blockOne();
    JsonNode reversed = rpc.reply("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x0\"}]");
    assertEquals(-32602, reversed.at("/error/code").asInt());
    assertEquals("invalid block range params", reversed.at("/error/message").asText());
    JsonNode future = rpc.reply("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x9\"}]");
    assertEquals(-32602, future.at("/error/code").asInt());
    assertEquals(
        "block range extends beyond current head block", future.at("/error/message").asText());
    JsonNode both =
        rpc.reply(
            "eth_getLogs", "[{\"blockHash\":" + quoted(Hash.ZERO) + ",\"fromBlock\":\"0x1\"}]");
    assertEquals(
        "invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock, choose one or"
            + " the other",
        both.at("/error/message").asText());
  }

  @Test
  void pollingFiltersReportBlocksLogsAndPendingTransactions() {
    String blocks = rpc.result("eth_newBlockFilter", "[]").asText();
    String logs = rpc.result("eth_newFilter", "[{\"address\":" + quoted(TOKEN) + "}]").asText();
    String pending = rpc.result("eth_newPendingTransactionFilter", "[]").asText();
    Transaction tx = transfer(0);
    rpc.result("eth_sendRawTransaction", "[" + quoted(tx.encoded()) + "]");
    assertEquals(
        "[\"" + tx.hash() + "\"]",
        rpc.result("eth_getFilterChanges", "[" + quoted(pending) + "]").toString());
    Block one = blockOne();
    assertEquals(
        "[\"" + one.hash() + "\"]",
        rpc.result("eth_getFilterChanges", "[" + quoted(blocks) + "]").toString());
    JsonNode logChanges = rpc.result("eth_getFilterChanges", "[" + quoted(logs) + "]");
    assertEquals(2, logChanges.size());
    assertEquals(0, rpc.result("eth_getFilterChanges", "[" + quoted(logs) + "]").size());
    assertEquals(2, rpc.result("eth_getFilterLogs", "[" + quoted(logs) + "]").size());
    assertTrue(rpc.result("eth_uninstallFilter", "[" + quoted(logs) + "]").asBoolean());
    JsonNode gone = rpc.reply("eth_getFilterChanges", "[" + quoted(logs) + "]");
    assertEquals(-32000, gone.at("/error/code").asInt());
    assertEquals("filter not found", gone.at("/error/message").asText());
  }

  @Test
  void feesFollowTheBaseFeeAndRecentTips() {
    assertEquals("0x3b9aca00", rpc.result("eth_maxPriorityFeePerGas", "[]").asText());
    assertEquals(
        "0x77359400", rpc.result("eth_gasPrice", "[]").asText(), "1 gwei base + 1 gwei tip");
    blockOne();
    // Tips in block 1: 1 gwei, 1.5 gwei (capped by the fee cap), 1 gwei.
    assertEquals("0x3b9aca00", rpc.result("eth_maxPriorityFeePerGas", "[]").asText());
    JsonNode history = rpc.result("eth_feeHistory", "[\"0x2\",\"latest\",[10,90]]");
    assertEquals("0x0", history.get("oldestBlock").asText());
    assertEquals(3, history.get("baseFeePerGas").size(), "one more than blocks: the next one's");
    assertEquals(2, history.get("gasUsedRatio").size());
    assertEquals(2, history.get("reward").size());
    assertEquals("[\"0x0\",\"0x0\"]", history.at("/reward/0").toString(), "genesis is empty");
    assertEquals("[\"0x3b9aca00\",\"0x59682f00\"]", history.at("/reward/1").toString());
    assertEquals(3, history.get("baseFeePerBlobGas").size());
    assertEquals("0x1", rpc.result("eth_feeHistory", "[1,\"latest\"]").get("oldestBlock").asText());
    assertFalse(rpc.result("eth_feeHistory", "[1,\"latest\"]").has("reward"));
  }

  @Test
  void proofsVerifyAgainstTheBlocksStateRoot() {
    Block one = blockOne();
    JsonNode proof =
        rpc.result(
            "eth_getProof",
            "[" + quoted(TOKEN) + ",[\"0x1\",\"0x" + "0".repeat(63) + "2\"],\"latest\"]");
    assertEquals(TOKEN.toHexString(), proof.get("address").asText());
    assertEquals("0x0", proof.get("balance").asText());
    assertEquals("0x1", proof.at("/storageProof/0/key").asText(), "short keys echo as quantities");
    assertEquals("0x2a", proof.at("/storageProof/0/value").asText());
    assertEquals("0x" + "0".repeat(63) + "2", proof.at("/storageProof/1/key").asText());
    assertEquals("0x0", proof.at("/storageProof/1/value").asText());
    List<Bytes> accountProof = new ArrayList<>();
    proof.get("accountProof").forEach(n -> accountProof.add(Bytes.fromHexString(n.asText())));
    List<org.distli.state.StateProof.StorageProof> slots = new ArrayList<>();
    for (JsonNode slot : proof.get("storageProof")) {
      List<Bytes> nodes = new ArrayList<>();
      slot.get("proof").forEach(n -> nodes.add(Bytes.fromHexString(n.asText())));
      slots.add(
          new org.distli.state.StateProof.StorageProof(
              UInt256.fromHexString(slot.get("key").asText()),
              UInt256.fromHexString(slot.get("value").asText()),
              nodes));
    }
    org.distli.primitives.Account account =
        new org.distli.primitives.Account(
            Long.decode(proof.get("nonce").asText()),
            Wei.parse(proof.get("balance").asText()),
            Hash.fromHex(proof.get("storageHash").asText()),
            Hash.fromHex(proof.get("codeHash").asText()));
    new org.distli.state.StateProof(TOKEN, account, accountProof, slots)
        .verify(one.header().stateRoot());
    JsonNode absent =
        rpc.result(
            "eth_getProof", "[\"0x00000000000000000000000000000000000000ff\",[],\"latest\"]");
    assertEquals(Hash.ZERO.toHexString(), absent.get("storageHash").asText(), "as go-ethereum");
    assertEquals(Hash.ZERO.toHexString(), absent.get("codeHash").asText());
  }

  @Test
  void web3AndNetDescribeTheNode() {
    assertEquals("Distli/test", rpc.result("web3_clientVersion", "[]").asText());
    assertEquals(
        "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        rpc.result("web3_sha3", "[\"0x\"]").asText());
    assertEquals("1337", rpc.result("net_version", "[]").asText());
    assertEquals("0x539", rpc.result("eth_chainId", "[]").asText());
    assertFalse(rpc.result("eth_syncing", "[]").asBoolean());
    assertEquals("0x0", rpc.result("net_peerCount", "[]").asText());
    assertTrue(rpc.result("net_listening", "[]").asBoolean());
    assertEquals(Map.of(), Map.of());
  }
}
