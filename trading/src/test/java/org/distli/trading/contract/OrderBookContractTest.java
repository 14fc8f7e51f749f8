package org.distli.trading.contract;

import static java.math.BigInteger.ZERO;
import static org.distli.trading.contract.OrderBookFixture.buy;
import static org.distli.trading.contract.OrderBookFixture.cancel;
import static org.distli.trading.contract.OrderBookFixture.cost;
import static org.distli.trading.contract.OrderBookFixture.errorName;
import static org.distli.trading.contract.OrderBookFixture.eventNames;
import static org.distli.trading.contract.OrderBookFixture.lots;
import static org.distli.trading.contract.OrderBookFixture.placeOrder;
import static org.distli.trading.contract.OrderBookFixture.receipt;
import static org.distli.trading.contract.OrderBookFixture.sell;
import static org.distli.trading.contract.OrderBookFixture.ticks;
import static org.distli.trading.contract.OrderBookFixture.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.trading.OrderBookViews;
import org.distli.trading.sandbox.EvmSandbox;
import org.distli.trading.wrapper.OrderBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order book's committed bytecode, run in Distli's EVM. */
class OrderBookContractTest {
  private static final BigInteger ONE = units(1);

  private OrderBookFixture f;

  @BeforeEach
  void deploy() {
    f = new OrderBookFixture(EvmSandbox.cancun());
  }

  @Test
  void crossingBuyFillsAtTheRestingPriceRefundsTheImprovementAndLeavesTheRestResting() {
    BigInteger aliceCoins = f.coins(f.alice);
    BigInteger bobCoins = f.coins(f.bob);
    BigInteger sellId = f.place(f.alice, sell(f.alpha, units(2), ONE), ZERO);
    assertEquals(units(2), f.tokenBalance(f.alpha, f.book), "sell escrow");

    BigInteger quantity = lots(1500); // 1.5 ALPHA
    BigInteger limit = ticks(1_200_000); // 1.2 coins per ALPHA
    EvmSandbox.Outcome buy =
        f.ok(f.bob, f.book, buy(f.alpha, quantity, limit), cost(quantity, limit));
    BigInteger buyId = OrderBookFixture.uint(buy.output());

    BigInteger paid = cost(quantity, ONE); // at the resting price, not the limit
    assertEquals(aliceCoins.add(paid), f.coins(f.alice));
    assertEquals(bobCoins.subtract(paid), f.coins(f.bob));
    assertEquals(ZERO, f.coins(f.book), "a filled native buy leaves no coin escrow");
    assertEquals(OrderBookFixture.TOKENS_EACH.add(quantity), f.tokenBalance(f.alpha, f.bob));
    assertEquals(OrderBookFixture.TOKENS_EACH.subtract(units(2)), f.tokenBalance(f.alpha, f.alice));
    assertEquals(units(2).subtract(quantity), f.tokenBalance(f.alpha, f.book), "rest of escrow");

    assertEquals(List.of("OrderPlaced", "Trade", "Transfer"), eventNames(buy));
    OrderBook.TradeEventResponse trade = OrderBook.getTradeEvents(receipt(buy)).getFirst();
    assertEquals(buyId, trade.buyOrderId);
    assertEquals(sellId, trade.sellOrderId);
    assertEquals(ONE, trade.price);
    assertEquals(quantity, trade.quantity);
    assertEquals(true, trade.buyerIsTaker);

    OrderBookViews.Book book = f.views.orderBook(f.alpha);
    assertEquals(List.of(), book.bids());
    assertEquals(1, book.asks().size());
    assertEquals(units(2).subtract(quantity), book.asks().getFirst().quantity);
    OrderBook.OrderInfo resting = f.views.order(sellId);
    assertEquals(quantity, resting.filled);
    assertEquals(BigInteger.ONE, resting.status, "open");
    assertEquals(BigInteger.TWO, f.views.order(buyId).status, "filled");
  }

  @Test
  void ordersFillBestPriceFirstThenOldestFirst() {
    BigInteger worse = f.place(f.carol, sell(f.alpha, ONE, ticks(1_100_000)), ZERO);
    BigInteger first = f.place(f.alice, sell(f.alpha, ONE, ONE), ZERO);
    BigInteger second = f.place(f.bob, sell(f.alpha, ONE, ONE), ZERO);
    assertEquals(
        List.of(first, second, worse),
        f.views.orderBook(f.alpha).asks().stream().map(e -> e.id).toList());

    BigInteger quantity = lots(2500);
    BigInteger limit = ticks(1_100_000);
    EvmSandbox.Outcome buy =
        f.ok(f.carol, f.book, buy(f.alpha, quantity, limit), cost(quantity, limit));
    List<OrderBook.TradeEventResponse> trades = OrderBook.getTradeEvents(receipt(buy));
    assertEquals(List.of(first, second, worse), trades.stream().map(t -> t.sellOrderId).toList());
    assertEquals(List.of(ONE, ONE, limit), trades.stream().map(t -> t.price).toList());
    assertEquals(List.of(ONE, ONE, lots(500)), trades.stream().map(t -> t.quantity).toList());

    List<OrderBook.TradeInfo> recent = f.views.trades(f.alpha, 10);
    assertEquals(
        List.of(f.carol, f.bob, f.alice).stream().map(Address::toHexString).toList(),
        recent.stream().map(t -> t.seller).toList(),
        "newest first");
    assertEquals(2, f.views.trades(f.alpha, 2).size(), "limit");
  }

  @Test
  void bidsSortHighestFirstAndAsksLowestFirstAcrossManyLevels() {
    List<Long> prices = List.of(5L, 1L, 9L, 3L, 7L);
    for (long p : prices) {
      BigInteger price = ticks(p * 100_000);
      f.place(f.alice, buy(f.alpha, lots(1), price), cost(lots(1), price));
      f.place(f.bob, sell(f.alpha, lots(1), price.add(ONE)), ZERO);
    }
    // A hint from the far end of the book lands the new level in the same sorted place.
    BigInteger hinted = ticks(200_000);
    f.place(
        f.alice, placeOrder(f.alpha, true, lots(1), hinted, ticks(100_000)), cost(lots(1), hinted));

    OrderBookViews.Book book = f.views.orderBook(f.alpha);
    assertEquals(
        List.of(9L, 7L, 5L, 3L, 2L, 1L).stream().map(p -> ticks(p * 100_000)).toList(),
        book.bids().stream().map(e -> e.price).toList());
    List<BigInteger> asks =
        List.of(1L, 3L, 5L, 7L, 9L).stream().map(p -> ticks(p * 100_000).add(ONE)).toList();
    assertEquals(asks, book.asks().stream().map(e -> e.price).toList());
    OrderBook.MarketInfo market = f.views.market(f.alpha);
    assertEquals(ticks(900_000), market.bestBid);
    assertEquals(asks.getFirst(), market.bestAsk);
  }

  @Test
  void cancelRefundsTheUnfilledEscrowToTheOwnerOnlyAndOnlyOnce() {
    BigInteger bobCoins = f.coins(f.bob);
    BigInteger id = f.place(f.bob, buy(f.alpha, ONE, ONE), ONE);
    assertEquals(ONE, f.coins(f.book), "buy escrow");
    f.place(f.alice, sell(f.alpha, lots(250), ONE), ZERO);

    EvmSandbox.Outcome stranger = f.send(f.alice, f.book, cancel(id), ZERO);
    assertFalse(stranger.success());
    assertEquals("NotOrderOwner", errorName(stranger.output()));

    EvmSandbox.Outcome cancelled = f.ok(f.bob, f.book, cancel(id));
    OrderBook.OrderCancelledEventResponse event =
        OrderBook.getOrderCancelledEvents(receipt(cancelled)).getFirst();
    assertEquals(lots(750), event.unfilled);
    assertEquals(id, event.orderId);
    assertEquals(bobCoins.subtract(cost(lots(250), ONE)), f.coins(f.bob));
    assertEquals(ZERO, f.coins(f.book));
    assertEquals(BigInteger.valueOf(3), f.views.order(id).status, "cancelled");
    assertEquals(lots(250), f.views.order(id).filled);

    EvmSandbox.Outcome again = f.send(f.bob, f.book, cancel(id), ZERO);
    assertFalse(again.success());
    assertEquals("OrderNotOpen", errorName(again.output()));
    assertEquals(List.of(), f.views.orderBook(f.alpha).bids());
  }

  @Test
  void oneCallFillsAtMost32OrdersAndCancelsAStillCrossingRemainder() {
    for (int i = 0; i < 40; i++) {
      f.place(f.alice, sell(f.alpha, lots(1), ONE), ZERO);
    }
    BigInteger bobCoins = f.coins(f.bob);
    EvmSandbox.Outcome buy = f.ok(f.bob, f.book, buy(f.alpha, lots(40), ONE), cost(lots(40), ONE));
    assertEquals(32, OrderBook.getTradeEvents(receipt(buy)).size());
    OrderBook.OrderCancelledEventResponse remainder =
        OrderBook.getOrderCancelledEvents(receipt(buy)).getFirst();
    assertEquals(lots(8), remainder.unfilled);
    assertEquals(bobCoins.subtract(cost(lots(32), ONE)), f.coins(f.bob), "remainder refunded");
    assertEquals(OrderBookFixture.TOKENS_EACH.add(lots(32)), f.tokenBalance(f.alpha, f.bob));
    OrderBookViews.Book book = f.views.orderBook(f.alpha);
    assertEquals(List.of(), book.bids(), "the book never crosses");
    assertEquals(8, book.asks().size());
  }

  @Test
  void anErc20QuotedMarketSettlesBothTokens() {
    BigInteger sellId = f.place(f.alice, sell(f.beta, units(3), units(2)), ZERO);
    f.place(f.bob, buy(f.beta, units(2), units(3)), ZERO);
    // Bob pays 2 BETA x 2 ALPHA (the resting price), not his limit of 3.
    assertEquals(OrderBookFixture.TOKENS_EACH.add(units(2)), f.tokenBalance(f.beta, f.bob));
    assertEquals(OrderBookFixture.TOKENS_EACH.subtract(units(4)), f.tokenBalance(f.alpha, f.bob));
    assertEquals(OrderBookFixture.TOKENS_EACH.add(units(4)), f.tokenBalance(f.alpha, f.alice));
    assertEquals(units(1), f.tokenBalance(f.beta, f.book));
    assertEquals(ZERO, f.tokenBalance(f.alpha, f.book));

    f.ok(f.alice, f.book, cancel(sellId));
    assertEquals(OrderBookFixture.TOKENS_EACH.subtract(units(2)), f.tokenBalance(f.beta, f.alice));
    assertEquals(ZERO, f.tokenBalance(f.beta, f.book));
  }

  @Test
  void aRestingBuyInAnErc20MarketEscrowsQuantityTimesPrice() {
    BigInteger id = f.place(f.carol, buy(f.beta, lots(1500), units(2)), ZERO);
    assertEquals(units(3), f.tokenBalance(f.alpha, f.book));
    f.ok(f.carol, f.book, cancel(id));
    assertEquals(ZERO, f.tokenBalance(f.alpha, f.book));
    assertEquals(OrderBookFixture.TOKENS_EACH, f.tokenBalance(f.alpha, f.carol));
  }

  @Test
  void badOrdersAreRejectedAndChangeNothing() {
    BigInteger bobCoins = f.coins(f.bob);
    record Case(String error, EvmSandbox.Outcome outcome) {}
    List<Case> cases =
        List.of(
            new Case(
                "InvalidQuantity",
                f.send(f.bob, f.book, buy(f.alpha, lots(1).add(BigInteger.ONE), ONE), ZERO)),
            new Case(
                "InvalidPrice",
                f.send(f.bob, f.book, buy(f.alpha, lots(1), ONE.add(BigInteger.ONE)), ZERO)),
            new Case(
                "WrongValue", f.send(f.bob, f.book, buy(f.alpha, lots(1), ONE), BigInteger.ONE)),
            new Case("UnknownMarket", f.send(f.bob, f.book, buy(f.bob, lots(1), ONE), ZERO)),
            new Case(
                "NotOwner",
                f.send(f.bob, f.book, OrderBookFixture.listMarket(f.bob, Address.ZERO), ZERO)),
            new Case("TransferFailed", f.send(f.owner, f.book, sell(f.alpha, ONE, ONE), ZERO)));
    for (Case c : cases) {
      assertFalse(c.outcome().success(), c.error());
      assertEquals(c.error(), errorName(c.outcome().output()));
    }
    assertEquals(bobCoins, f.coins(f.bob));
    assertEquals(ZERO, f.views.order(BigInteger.ONE).id, "no order was stored");
    assertEquals(List.of(), f.views.orderBook(f.alpha).asks());
  }

  @Test
  void eventsIndexOrderIdsTradersAndAssets() {
    EvmSandbox.Outcome placed = f.ok(f.alice, f.book, sell(f.alpha, ONE, ONE));
    Log log = placed.logs().stream().filter(l -> l.address().equals(f.book)).findFirst().get();
    assertEquals(4, log.topics().size());
    assertEquals(topic(BigInteger.ONE), log.topics().get(1), "orderId");
    assertEquals(topic(f.alice), log.topics().get(2), "trader");
    assertEquals(topic(f.alpha), log.topics().get(3), "asset");

    EvmSandbox.Outcome filled = f.ok(f.bob, f.book, buy(f.alpha, ONE, ONE), ONE);
    Log trade =
        filled.logs().stream()
            .filter(l -> l.topics().getFirst().toHexString().equals(tradeTopic()))
            .findFirst()
            .get();
    assertEquals(
        List.of(topic(f.alpha), topic(f.bob), topic(f.alice)), trade.topics().subList(1, 4));
  }

  private static String tradeTopic() {
    return org.web3j.abi.EventEncoder.encode(OrderBook.TRADE_EVENT);
  }

  private static Hash topic(BigInteger value) {
    return Hash.of(
        Bytes32.leftPad(org.apache.tuweni.bytes.Bytes.wrap(value.toByteArray())).toArray());
  }

  private static Hash topic(Address address) {
    return Hash.of(Bytes32.leftPad(address.toBytes()).toArray());
  }
}
