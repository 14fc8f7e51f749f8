package org.distli.trading.contract;

import static java.math.BigInteger.ZERO;
import static org.distli.trading.contract.OrderBookFixture.address;
import static org.distli.trading.contract.OrderBookFixture.buy;
import static org.distli.trading.contract.OrderBookFixture.cancel;
import static org.distli.trading.contract.OrderBookFixture.encode;
import static org.distli.trading.contract.OrderBookFixture.function;
import static org.distli.trading.contract.OrderBookFixture.receipt;
import static org.distli.trading.contract.OrderBookFixture.sell;
import static org.distli.trading.contract.OrderBookFixture.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.trading.sandbox.EvmSandbox;
import org.distli.trading.wrapper.OrderBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** Contracts that call back into the order book while it pays them get nowhere. */
class ReentrancyTest {
  private static final BigInteger ONE = units(1);
  private static final BigInteger HALF = units(1).shiftRight(1);
  private static final Bytes REENTRANCY =
      Hex.decode(CustomErrorEncoder.encode(OrderBook.REENTRANCY_ERROR)).slice(0, 4);

  private OrderBookFixture f;

  @BeforeEach
  void deploy() {
    f = new OrderBookFixture(EvmSandbox.cancun());
  }

  @Test
  void aTokenThatCallsBackDuringATransferIsStoppedByTheGuard() {
    String holders =
        FunctionEncoder.encodeConstructor(
            List.of(
                new DynamicArray<>(org.web3j.abi.datatypes.Address.class, List.of(address(f.bob))),
                new Uint256(OrderBookFixture.TOKENS_EACH)));
    Address evil = f.deploy(f.owner, "ReentrantToken", Hex.decode(holders));
    f.ok(f.owner, f.book, OrderBookFixture.listMarket(evil, Address.ZERO));
    f.ok(f.bob, evil, OrderBookFixture.approve(f.book, OrderBookFixture.MAX));
    BigInteger sellId = f.place(f.bob, sell(evil, ONE, ONE), ZERO);
    BigInteger bobCoins = f.coins(f.bob);

    // While the book pays alice her tokens, the token tries to cancel bob's order (a second
    // refund).
    f.ok(
        f.owner,
        evil,
        function("arm", address(f.book), new DynamicBytes(encode(cancel(sellId)).toArrayUnsafe())));
    f.ok(f.alice, f.book, buy(evil, HALF, ONE), HALF);

    assertTrue(f.readBool(evil, "attacked"), "the token did call back");
    assertFalse(f.readBool(evil, "reentrySucceeded"));
    assertEquals(REENTRANCY, f.readBytes(evil, "reentryResult"));
    assertEquals(BigInteger.ONE, f.views.order(sellId).status, "still open");
    assertEquals(HALF, f.views.order(sellId).filled);
    assertEquals(HALF, f.tokenBalance(evil, f.book), "escrow of the unfilled half");
    assertEquals(HALF, f.tokenBalance(evil, f.alice));
    assertEquals(bobCoins.add(HALF), f.coins(f.bob));
  }

  @Test
  void aReceiverThatRejectsTheCoinCannotBlockATradeAndWithdrawsExactlyOnce() {
    Address trader = f.deploy(f.owner, "NativeTrader", Bytes.EMPTY);
    f.ok(f.alice, f.alpha, OrderBookFixture.transfer(trader, ONE));
    execute(trader, f.alpha, OrderBookFixture.approve(f.book, ONE));
    execute(trader, f.book, sell(f.alpha, ONE, ONE));
    f.ok(
        f.owner,
        trader,
        function("setMode", new Uint8(1), address(Address.ZERO), new DynamicBytes(new byte[0])));

    EvmSandbox.Outcome buy = f.ok(f.bob, f.book, buy(f.alpha, ONE, ONE), ONE);
    OrderBook.PaymentDeferredEventResponse deferred =
        OrderBook.getPaymentDeferredEvents(receipt(buy)).getFirst();
    assertEquals(trader.toHexString(), deferred.account);
    assertEquals(ONE, deferred.amount);
    assertEquals(ONE, f.withdrawable(trader));
    assertEquals(ZERO, f.coins(trader));
    assertEquals(ONE, f.coins(f.book), "held for the trader");
    assertEquals(OrderBookFixture.TOKENS_EACH.add(ONE), f.tokenBalance(f.alpha, f.bob));

    // Now the trader accepts the coin but tries to withdraw a second time from its receive().
    Bytes withdraw = encode(OrderBookFixture.withdraw());
    f.ok(
        f.owner,
        trader,
        function(
            "setMode", new Uint8(2), address(f.book), new DynamicBytes(withdraw.toArrayUnsafe())));
    EvmSandbox.Outcome withdrawn = execute(trader, f.book, OrderBookFixture.withdraw());
    assertEquals(1, OrderBook.getWithdrawalEvents(receipt(withdrawn)).size());
    assertTrue(f.readBool(trader, "reentryAttempted"));
    assertFalse(f.readBool(trader, "reentrySucceeded"));
    assertEquals(REENTRANCY, f.readBytes(trader, "reentryResult"));
    assertEquals(ONE, f.coins(trader));
    assertEquals(ZERO, f.withdrawable(trader));
    assertEquals(ZERO, f.coins(f.book));

    EvmSandbox.Outcome nothing = execute(trader, f.book, OrderBookFixture.withdraw(), false);
    assertEquals("NothingToWithdraw", OrderBookFixture.errorName(nothing.output()));
  }

  private EvmSandbox.Outcome execute(
      Address trader, Address to, org.web3j.abi.datatypes.Function call) {
    return execute(trader, to, call, true);
  }

  /**
   * Has the contract trader make {@code call}; its revert data surfaces as the outcome's output.
   */
  private EvmSandbox.Outcome execute(
      Address trader, Address to, org.web3j.abi.datatypes.Function call, boolean mustSucceed) {
    org.web3j.abi.datatypes.Function execute =
        function(
            "execute",
            address(to),
            new Uint256(ZERO),
            new DynamicBytes(encode(call).toArrayUnsafe()));
    EvmSandbox.Outcome outcome = f.send(f.owner, trader, execute, ZERO);
    assertEquals(
        mustSucceed, outcome.success(), () -> OrderBookFixture.errorName(outcome.output()));
    return outcome;
  }
}
