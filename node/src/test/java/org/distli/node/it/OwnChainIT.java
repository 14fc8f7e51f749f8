package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.distli.node.cli.DistliCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;
import picocli.CommandLine;

/**
 * A chain of one's own: a validator key made with {@code distli key new}, a genesis file naming it,
 * blocks every second sealed by that key, and a keystore that refuses a wrong password.
 */
class OwnChainIT {
  private static final long CHAIN_ID = 4242;
  private static final Credentials FUNDED =
      Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  @TempDir Path dir;

  private String newKey(Path keystore, Path password) {
    StringWriter out = new StringWriter();
    CommandLine cli = DistliCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    assertEquals(
        0,
        cli.execute(
            "key",
            "new",
            "--keystore",
            keystore.toString(),
            "--password-file",
            password.toString()),
        out.toString());
    String line =
        out.toString().lines().filter(l -> l.startsWith("Address:")).findFirst().orElseThrow();
    return line.substring("Address:".length()).trim();
  }

  @Test
  void aGenesisWithOneValidatorProducesFinalBlocksSealedByItsKey() throws Exception {
    Path password = dir.resolve("password");
    Files.writeString(password, "correct horse battery staple\n");
    Path keystore = dir.resolve("validator.json");
    String validator = newKey(keystore, password);
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(
        genesis,
        """
        {"chainId": %d, "consensus": "pos", "blockTime": 1, "emptyBlocks": "produce",
         "validators": [{"address": "%s", "stake": "32000000000000000000"}],
         "initialState": {"%s": {"balance": "1000000000000000000000"}}}
        """
            .formatted(CHAIN_ID, validator, FUNDED.getAddress()));

    NodeProcess node =
        NodeProcess.withArgs(
            dir.resolve("node"),
            "--genesis",
            genesis.toString(),
            "--validator-key-file",
            keystore.toString(),
            "--validator-password-file",
            password.toString());
    try (node) {
      node.start();
      Web3j web3 = node.web3j();
      assertEquals(BigInteger.valueOf(CHAIN_ID), web3.ethChainId().send().getChainId());
      awaitBlock(web3, 2);
      EthBlock.Block first =
          web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.ONE), false)
              .send()
              .getBlock();
      assertEquals(validator.toLowerCase(), first.getMiner().toLowerCase());
      assertTrue(first.getTransactions().isEmpty(), "empty slots produce blocks on this chain");

      RawTransaction raw =
          RawTransaction.createEtherTransaction(
              CHAIN_ID,
              BigInteger.ZERO,
              BigInteger.valueOf(21_000),
              validator,
              BigInteger.TEN.pow(18),
              BigInteger.TEN.pow(9),
              BigInteger.TEN.pow(11));
      String hash =
          web3.ethSendRawTransaction(
                  Numeric.toHexString(TransactionEncoder.signMessage(raw, CHAIN_ID, FUNDED)))
              .send()
              .getTransactionHash();
      TransactionReceipt receipt = awaitReceipt(web3, hash);
      assertEquals("0x1", receipt.getStatus());
      assertTrue(
          web3.ethGetBalance(validator, DefaultBlockParameterName.LATEST)
                  .send()
                  .getBalance()
                  .compareTo(BigInteger.TEN.pow(18))
              > 0,
          "the validator received the transfer and the priority fees");
      node.stop();
    }

    Files.writeString(password, "wrong\n");
    NodeProcess wrongPassword =
        NodeProcess.withArgs(
            dir.resolve("node"),
            "--genesis",
            genesis.toString(),
            "--validator-key-file",
            keystore.toString(),
            "--validator-password-file",
            password.toString());
    try (wrongPassword) {
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, wrongPassword::start);
      assertTrue(refused.getMessage().contains("wrong password"), refused.getMessage());
      assertTrue(!refused.getMessage().contains("correct horse"), "no password in the output");
    }

    // A mistyped key file is refused rather than replaced by a new key that is no validator.
    NodeProcess typo =
        NodeProcess.withArgs(
            dir.resolve("node"),
            "--genesis",
            genesis.toString(),
            "--validator-key-file",
            dir.resolve("valdator.json").toString(),
            "--validator-password-file",
            password.toString());
    try (typo) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, typo::start);
      assertTrue(refused.getMessage().contains("no validator keystore at"), refused.getMessage());
      assertTrue(!Files.exists(dir.resolve("valdator.json")), "no key was created");
    }

    // The same data directory under an edited genesis (another chain id) is refused.
    Path edited = dir.resolve("edited.json");
    Files.writeString(
        edited,
        Files.readString(genesis).replace("\"chainId\": " + CHAIN_ID + ",", "\"chainId\": 1,"));
    Files.writeString(password, "correct horse battery staple\n");
    NodeProcess otherRules =
        NodeProcess.withArgs(
            dir.resolve("node"),
            "--genesis",
            edited.toString(),
            "--validator-key-file",
            keystore.toString(),
            "--validator-password-file",
            password.toString());
    try (otherRules) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, otherRules::start);
      assertTrue(
          refused.getMessage().contains("differs from the one this database was created with"),
          refused.getMessage());
    }
  }

  @Test
  void aGethGenesisWithoutValidatorsIsSealedByAKeyCreatedOnFirstStart() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(
        genesis,
        """
        {"config": {"chainId": %d, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0,
           "eip158Block": 0, "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0,
           "istanbulBlock": 0, "berlinBlock": 0, "londonBlock": 0, "terminalTotalDifficulty": 0,
           "shanghaiTime": 0, "cancunTime": 0},
         "gasLimit": "0x1c9c380", "difficulty": "0x0", "baseFeePerGas": "0x3b9aca00",
         "alloc": {"%s": {"balance": "0x3635c9adc5dea00000"}}}
        """
            .formatted(CHAIN_ID, FUNDED.getAddress().substring(2)));
    Path data = dir.resolve("node").resolve("data");
    NodeProcess node =
        NodeProcess.withArgs(dir.resolve("node"), "--genesis", genesis.toString())
            .withEnv("DISTLI_VALIDATOR_PASSWORD", "from the environment")
            .withArgs("--producer-automine", "true");
    try (node) {
      node.start();
      Path keystore = data.resolve("keystore").resolve("validator.json");
      assertTrue(Files.exists(keystore), "keystore created on first start");
      assertTrue(!node.log().contains("from the environment"), "no password in the log");
      Web3j web3 = node.web3j();
      RawTransaction raw =
          RawTransaction.createEtherTransaction(
              CHAIN_ID,
              BigInteger.ZERO,
              BigInteger.valueOf(21_000),
              "0x000000000000000000000000000000000000dEaD",
              BigInteger.ONE,
              BigInteger.TEN.pow(9),
              BigInteger.TEN.pow(11));
      String hash =
          web3.ethSendRawTransaction(
                  Numeric.toHexString(TransactionEncoder.signMessage(raw, CHAIN_ID, FUNDED)))
              .send()
              .getTransactionHash();
      TransactionReceipt receipt = awaitReceipt(web3, hash);
      String created = Files.readString(keystore);
      String address =
          "0x"
              + created.replaceAll(
                  "(?s).*\"address\"\\s*:\\s*\"(?:0x)?([0-9a-fA-F]{40})\".*", "$1");
      EthBlock.Block block =
          web3.ethGetBlockByHash(receipt.getBlockHash(), false).send().getBlock();
      assertEquals(address.toLowerCase(), block.getMiner().toLowerCase());
      node.stop();
      node.start();
      assertTrue(node.log().contains("Validator key " + address.toLowerCase()), node.logTail());
    }
  }

  private static void awaitBlock(Web3j web3, long number) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (web3.ethBlockNumber().send().getBlockNumber().longValue() < number) {
      assertTrue(System.nanoTime() < deadline, "block " + number + " within 30 s");
      Thread.sleep(100);
    }
  }

  private static TransactionReceipt awaitReceipt(Web3j web3, String hash) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> receipt =
          web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no receipt for " + hash);
  }
}
