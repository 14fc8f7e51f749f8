package org.distli.trading.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.trading.ContractArtifact;
import org.distli.trading.sandbox.EvmSandbox;
import org.distli.trading.wrapper.OrderBook;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Two demo tokens and an order book deployed from their committed bytecode on a {@link EvmSandbox},
 * with markets ALPHA/native and BETA/ALPHA listed and three funded traders that approved the book.
 */
final class OrderBookFixture extends ContractCalls {
  static final BigInteger UNIT = BigInteger.TEN.pow(18);
  static final BigInteger LOT = BigInteger.TEN.pow(15);
  static final BigInteger TICK = BigInteger.TEN.pow(12);
  static final BigInteger TOKENS_EACH = UNIT.multiply(BigInteger.valueOf(1000));
  static final Wei COINS_EACH = Wei.ofEther(1000);
  static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  final Address owner;
  final Address alice;
  final Address bob;
  final Address carol;
  final Address alpha;
  final Address beta;

  OrderBookFixture(EvmSandbox chain) {
    this(chain, chain.newAccount(COINS_EACH));
  }

  private OrderBookFixture(EvmSandbox chain, Address owner) {
    super(chain, deployBook(chain, owner));
    this.owner = owner;
    alice = chain.newAccount(COINS_EACH);
    bob = chain.newAccount(COINS_EACH);
    carol = chain.newAccount(COINS_EACH);
    List<Address> traders = List.of(alice, bob, carol);
    alpha = deployToken("Distli Alpha", "ALPHA", traders);
    beta = deployToken("Distli Beta", "BETA", traders);
    ok(owner, book, listMarket(alpha, Address.ZERO));
    ok(owner, book, listMarket(beta, alpha));
    for (Address trader : traders) {
      ok(trader, alpha, approve(book, MAX));
      ok(trader, beta, approve(book, MAX));
    }
  }

  Address deployToken(String name, String symbol, List<Address> holders) {
    String args =
        FunctionEncoder.encodeConstructor(
            List.of(
                new Utf8String(name),
                new Utf8String(symbol),
                new DynamicArray<>(
                    org.web3j.abi.datatypes.Address.class,
                    holders.stream().map(OrderBookFixture::address).toList()),
                new Uint256(TOKENS_EACH)));
    return deploy(owner, ContractArtifact.DEMO_TOKEN, Hex.decode(args));
  }

  private static Address deployBook(EvmSandbox chain, Address owner) {
    return deploy(chain, owner, ContractArtifact.ORDER_BOOK, Bytes.EMPTY);
  }

  Address deploy(Address from, String artifact, Bytes constructorArguments) {
    return deploy(chain, from, artifact, constructorArguments);
  }

  static Address deploy(
      EvmSandbox chain, Address from, String artifact, Bytes constructorArguments) {
    Bytes data = ContractArtifact.load(artifact).deploymentData(constructorArguments);
    EvmSandbox.Outcome outcome = chain.transact(from, null, data, Wei.ZERO);
    assertTrue(outcome.success(), () -> "deploying " + artifact + " failed: " + outcome);
    return outcome.created();
  }

  // ------------------------------------------------------------------ calls

  static Function listMarket(Address asset, Address quote) {
    return function(
        OrderBook.FUNC_LISTMARKET,
        address(asset),
        address(quote),
        new Uint128(LOT),
        new Uint128(TICK));
  }

  static Function buy(Address asset, BigInteger quantity, BigInteger price) {
    return function(OrderBook.FUNC_BUY, address(asset), new Uint256(quantity), new Uint256(price));
  }

  static Function sell(Address asset, BigInteger quantity, BigInteger price) {
    return function(OrderBook.FUNC_SELL, address(asset), new Uint256(quantity), new Uint256(price));
  }

  static Function placeOrder(
      Address asset, boolean isBuy, BigInteger quantity, BigInteger price, BigInteger hint) {
    return function(
        OrderBook.FUNC_PLACEORDER,
        address(asset),
        new Bool(isBuy),
        new Uint256(quantity),
        new Uint256(price),
        new Uint256(hint));
  }

  static Function cancel(BigInteger orderId) {
    return function(OrderBook.FUNC_CANCEL, new Uint256(orderId));
  }

  static Function withdraw() {
    return function(OrderBook.FUNC_WITHDRAW);
  }

  static Function approve(Address spender, BigInteger amount) {
    return function("approve", address(spender), new Uint256(amount));
  }

  static Function transfer(Address to, BigInteger amount) {
    return function("transfer", address(to), new Uint256(amount));
  }

  static Function function(String name, Type<?>... inputs) {
    return new Function(name, List.of(inputs), List.of());
  }

  static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  static Bytes encode(Function function) {
    return Hex.decode(FunctionEncoder.encode(function));
  }

  /** {@code buy} escrow: quantity * price / 10^18. */
  static BigInteger cost(BigInteger quantity, BigInteger price) {
    return quantity.multiply(price).divide(UNIT);
  }

  static BigInteger lots(long n) {
    return LOT.multiply(BigInteger.valueOf(n));
  }

  static BigInteger ticks(long n) {
    return TICK.multiply(BigInteger.valueOf(n));
  }

  static BigInteger units(long n) {
    return UNIT.multiply(BigInteger.valueOf(n));
  }

  /** The name of the custom error (or Error(string) reason) in revert data. */
  static String errorName(Bytes revertData) {
    if (revertData.size() < 4) {
      return "(no revert data)";
    }
    Bytes selector = revertData.slice(0, 4);
    for (var error :
        List.of(
            OrderBook.NOTOWNER_ERROR,
            OrderBook.REENTRANCY_ERROR,
            OrderBook.INVALIDMARKET_ERROR,
            OrderBook.UNKNOWNMARKET_ERROR,
            OrderBook.INVALIDQUANTITY_ERROR,
            OrderBook.INVALIDPRICE_ERROR,
            OrderBook.WRONGVALUE_ERROR,
            OrderBook.NOTORDEROWNER_ERROR,
            OrderBook.ORDERNOTOPEN_ERROR,
            OrderBook.PRICESEARCHTOOLONG_ERROR,
            OrderBook.NOTHINGTOWITHDRAW_ERROR,
            OrderBook.TRANSFERFAILED_ERROR)) {
      if (Hex.decode(org.web3j.abi.CustomErrorEncoder.encode(error)).slice(0, 4).equals(selector)) {
        return error.getName();
      }
    }
    return Hex.encode(revertData);
  }

  static BigInteger uint(Bytes word) {
    return new BigInteger(1, word.slice(0, 32).toArrayUnsafe());
  }

  // ------------------------------------------------------------------ events

  /** The logs as web3j sees them in a receipt, for the wrapper's event decoders. */
  static TransactionReceipt receipt(EvmSandbox.Outcome outcome) {
    TransactionReceipt receipt = new TransactionReceipt();
    List<org.web3j.protocol.core.methods.response.Log> logs = new ArrayList<>();
    for (Log log : outcome.logs()) {
      org.web3j.protocol.core.methods.response.Log web3Log =
          new org.web3j.protocol.core.methods.response.Log();
      web3Log.setAddress(log.address().toHexString());
      web3Log.setTopics(log.topics().stream().map(t -> t.toHexString()).toList());
      web3Log.setData(Hex.encode(log.data()));
      logs.add(web3Log);
    }
    receipt.setLogs(logs);
    return receipt;
  }

  /** The event names of a transaction's logs in order (order book and token events). */
  static List<String> eventNames(EvmSandbox.Outcome outcome) {
    List<String> names = new ArrayList<>();
    for (Log log : outcome.logs()) {
      String topic = log.topics().getFirst().toHexString();
      String name = "?";
      for (var event :
          List.of(
              OrderBook.ORDERPLACED_EVENT,
              OrderBook.TRADE_EVENT,
              OrderBook.ORDERCANCELLED_EVENT,
              OrderBook.PAYMENTDEFERRED_EVENT,
              OrderBook.WITHDRAWAL_EVENT,
              OrderBook.MARKETLISTED_EVENT,
              OrderBook.OWNERSHIPTRANSFERRED_EVENT,
              org.distli.trading.wrapper.DemoToken.TRANSFER_EVENT,
              org.distli.trading.wrapper.DemoToken.APPROVAL_EVENT)) {
        if (EventEncoder.encode(event).equals(topic)) {
          name = event.getName();
        }
      }
      names.add(name);
    }
    return names;
  }
}
