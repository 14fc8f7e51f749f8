package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactivex.disposables.Disposable;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.distli.trading.wrapper.DemoToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.LogNotification;
import org.web3j.protocol.websocket.events.NewHeadsNotification;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Async;

/**
 * web3j against the dev node as a Java dapp uses it: deploying and calling a contract, sending
 * transactions, receipts and logs, polling filters, WebSocket subscriptions, and the revert reasons
 * and custom errors it decodes.
 */
class Web3jRpcIT {
  private static final long CHAIN_ID = 1337;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  /** Hardhat's dev accounts #2 and #3. */
  private static final Credentials ALICE =
      Credentials.create("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

  private static final String BOB = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";

  /** Init code deploying a contract that reverts with Error("nope"). */
  private static final String REVERTER =
      "0x606480600b6000396000f3"
          + "7f08c379a0"
          + "00".repeat(28)
          + "600052"
          + "6020600452"
          + "6004602452"
          + "7f6e6f7065"
          + "00".repeat(28)
          + "604452"
          + "60646000fd";

  private static final String TRANSFER_TOPIC = EventEncoder.encode(DemoToken.TRANSFER_EVENT);

  @TempDir static Path work;
  private static NodeProcess node;
  private static Web3j web3;
  private static RawTransactionManager alice;
  private static final StaticEIP1559GasProvider GAS =
      new StaticEIP1559GasProvider(
          CHAIN_ID, GWEI.multiply(BigInteger.valueOf(20)), GWEI, BigInteger.valueOf(3_000_000));
  private static DemoToken token;

  @BeforeAll
  static void start() throws Exception {
    node = NodeProcess.dev(work).start();
    // Polling every 200 ms instead of web3j's default 15 s: the dev node mines at once.
    web3 = Web3j.build(new HttpService(node.rpcUrl()), 200, Async.defaultExecutorService());
    alice =
        new RawTransactionManager(
            web3, ALICE, CHAIN_ID, new PollingTransactionReceiptProcessor(web3, 200, 300));
    token =
        DemoToken.deploy(
                web3,
                alice,
                GAS,
                "Web3j Token",
                "W3J",
                List.of(ALICE.getAddress()),
                BigInteger.valueOf(1_000_000))
            .send();
  }

  @AfterAll
  static void stop() {
    if (web3 != null) {
      web3.shutdown();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void deployCallSendReceiptsAndLogs() throws Exception {
    DemoToken token =
        DemoToken.deploy(
                web3,
                alice,
                GAS,
                "Second Token",
                "TWO",
                List.of(ALICE.getAddress()),
                BigInteger.valueOf(500))
            .send();
    assertTrue(token.getTransactionReceipt().orElseThrow().isStatusOK());
    assertEquals(BigInteger.valueOf(500), token.balanceOf(ALICE.getAddress()).send());
    assertEquals("TWO", token.symbol().send());

    TransactionReceipt receipt = token.transfer(BOB, BigInteger.valueOf(25)).send();
    assertTrue(receipt.isStatusOK());
    assertEquals("0x2", receipt.getType());
    assertNotNull(receipt.getEffectiveGasPrice());
    assertEquals(token.getContractAddress().toLowerCase(), receipt.getTo().toLowerCase());
    List<DemoToken.TransferEventResponse> events = DemoToken.getTransferEvents(receipt);
    assertEquals(1, events.size());
    assertEquals(BigInteger.valueOf(25), events.get(0).value);
    assertEquals(BigInteger.valueOf(25), token.balanceOf(BOB).send());

    EthLog logs =
        web3.ethGetLogs(
                new EthFilter(
                        DefaultBlockParameterName.EARLIEST,
                        DefaultBlockParameterName.LATEST,
                        token.getContractAddress())
                    .addSingleTopic(TRANSFER_TOPIC))
            .send();
    assertFalse(logs.hasError(), () -> logs.getError().getMessage());
    Log last = (Log) logs.getLogs().get(logs.getLogs().size() - 1).get();
    assertEquals(receipt.getTransactionHash(), last.getTransactionHash());
    assertEquals(receipt.getBlockHash(), last.getBlockHash());
  }

  @Test
  void pollingFiltersSeeNewBlocksAndLogs() throws Exception {
    String blocks = web3.ethNewBlockFilter().send().getFilterId().toString(16);
    BigInteger logFilter =
        web3.ethNewFilter(
                new EthFilter(
                        DefaultBlockParameterName.LATEST,
                        DefaultBlockParameterName.LATEST,
                        token.getContractAddress())
                    .addSingleTopic(TRANSFER_TOPIC))
            .send()
            .getFilterId();
    // web3j's own polling flowable (eth_newFilter + eth_getFilterChanges) sees the event too.
    CompletableFuture<Log> polled = new CompletableFuture<>();
    Disposable subscription =
        web3.ethLogFlowable(
                new EthFilter(
                    DefaultBlockParameterName.LATEST,
                    DefaultBlockParameterName.LATEST,
                    token.getContractAddress()))
            .subscribe(polled::complete, polled::completeExceptionally);
    Thread.sleep(500);
    TransactionReceipt receipt = token.transfer(BOB, BigInteger.valueOf(3)).send();

    var changes = web3.ethGetFilterChanges(logFilter).send().getLogs();
    assertEquals(1, changes.size());
    assertEquals(receipt.getTransactionHash(), ((Log) changes.get(0).get()).getTransactionHash());
    var blockHashes = web3.ethGetFilterChanges(new BigInteger(blocks, 16)).send().getLogs();
    assertTrue(
        blockHashes.stream().anyMatch(h -> h.get().equals(receipt.getBlockHash())),
        "the block filter reports the new block");
    assertEquals(
        receipt.getTransactionHash(), polled.get(20, TimeUnit.SECONDS).getTransactionHash());
    subscription.dispose();
    assertTrue(web3.ethUninstallFilter(logFilter).send().isUninstalled());
    var gone = web3.ethGetFilterChanges(logFilter).send();
    assertTrue(gone.hasError());
    assertEquals("filter not found", gone.getError().getMessage());
  }

  @Test
  void webSocketSubscriptionsPushHeadsAndLogs() throws Exception {
    WebSocketService socket = new WebSocketService(node.wsUrl(), false);
    socket.connect();
    Web3j ws = Web3j.build(socket);
    try {
      CompletableFuture<NewHeadsNotification> head = new CompletableFuture<>();
      CompletableFuture<LogNotification> log = new CompletableFuture<>();
      Disposable heads = ws.newHeadsNotifications().subscribe(head::complete);
      Disposable logs =
          ws.logsNotifications(List.of(token.getContractAddress()), List.of(TRANSFER_TOPIC))
              .subscribe(log::complete);
      Thread.sleep(500);
      TransactionReceipt receipt = token.transfer(BOB, BigInteger.valueOf(7)).send();
      NewHeadsNotification newHead = head.get(20, TimeUnit.SECONDS);
      assertNotNull(newHead.getParams().getResult().getHash());
      LogNotification pushed = log.get(20, TimeUnit.SECONDS);
      assertEquals(
          receipt.getTransactionHash(), pushed.getParams().getResult().getTransactionHash());
      heads.dispose();
      logs.dispose();
    } finally {
      ws.shutdown();
    }
  }

  @Test
  void revertReasonsAndCustomErrorsReachTheClient() throws Exception {
    String hash =
        alice
            .sendEIP1559Transaction(
                CHAIN_ID,
                GWEI,
                GWEI.multiply(BigInteger.valueOf(20)),
                BigInteger.valueOf(200_000),
                "",
                REVERTER,
                BigInteger.ZERO,
                true)
            .getTransactionHash();
    TransactionReceipt deployed =
        new PollingTransactionReceiptProcessor(web3, 200, 300).waitForTransactionReceipt(hash);
    EthCall reason =
        web3.ethCall(
                Transaction.createEthCallTransaction(
                    ALICE.getAddress(), deployed.getContractAddress(), "0x"),
                DefaultBlockParameterName.LATEST)
            .send();
    assertTrue(reason.isReverted());
    assertEquals(3, reason.getError().getCode());
    assertEquals("execution reverted: nope", reason.getError().getMessage());
    assertTrue(reason.getRevertReason().contains("nope"), reason.getRevertReason());

    // DemoToken's InsufficientBalance(address account, uint256 balance, uint256 needed).
    String transferTooMuch =
        FunctionEncoder.encode(
            new Function(
                "transfer",
                List.of(new Address(ALICE.getAddress()), new Uint256(BigInteger.TEN.pow(30))),
                List.of()));
    Transaction tooMuch =
        Transaction.createEthCallTransaction(BOB, token.getContractAddress(), transferTooMuch);
    EthCall custom = web3.ethCall(tooMuch, DefaultBlockParameterName.LATEST).send();
    assertEquals(3, custom.getError().getCode());
    assertEquals("execution reverted", custom.getError().getMessage());
    String selector =
        Hash.sha3String("InsufficientBalance(address,uint256,uint256)").substring(0, 10);
    // web3j keeps the error's data as raw JSON: a quoted string.
    String data = custom.getError().getData().replace("\"", "");
    assertTrue(data.startsWith(selector), data);
    assertTrue(data.endsWith(BigInteger.TEN.pow(30).toString(16)), data);
    EthEstimateGas estimate = web3.ethEstimateGas(tooMuch).send();
    assertEquals(3, estimate.getError().getCode());
    assertTrue(estimate.getError().getData().replace("\"", "").startsWith(selector));

    // Sent anyway (a static gas limit skips the estimate), it is mined and fails; web3j reads the
    // reason back with eth_call and throws.
    DemoToken asBob =
        DemoToken.load(
            token.getContractAddress(),
            web3,
            new RawTransactionManager(
                web3,
                Credentials.create(
                    "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"),
                CHAIN_ID,
                new PollingTransactionReceiptProcessor(web3, 200, 300)),
            GAS);
    TransactionException failed =
        assertThrows(
            TransactionException.class,
            () -> asBob.transfer(ALICE.getAddress(), BigInteger.TEN.pow(30)).send());
    TransactionReceipt failedReceipt = failed.getTransactionReceipt().orElseThrow();
    assertEquals("0x0", failedReceipt.getStatus());
    assertTrue(failed.getMessage().contains("execution reverted"), failed.getMessage());
  }
}
