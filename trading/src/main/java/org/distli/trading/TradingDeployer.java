package org.distli.trading;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import org.distli.primitives.Address;
import org.distli.trading.wrapper.DemoToken;
import org.distli.trading.wrapper.OrderBook;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.DynamicGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the order book and two demo tokens on any chain over JSON-RPC, with the same markets as
 * the dev chain's predeploys (ALPHA against the native coin, BETA against ALPHA): signed locally,
 * gas estimated by the node, each transaction waited for.
 */
public final class TradingDeployer {

  /** Where the contracts landed. */
  public record Deployment(Address orderBook, Address alpha, Address beta) {
    public List<KnownContract> contracts() {
      return List.of(
          new KnownContract("OrderBook", ContractArtifact.ORDER_BOOK, orderBook),
          new KnownContract("ALPHA", ContractArtifact.DEMO_TOKEN, alpha),
          new KnownContract("BETA", ContractArtifact.DEMO_TOKEN, beta));
    }
  }

  private static final long RECEIPT_POLL_MILLIS = 250;
  private static final int RECEIPT_POLL_ATTEMPTS = 480; // two minutes

  private final Web3j web3j;
  private final TransactionManager transactions;
  private final ContractGasProvider gas;
  private final Consumer<String> progress;

  public TradingDeployer(Web3j web3j, Credentials deployer, Consumer<String> progress)
      throws IOException {
    this.web3j = web3j;
    long chainId = web3j.ethChainId().send().getChainId().longValueExact();
    // web3j's default receipt polling sleeps 15 s between attempts: on a chain that mines at once
    // (the dev chain) or every few seconds, each of the five transactions would wait that long.
    this.transactions =
        new RawTransactionManager(
            web3j,
            deployer,
            chainId,
            new PollingTransactionReceiptProcessor(
                web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS));
    this.gas = new DynamicGasProvider(web3j);
    this.progress = progress;
  }

  /**
   * @param holders the accounts minted {@code amountEach} of each demo token
   * @param amountEach in token units (18 decimals)
   */
  public Deployment deploy(List<Address> holders, BigInteger amountEach) throws Exception {
    List<String> holderList = holders.stream().map(Address::toHexString).toList();
    DemoToken alpha =
        DemoToken.deploy(web3j, transactions, gas, "Distli Alpha", "ALPHA", holderList, amountEach)
            .send();
    progress.accept("ALPHA      " + alpha.getContractAddress());
    DemoToken beta =
        DemoToken.deploy(web3j, transactions, gas, "Distli Beta", "BETA", holderList, amountEach)
            .send();
    progress.accept("BETA       " + beta.getContractAddress());
    OrderBook book = OrderBook.deploy(web3j, transactions, gas).send();
    progress.accept("OrderBook  " + book.getContractAddress());
    check(
        book.listMarket(
                alpha.getContractAddress(),
                Address.ZERO.toHexString(),
                TradingPredeploys.LOT_SIZE,
                TradingPredeploys.TICK_SIZE)
            .send(),
        "listing ALPHA");
    check(
        book.listMarket(
                beta.getContractAddress(),
                alpha.getContractAddress(),
                TradingPredeploys.LOT_SIZE,
                TradingPredeploys.TICK_SIZE)
            .send(),
        "listing BETA");
    progress.accept("markets    ALPHA/native, BETA/ALPHA");
    return new Deployment(
        Address.fromHex(book.getContractAddress()),
        Address.fromHex(alpha.getContractAddress()),
        Address.fromHex(beta.getContractAddress()));
  }

  private static void check(TransactionReceipt receipt, String what) {
    if (!receipt.isStatusOK()) {
      throw new IllegalStateException(
          what + " failed in transaction " + receipt.getTransactionHash());
    }
  }
}
