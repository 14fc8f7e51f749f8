package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The dev node as a wallet or script uses it: transfers and a contract over JSON-RPC with web3j, a
 * graceful restart that keeps everything, and a crash under load after which chain and state still
 * agree.
 */
class DevNodeIT {
  private static final long CHAIN_ID = 1337;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  /** Hardhat's and Anvil's first ten dev keys (m/44'/60'/0'/0/i of "test test ... junk"). */
  private static final List<String> DEV_KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
          "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
          "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
          "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
          "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
          "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

  /**
   * A storage contract in raw bytecode: the constructor stores 42 in slot 0; a call without data
   * returns slot 0, a call with data stores its first word there.
   */
  private static final String RUNTIME = "0x36600f5760005460005260206000f35b60003560005500";

  private static final String INIT = "0x602a6000556017601160003960176000f3" + RUNTIME.substring(2);

  private static final String SINK = "0x000000000000000000000000000000000000dEaD";

  @TempDir Path dir;

  @Test
  void transfersAndAContractSurviveAGracefulRestart() throws Exception {
    Credentials alice = Credentials.create(DEV_KEYS.get(0));
    Credentials bob = Credentials.create(DEV_KEYS.get(1));
    try (NodeProcess node = NodeProcess.dev(dir).start()) {
      Web3j web3 = node.web3j();
      assertEquals(BigInteger.valueOf(CHAIN_ID), web3.ethChainId().send().getChainId());
      String banner = node.log();
      assertTrue(banner.contains("Account #0: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), banner);
      assertTrue(banner.contains("Private Key: " + DEV_KEYS.get(0)), banner);
      assertTrue(banner.contains("http://127.0.0.1:" + node.rpcPort()), banner);

      List<String> hashes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        hashes.add(send(web3, alice, i, bob.getAddress(), ETHER, ""));
      }
      String deployment = send(web3, alice, 3, null, BigInteger.ZERO, INIT);
      Map<String, TransactionReceipt> receipts = new HashMap<>();
      for (String hash : hashes) {
        TransactionReceipt receipt = awaitReceipt(web3, hash);
        assertEquals("0x1", receipt.getStatus());
        receipts.put(hash, receipt);
      }
      TransactionReceipt deployed = awaitReceipt(web3, deployment);
      assertEquals("0x1", deployed.getStatus());
      String contract = deployed.getContractAddress();
      assertNotNull(contract);
      assertEquals(
          RUNTIME, web3.ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode());
      assertEquals(BigInteger.valueOf(42), callValue(web3, contract));

      String store = send(web3, bob, 0, contract, BigInteger.ZERO, "0x" + "00".repeat(31) + "07");
      receipts.put(store, awaitReceipt(web3, store));
      receipts.put(deployment, deployed);
      assertEquals(BigInteger.valueOf(7), callValue(web3, contract));

      BigInteger headNumber = web3.ethBlockNumber().send().getBlockNumber();
      var health = node.get("/health");
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"number\":" + headNumber), health.body());
      String metrics = node.metrics();
      assertTrue(metrics.contains("distli_chain_head_block " + headNumber + ".0"), metrics);
      assertTrue(
          metrics.contains(
              "distli_rpc_requests_total{method=\"eth_sendRawTransaction\",outcome=\"success\"}"),
          metrics);
      assertEquals(
          block(web3, headNumber).getHash(),
          web3.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false)
              .send()
              .getBlock()
              .getHash(),
          "a committed block is final");
      String headHash = block(web3, headNumber).getHash();
      BigInteger aliceBalance = balance(web3, alice.getAddress());
      BigInteger bobBalance = balance(web3, bob.getAddress());
      assertTrue(bobBalance.compareTo(ETHER.multiply(BigInteger.valueOf(10_002))) > 0);

      int exit = node.stop();
      assertTrue(exit == 0 || exit == 143, "exit code " + exit);
      assertTrue(node.log().contains("Stopped"), node.logTail());

      // The chain tools open the node's database: export it and import it into a fresh one, which
      // checks every block's proof-of-stake seals again.
      Path exported = dir.resolve("chain.rlp");
      assertEquals(
          0, distli("export", exported.toString(), "--data-dir", node.dataDir().toString()));
      assertEquals(
          0, distli("import", exported.toString(), "--data-dir", dir.resolve("copy").toString()));

      node.start();
      web3 = node.web3j();
      assertEquals(headNumber, web3.ethBlockNumber().send().getBlockNumber());
      assertEquals(headHash, block(web3, headNumber).getHash());
      assertEquals(aliceBalance, balance(web3, alice.getAddress()));
      assertEquals(bobBalance, balance(web3, bob.getAddress()));
      assertEquals(BigInteger.valueOf(7), callValue(web3, contract));
      for (Map.Entry<String, TransactionReceipt> before : receipts.entrySet()) {
        TransactionReceipt after = awaitReceipt(web3, before.getKey());
        assertEquals(before.getValue().getBlockHash(), after.getBlockHash());
        assertEquals(before.getValue().getGasUsed(), after.getGasUsed());
        assertEquals(before.getValue().getStatus(), after.getStatus());
        assertEquals(before.getValue().getContractAddress(), after.getContractAddress());
      }
      // The chain goes on after the restart.
      awaitReceipt(web3, send(web3, alice, 4, bob.getAddress(), ETHER, ""));
    }
  }

  @Test
  void afterAKillUnderLoadChainAndStateAgree() throws Exception {
    int senders = 8;
    try (NodeProcess node = NodeProcess.dev(dir).start()) {
      Web3j loadClient = node.web3j();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger accepted = new AtomicInteger();
      ExecutorService load = Executors.newFixedThreadPool(senders);
      for (int s = 0; s < senders; s++) {
        Credentials sender = Credentials.create(DEV_KEYS.get(s));
        load.submit(
            () -> {
              long nonce = 0;
              while (!stop.get()) {
                try {
                  send(loadClient, sender, nonce, SINK, BigInteger.valueOf(nonce + 1), "");
                  nonce++;
                  accepted.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                  return null; // the node is gone
                }
              }
              return null;
            });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (loadClient.ethBlockNumber().send().getBlockNumber().intValue() < 5
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(500);
      node.kill();
      stop.set(true);
      load.shutdown();
      assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
      assertTrue(accepted.get() > senders, "load was running: " + accepted.get());

      node.start();
      Web3j web3 = node.web3j();
      long head = web3.ethBlockNumber().send().getBlockNumber().longValueExact();
      assertTrue(head >= 5, "the chain kept blocks from before the crash: " + head);
      Map<String, Integer> sent = new ConcurrentHashMap<>();
      Map<String, BigInteger> spent = new HashMap<>();
      for (long n = 1; n <= head; n++) {
        EthBlock.Block block = block(web3, BigInteger.valueOf(n), true);
        for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
          EthBlock.TransactionObject tx = (EthBlock.TransactionObject) result.get();
          String from = tx.getFrom().toLowerCase();
          sent.merge(from, 1, Integer::sum);
          TransactionReceipt receipt =
              web3.ethGetTransactionReceipt(tx.getHash())
                  .send()
                  .getTransactionReceipt()
                  .orElse(null);
          assertNotNull(receipt, "receipt of " + tx.getHash() + " in block " + n);
          assertEquals(block.getHash(), receipt.getBlockHash());
          BigInteger fee =
              receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
          spent.merge(from, fee.add(tx.getValue()), BigInteger::add);
        }
      }
      assertTrue(!sent.isEmpty(), "some transfers made it into blocks");
      for (int s = 0; s < senders; s++) {
        String address = Credentials.create(DEV_KEYS.get(s)).getAddress().toLowerCase();
        int count = sent.getOrDefault(address, 0);
        assertEquals(
            BigInteger.valueOf(count),
            web3.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
                .send()
                .getTransactionCount(),
            "nonce of " + address);
        assertEquals(
            ETHER
                .multiply(BigInteger.valueOf(10_000))
                .subtract(spent.getOrDefault(address, BigInteger.ZERO)),
            balance(web3, address),
            "balance of " + address + " after its " + count + " transfers");
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static int distli(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine cli = org.distli.node.cli.DistliCommand.commandLine();
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(out, true));
    int exit = cli.execute(args);
    if (exit != 0) {
      System.err.println(out);
    }
    return exit;
  }

  private static String send(
      Web3j web3, Credentials from, long nonce, String to, BigInteger value, String data)
      throws IOException {
    RawTransaction raw =
        RawTransaction.createTransaction(
            CHAIN_ID,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(data.isEmpty() ? 21_000 : 300_000),
            to == null ? "" : to,
            value,
            data,
            GWEI,
            GWEI.multiply(BigInteger.valueOf(100)));
    String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, CHAIN_ID, from));
    EthSendTransaction sent = web3.ethSendRawTransaction(signed).send();
    if (sent.hasError()) {
      throw new IllegalStateException("eth_sendRawTransaction: " + sent.getError().getMessage());
    }
    return sent.getTransactionHash();
  }

  private static TransactionReceipt awaitReceipt(Web3j web3, String hash) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> receipt =
          web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no receipt for " + hash + " within 60 s");
  }

  /** The contract's slot 0, which its constructor set to 42 and calls with data overwrite. */
  private static BigInteger callValue(Web3j web3, String contract) throws IOException {
    return Numeric.toBigInt(
        web3.ethGetStorageAt(contract, BigInteger.ZERO, DefaultBlockParameterName.LATEST)
            .send()
            .getData());
  }

  private static BigInteger balance(Web3j web3, String address) throws IOException {
    return web3.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private static EthBlock.Block block(Web3j web3, BigInteger number) throws IOException {
    return block(web3, number, false);
  }

  private static EthBlock.Block block(Web3j web3, BigInteger number, boolean full)
      throws IOException {
    return web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), full).send().getBlock();
  }
}
