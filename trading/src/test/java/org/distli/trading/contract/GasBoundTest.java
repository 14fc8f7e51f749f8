package org.distli.trading.contract;

import static java.math.BigInteger.ZERO;
import static org.distli.trading.contract.OrderBookFixture.buy;
import static org.distli.trading.contract.OrderBookFixture.cost;
import static org.distli.trading.contract.OrderBookFixture.errorName;
import static org.distli.trading.contract.OrderBookFixture.lots;
import static org.distli.trading.contract.OrderBookFixture.placeOrder;
import static org.distli.trading.contract.OrderBookFixture.sell;
import static org.distli.trading.contract.OrderBookFixture.ticks;
import static org.distli.trading.contract.OrderBookFixture.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.distli.trading.sandbox.EvmSandbox;
import org.junit.jupiter.api.Test;

/** The bounds that keep one call's gas predictable: level scan and match count. */
class GasBoundTest {
  private final OrderBookFixture f = new OrderBookFixture(EvmSandbox.cancun());

  @Test
  void aNewLevelFartherThan128LevelsFromTheBestNeedsAHint() {
    BigInteger base = units(1);
    // 130 levels: placing beyond the worst one walks past 128 of them.
    for (int i = 0; i < 130; i++) {
      f.place(f.alice, sell(f.alpha, lots(1), base.add(ticks(i))), ZERO);
    }
    BigInteger beyond = base.add(ticks(200));
    EvmSandbox.Outcome unhinted = f.send(f.bob, f.book, sell(f.alpha, lots(1), beyond), ZERO);
    assertFalse(unhinted.success());
    assertEquals("PriceSearchTooLong", errorName(unhinted.output()));
    assertTrue(unhinted.gasUsed() < 1_000_000, "a failed scan costs " + unhinted.gasUsed());

    BigInteger hint = base.add(ticks(129)); // the worst existing level
    f.place(f.bob, placeOrder(f.alpha, false, lots(1), beyond, hint), ZERO);
    var asks = f.views.orderBook(f.alpha).asks();
    assertEquals(100, asks.size(), "the view shows the 100 best");
    assertEquals(base, asks.getFirst().price);
  }

  @Test
  void aTakerOrderFilling32OrdersAcross32LevelsOfAFreshMarketStaysUnder3Point5MillionGas() {
    for (int i = 0; i < 32; i++) {
      f.place(f.alice, sell(f.alpha, lots(1), units(1).add(ticks(i))), ZERO);
    }
    BigInteger limit = units(2);
    EvmSandbox.Outcome taker =
        f.ok(f.bob, f.book, buy(f.alpha, lots(32), limit), cost(lots(32), limit));
    // The worst case: every fill empties a level and writes a fresh slot of the trade history.
    assertTrue(taker.gasUsed() < 3_500_000, "32 fills over 32 levels cost " + taker.gasUsed());
    assertEquals(0, f.views.orderBook(f.alpha).asks().size());
  }
}
