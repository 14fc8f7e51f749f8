package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.distli.genesis.DevChain;
import org.distli.primitives.Address;
import org.distli.trading.TradingDeployer;
import org.distli.trading.TradingPredeploys;
import org.distli.trading.wrapper.DemoToken;
import org.distli.trading.wrapper.OrderBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Two dev accounts trade through the predeployed order book over JSON-RPC with the web3j wrappers,
 * as a wallet or a bot would: the order rests, the crossing order fills it at the resting price,
 * and balances, events and the REST views agree.
 */
class TradingIT {
  private static final BigInteger UNIT = TradingPredeploys.TOKEN_UNIT;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void twoTradersCrossOrdersAndBalancesAndEventsComeOutRight(@TempDir Path dir) throws Exception {
    try (NodeProcess node = NodeProcess.dev(dir).start()) {
      Web3j web3j = node.web3j();
      long chainId = web3j.ethChainId().send().getChainId().longValueExact();
      Credentials seller = credentials(1);
      Credentials buyer = credentials(2);
      OrderBook sellerBook = orderBook(web3j, seller, chainId);
      OrderBook buyerBook = orderBook(web3j, buyer, chainId);
      DemoToken sellerAlpha =
          DemoToken.load(
              TradingPredeploys.ALPHA.toHexString(),
              web3j,
              transactions(web3j, seller, chainId),
              gas(web3j));
      String alpha = TradingPredeploys.ALPHA.toHexString();

      BigInteger sellerCoins = coins(web3j, seller);
      BigInteger buyerCoins = coins(web3j, buyer);
      BigInteger quantity = UNIT.multiply(BigInteger.TWO); // 2 ALPHA
      BigInteger askPrice = UNIT.multiply(BigInteger.valueOf(3)).shiftRight(1); // 1.5 coins
      BigInteger bidPrice = UNIT.multiply(BigInteger.TWO); // willing to pay 2

      TransactionReceipt approve =
          sellerAlpha.approve(TradingPredeploys.ORDER_BOOK.toHexString(), quantity).send();
      TransactionReceipt sell = sellerBook.sell(alpha, quantity, askPrice).send();
      OrderBook.OrderPlacedEventResponse placed = OrderBook.getOrderPlacedEvents(sell).getFirst();
      assertEquals(seller.getAddress(), placed.trader);
      assertEquals(alpha, placed.asset);
      assertEquals(false, placed.isBuy);

      BigInteger buyQuantity = UNIT; // 1 ALPHA
      BigInteger escrow = buyQuantity.multiply(bidPrice).divide(UNIT);
      TransactionReceipt buy = buyerBook.buy(alpha, buyQuantity, bidPrice, escrow).send();
      assertTrue(buy.isStatusOK());
      List<OrderBook.TradeEventResponse> trades = OrderBook.getTradeEvents(buy);
      assertEquals(1, trades.size());
      OrderBook.TradeEventResponse trade = trades.getFirst();
      assertEquals(placed.orderId, trade.sellOrderId);
      assertEquals(buyer.getAddress(), trade.buyer);
      assertEquals(seller.getAddress(), trade.seller);
      assertEquals(askPrice, trade.price, "filled at the resting price");
      assertEquals(buyQuantity, trade.quantity);

      BigInteger paid = buyQuantity.multiply(askPrice).divide(UNIT); // 1.5 coins
      assertEquals(
          sellerCoins.add(paid).subtract(fees(approve)).subtract(fees(sell)), coins(web3j, seller));
      assertEquals(buyerCoins.subtract(paid).subtract(fees(buy)), coins(web3j, buyer));
      DemoToken reader =
          DemoToken.load(alpha, web3j, transactions(web3j, buyer, chainId), gas(web3j));
      assertEquals(
          TradingPredeploys.HOLDER_BALANCE.add(buyQuantity),
          reader.balanceOf(buyer.getAddress()).send());
      assertEquals(
          TradingPredeploys.HOLDER_BALANCE.subtract(quantity),
          reader.balanceOf(seller.getAddress()).send());
      assertEquals(
          quantity.subtract(buyQuantity),
          reader.balanceOf(TradingPredeploys.ORDER_BOOK.toHexString()).send(),
          "the unfilled ALPHA stays in escrow");

      // The same state through the REST views on the RPC port.
      HttpResponse<String> book = node.get("/api/trading/orderbook?asset=" + alpha);
      assertEquals(200, book.statusCode(), book.body());
      JsonNode asks = JSON.readTree(book.body()).path("asks");
      assertEquals(1, asks.size());
      assertEquals(askPrice.toString(), asks.get(0).path("price").asText());
      assertEquals(
          quantity.subtract(buyQuantity).toString(), asks.get(0).path("quantity").asText());
      HttpResponse<String> recent = node.get("/api/trading/trades?asset=" + alpha + "&limit=5");
      assertEquals(200, recent.statusCode(), recent.body());
      JsonNode last = JSON.readTree(recent.body()).path("trades").get(0);
      assertEquals(buyQuantity.toString(), last.path("quantity").asText());
      HttpResponse<String> contracts = node.get("/api/contracts");
      assertEquals(200, contracts.statusCode());
      assertTrue(contracts.body().contains(TradingPredeploys.ORDER_BOOK.toChecksumString()));
      assertEquals(400, node.get("/api/trading/trades?asset=nope").statusCode());
    }
  }

  @Test
  void theRestViewsFollowAnOrderBookDeployedWithTheDeployCommand(@TempDir Path dir)
      throws Exception {
    // A fresh dev account deploys ALPHA, BETA and then the order book: nonces 0, 1 and 2.
    Credentials deployer = credentials(7);
    String expectedBook =
        ContractUtils.generateContractAddress(deployer.getAddress(), BigInteger.TWO);
    NodeProcess configured = NodeProcess.dev(dir).withArgs("--trading-order-book", expectedBook);
    try (NodeProcess node = configured.start()) {
      assertEquals(
          404,
          node.get("/api/trading/orderbook?asset=" + TradingPredeploys.ALPHA.toHexString())
              .statusCode(),
          "no order book at the configured address yet");

      TradingDeployer.Deployment deployment =
          new TradingDeployer(node.web3j(), deployer, line -> {})
              .deploy(
                  List.of(Address.fromHex(deployer.getAddress())), UNIT.multiply(BigInteger.TEN));
      assertEquals(expectedBook.toLowerCase(), deployment.orderBook().toHexString());

      HttpResponse<String> book =
          node.get("/api/trading/orderbook?asset=" + deployment.alpha().toHexString());
      assertEquals(200, book.statusCode(), book.body());
      JsonNode market = JSON.readTree(book.body());
      assertEquals(deployment.orderBook().toChecksumString(), market.path("orderBook").asText());
      assertEquals(0, market.path("bids").size());
      assertEquals(
          404,
          node.get("/api/trading/orderbook?asset=" + TradingPredeploys.ALPHA.toHexString())
              .statusCode(),
          "the predeployed ALPHA has no market on the configured order book");
      String contracts = node.get("/api/contracts").body();
      assertTrue(contracts.contains(deployment.orderBook().toChecksumString()), contracts);
    }
  }

  /** Signs locally and polls for receipts every 200 ms (web3j's default waits 15 s per poll). */
  private static RawTransactionManager transactions(Web3j web3j, Credentials who, long chainId) {
    return new RawTransactionManager(
        web3j, who, chainId, new PollingTransactionReceiptProcessor(web3j, 200, 300));
  }

  private static Credentials credentials(int devAccount) {
    return Credentials.create(DevChain.accounts().get(devAccount).key().toHexUnsafe());
  }

  private static OrderBook orderBook(Web3j web3j, Credentials who, long chainId) {
    return OrderBook.load(
        TradingPredeploys.ORDER_BOOK.toHexString(),
        web3j,
        transactions(web3j, who, chainId),
        gas(web3j));
  }

  /** Twice the node's gas price, and a limit well above any of these calls. */
  private static ContractGasProvider gas(Web3j web3j) {
    try {
      BigInteger price = web3j.ethGasPrice().send().getGasPrice().shiftLeft(1);
      return new StaticGasProvider(price, BigInteger.valueOf(1_500_000));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BigInteger coins(Web3j web3j, Credentials who) throws Exception {
    return web3j
        .ethGetBalance(who.getAddress(), DefaultBlockParameterName.LATEST)
        .send()
        .getBalance();
  }

  /** What the sender paid for gas. */
  private static BigInteger fees(TransactionReceipt receipt) {
    return receipt
        .getGasUsed()
        .multiply(new BigInteger(receipt.getEffectiveGasPrice().substring(2), 16));
  }
}
