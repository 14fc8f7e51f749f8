package org.distli.trading.contract;

import static org.distli.trading.contract.OrderBookFixture.address;
import static org.distli.trading.contract.OrderBookFixture.encode;
import static org.distli.trading.contract.OrderBookFixture.errorName;
import static org.distli.trading.contract.OrderBookFixture.function;
import static org.distli.trading.contract.OrderBookFixture.uint;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.trading.OrderBookViews;
import org.distli.trading.sandbox.EvmSandbox;
import org.distli.trading.wrapper.OrderBook;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

/** Transactions and reads against an order book on a {@link EvmSandbox}. */
class ContractCalls {
  final EvmSandbox chain;
  final Address book;
  final OrderBookViews views;

  ContractCalls(EvmSandbox chain, Address book) {
    this.chain = chain;
    this.book = book;
    this.views = new OrderBookViews(chain, book);
  }

  EvmSandbox.Outcome send(Address from, Address to, Function function, BigInteger value) {
    return chain.transact(from, to, encode(function), Wei.of(value));
  }

  EvmSandbox.Outcome ok(Address from, Address to, Function function) {
    return ok(from, to, function, BigInteger.ZERO);
  }

  EvmSandbox.Outcome ok(Address from, Address to, Function function, BigInteger value) {
    EvmSandbox.Outcome outcome = send(from, to, function, value);
    assertTrue(
        outcome.success(),
        () -> function.getName() + " reverted with " + errorName(outcome.output()));
    return outcome;
  }

  /** Places an order that must succeed; returns its id. */
  BigInteger place(Address from, Function order, BigInteger value) {
    EvmSandbox.Outcome outcome = ok(from, book, order, value);
    return new BigInteger(1, outcome.output().slice(0, 32).toArrayUnsafe());
  }

  // ------------------------------------------------------------------ reads

  BigInteger tokenBalance(Address token, Address holder) {
    return uint(chain.call(token, encode(function("balanceOf", address(holder)))));
  }

  BigInteger coins(Address account) {
    return chain.balance(account).toBigInteger();
  }

  BigInteger withdrawable(Address account) {
    return uint(chain.call(book, encode(function(OrderBook.FUNC_WITHDRAWABLE, address(account)))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  List<Type> read(Address to, Function function, TypeReference<?>... outputs) {
    Bytes result = chain.call(to, encode(function));
    return FunctionReturnDecoder.decode(Hex.encode(result), (List) List.of(outputs));
  }

  @SuppressWarnings("rawtypes") // web3j's decoder returns a raw List<Type>
  Bytes readBytes(Address to, String getter) {
    List<Type> result = read(to, function(getter), new TypeReference<DynamicBytes>() {});
    return Bytes.wrap(((DynamicBytes) result.getFirst()).getValue());
  }

  boolean readBool(Address to, String getter) {
    return uint(chain.call(to, encode(function(getter)))).signum() != 0;
  }
}
