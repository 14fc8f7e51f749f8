package org.distli.trading;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.trading.wrapper.OrderBook;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** The order book's view functions over an {@link EthCall}, decoded with the contract's ABI. */
public final class OrderBookViews {
  private final EthCall ethCall;
  private final Address orderBook;

  public OrderBookViews(EthCall ethCall, Address orderBook) {
    this.ethCall = ethCall;
    this.orderBook = orderBook;
  }

  /** The address holds no contract that answers the order book's views. */
  public static final class NoOrderBookException extends RuntimeException {
    public NoOrderBookException(Address address) {
      super("no order book contract at " + address.toChecksumString());
    }
  }

  public Address orderBook() {
    return orderBook;
  }

  public OrderBook.MarketInfo market(Address asset) {
    return (OrderBook.MarketInfo)
        call(new Function(
                OrderBook.FUNC_GETMARKET,
                List.of(address(asset)),
                List.of(new TypeReference<OrderBook.MarketInfo>() {})))
            .getFirst();
  }

  /** Bids highest first and asks lowest first, up to the contract's view depth per side. */
  public record Book(List<OrderBook.BookEntry> bids, List<OrderBook.BookEntry> asks) {}

  @SuppressWarnings("rawtypes") // web3j's decoder returns a raw List<Type>
  public Book orderBook(Address asset) {
    List<Type> result =
        call(
            new Function(
                OrderBook.FUNC_GETORDERBOOK,
                List.of(address(asset)),
                List.of(
                    new TypeReference<DynamicArray<OrderBook.BookEntry>>() {},
                    new TypeReference<DynamicArray<OrderBook.BookEntry>>() {})));
    return new Book(entries(result.get(0)), entries(result.get(1)));
  }

  /** The latest trades, newest first. */
  @SuppressWarnings("rawtypes") // web3j's decoder returns a raw List<Type>
  public List<OrderBook.TradeInfo> trades(Address asset, int limit) {
    List<Type> result =
        call(
            new Function(
                OrderBook.FUNC_GETTRADES,
                List.of(address(asset), new Uint256(BigInteger.valueOf(limit))),
                List.of(new TypeReference<DynamicArray<OrderBook.TradeInfo>>() {})));
    List<OrderBook.TradeInfo> trades = new ArrayList<>();
    for (Object trade : ((DynamicArray<?>) result.getFirst()).getValue()) {
      trades.add((OrderBook.TradeInfo) trade);
    }
    return trades;
  }

  public OrderBook.OrderInfo order(BigInteger orderId) {
    return (OrderBook.OrderInfo)
        call(new Function(
                OrderBook.FUNC_GETORDER,
                List.of(new Uint256(orderId)),
                List.of(new TypeReference<OrderBook.OrderInfo>() {})))
            .getFirst();
  }

  @SuppressWarnings("rawtypes") // web3j's decoder returns a raw List<Type>
  private static List<OrderBook.BookEntry> entries(Type array) {
    List<OrderBook.BookEntry> entries = new ArrayList<>();
    for (Object entry : ((DynamicArray<?>) array).getValue()) {
      entries.add((OrderBook.BookEntry) entry);
    }
    return entries;
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private List<Type> call(Function function) {
    Bytes data = Hex.decode(FunctionEncoder.encode(function));
    Bytes result = ethCall.call(orderBook, data);
    if (result.isEmpty()) {
      throw new NoOrderBookException(orderBook);
    }
    return FunctionReturnDecoder.decode(Hex.encode(result), (List) function.getOutputParameters());
  }
}
