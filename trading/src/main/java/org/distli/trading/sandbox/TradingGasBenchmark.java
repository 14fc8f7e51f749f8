package org.distli.trading.sandbox;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.trading.ContractArtifact;
import org.distli.trading.TradingPredeploys;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Gas of the order book's operations, measured by running the committed bytecode in Distli's EVM
 * (an {@link EvmSandbox}): whole-transaction gas as a receipt reports it (21,000 intrinsic and the
 * calldata included), median over many repetitions, in a market ALPHA/native with 18 decimals.
 */
public final class TradingGasBenchmark {

  /** One measured operation: the median, minimum and maximum gas over {@code samples}. */
  public record Measurement(String operation, long median, long min, long max, int samples) {}

  private static final BigInteger LOT = TradingPredeploys.LOT_SIZE;
  private static final BigInteger UNIT = TradingPredeploys.TOKEN_UNIT;
  private static final BigInteger PRICE = UNIT; // 1 coin per token
  private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  private final int repetitions;
  private final EvmSandbox sandbox = EvmSandbox.cancun();
  private final Address owner = sandbox.newAccount(Wei.ofEther(1_000_000));
  private final Address maker = sandbox.newAccount(Wei.ofEther(1_000_000));
  private final Address taker = sandbox.newAccount(Wei.ofEther(1_000_000));
  private final Address token;
  private final Address book;

  public TradingGasBenchmark(int repetitions) {
    this.repetitions = repetitions;
    String args =
        FunctionEncoder.encodeConstructor(
            List.of(
                new Utf8String("Distli Alpha"),
                new Utf8String("ALPHA"),
                new DynamicArray<>(
                    org.web3j.abi.datatypes.Address.class, List.of(address(maker), address(taker))),
                new Uint256(UNIT.multiply(BigInteger.valueOf(1_000_000_000L)))));
    token = deploy(ContractArtifact.DEMO_TOKEN, Hex.decode(args));
    book = deploy(ContractArtifact.ORDER_BOOK, Bytes.EMPTY);
    send(
        owner,
        book,
        fn(
            "listMarket",
            address(token),
            address(Address.ZERO),
            new Uint128(LOT),
            new Uint128(TradingPredeploys.TICK_SIZE)),
        BigInteger.ZERO);
    send(maker, token, fn("approve", address(book), new Uint256(MAX)), BigInteger.ZERO);
    send(taker, token, fn("approve", address(book), new Uint256(MAX)), BigInteger.ZERO);
  }

  /** Runs every measurement. */
  public List<Measurement> run() {
    List<Measurement> results = new ArrayList<>();
    // A sell at a new best price: a new price level at the head of the list.
    BigInteger[] price = {PRICE.multiply(BigInteger.valueOf(1000))};
    results.add(
        measure(
            "place resting order, new price level",
            () -> {
              price[0] = price[0].subtract(TradingPredeploys.TICK_SIZE);
              return sell(maker, LOT, price[0]);
            }));
    results.add(
        measure("place resting order, existing price level", () -> sell(maker, LOT, price[0])));
    results.add(
        measure(
            "cancel resting order",
            () -> {
              BigInteger id = placeSell(maker, LOT, price[0]);
              return cancelGas(id);
            }));
    // Warm the trade history ring (the first TRADE_HISTORY trades write fresh slots).
    for (int i = 0; i < 260; i++) {
      sell(maker, LOT, price[0]);
      buy(taker, LOT, price[0]);
    }
    results.add(
        measure(
            "taker order filling 1 resting order",
            () -> {
              sell(maker, LOT, price[0]);
              return buy(taker, LOT, price[0]);
            }));
    int fills = 32;
    long[] multi = new long[repetitions];
    for (int r = 0; r < repetitions; r++) {
      for (int i = 0; i < fills; i++) {
        sell(maker, LOT, price[0]);
      }
      multi[r] = buy(taker, LOT.multiply(BigInteger.valueOf(fills)), price[0]);
    }
    Arrays.sort(multi);
    long one = results.getLast().median();
    long perTrade = (multi[multi.length / 2] - one) / (fills - 1);
    results.add(
        new Measurement(
            "taker order filling 32 resting orders",
            multi[multi.length / 2],
            multi[0],
            multi[multi.length - 1],
            repetitions));
    // The marginal cost of a fill: what each of the 31 further matches added.
    results.add(
        new Measurement(
            "each further matched trade (32-fill order)",
            perTrade,
            perTrade,
            perTrade,
            repetitions));
    return results;
  }

  public static void print(List<Measurement> results, PrintStream out) {
    out.printf("%-46s %10s %10s %10s%n", "operation (gas per transaction)", "median", "min", "max");
    for (Measurement m : results) {
      out.printf("%-46s %,10d %,10d %,10d%n", m.operation(), m.median(), m.min(), m.max());
    }
  }

  public static void main(String[] args) {
    print(
        new TradingGasBenchmark(args.length > 0 ? Integer.parseInt(args[0]) : 100).run(),
        System.out);
  }

  // ------------------------------------------------------------------------

  private Measurement measure(String operation, LongSupplier gas) {
    long[] samples = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      samples[i] = gas.getAsLong();
    }
    Arrays.sort(samples);
    return new Measurement(
        operation, samples[repetitions / 2], samples[0], samples[repetitions - 1], repetitions);
  }

  private long sell(Address from, BigInteger quantity, BigInteger price) {
    return send(
            from,
            book,
            fn("sell", address(token), new Uint256(quantity), new Uint256(price)),
            BigInteger.ZERO)
        .gasUsed();
  }

  private BigInteger placeSell(Address from, BigInteger quantity, BigInteger price) {
    EvmSandbox.Outcome outcome =
        send(
            from,
            book,
            fn("sell", address(token), new Uint256(quantity), new Uint256(price)),
            BigInteger.ZERO);
    return new BigInteger(1, outcome.output().toArrayUnsafe());
  }

  private long buy(Address from, BigInteger quantity, BigInteger price) {
    BigInteger cost = quantity.multiply(price).divide(UNIT);
    return send(
            from, book, fn("buy", address(token), new Uint256(quantity), new Uint256(price)), cost)
        .gasUsed();
  }

  private long cancelGas(BigInteger id) {
    return send(maker, book, fn("cancel", new Uint256(id)), BigInteger.ZERO).gasUsed();
  }

  private Address deploy(String artifact, Bytes arguments) {
    EvmSandbox.Outcome outcome =
        sandbox.transact(
            owner, null, ContractArtifact.load(artifact).deploymentData(arguments), Wei.ZERO);
    if (!outcome.success()) {
      throw new IllegalStateException("deploying " + artifact + " failed");
    }
    return outcome.created();
  }

  private EvmSandbox.Outcome send(Address from, Address to, Function function, BigInteger value) {
    EvmSandbox.Outcome outcome =
        sandbox.transact(from, to, Hex.decode(FunctionEncoder.encode(function)), Wei.of(value));
    if (!outcome.success()) {
      throw new IllegalStateException(function.getName() + " failed: " + outcome.output());
    }
    return outcome;
  }

  private static Function fn(String name, Type<?>... inputs) {
    return new Function(name, List.of(inputs), List.of());
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }
}
