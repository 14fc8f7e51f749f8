package org.distli.node.cli.trading;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.distli.primitives.Address;
import org.distli.trading.TradingDeployer;
import org.distli.trading.TradingPredeploys;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code distli trading deploy}: deploys the order book and the two demo tokens through a node's
 * JSON-RPC and prints their addresses.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy the order book and two demo tokens over JSON-RPC.",
      "Deploys the OrderBook and two DemoTokens (ALPHA, BETA), lists the markets ALPHA/native and"
          + " BETA/ALPHA, and prints the addresses. The deployer owns the order book."
    })
public final class TradingDeployCommand implements Callable<Integer> {

  @Option(
      names = "--rpc",
      defaultValue = "http://127.0.0.1:8545",
      description = "JSON-RPC endpoint (default: ${DEFAULT-VALUE}).")
  String rpc;

  @ArgGroup(exclusive = true, multiplicity = "1")
  KeySource key;

  static final class KeySource {
    @Option(
        names = "--private-key",
        description =
            "The deployer's private key as hex (visible to other local users; prefer --key-file).")
    String privateKey;

    @Option(names = "--key-file", description = "A file holding the deployer's private key as hex.")
    Path keyFile;
  }

  @Option(
      names = "--holder",
      description = "An account to mint demo tokens to; repeatable (default: the deployer).")
  List<String> holders = new ArrayList<>();

  @Option(
      names = "--token-amount",
      defaultValue = "1000000",
      description =
          "Whole tokens of each demo token minted to every holder (default: ${DEFAULT-VALUE}).")
  BigInteger tokenAmount;

  @Override
  public Integer call() throws Exception {
    Credentials credentials;
    List<Address> mintTo = new ArrayList<>();
    try {
      credentials = Credentials.create(readKey());
      for (String holder : holders) {
        mintTo.add(Address.fromHex(holder));
      }
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("distli trading deploy: " + e.getMessage());
      return 2;
    }
    if (mintTo.isEmpty()) {
      mintTo.add(Address.fromHex(credentials.getAddress()));
    }
    Web3j web3j = Web3j.build(new HttpService(rpc));
    try {
      System.out.println("deploying from " + credentials.getAddress() + " through " + rpc);
      TradingDeployer.Deployment deployment =
          new TradingDeployer(web3j, credentials, System.out::println)
              .deploy(mintTo, tokenAmount.multiply(TradingPredeploys.TOKEN_UNIT));
      System.out.println();
      System.out.println("OrderBook " + deployment.orderBook().toChecksumString());
      System.out.println("ALPHA     " + deployment.alpha().toChecksumString());
      System.out.println("BETA      " + deployment.beta().toChecksumString());
      return 0;
    } catch (IOException e) {
      System.err.println("distli trading deploy: cannot reach " + rpc + ": " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      System.err.println("distli trading deploy: " + e.getMessage());
      return 1;
    } finally {
      web3j.shutdown();
    }
  }

  private String readKey() throws IOException {
    String hex = key.privateKey != null ? key.privateKey : Files.readString(key.keyFile).strip();
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (!digits.matches("[0-9a-fA-F]{64}")) {
      // Never echo the input: it may be a (mistyped) secret.
      throw new IllegalArgumentException("the private key must be 32 bytes of hex");
    }
    return digits;
  }
}
