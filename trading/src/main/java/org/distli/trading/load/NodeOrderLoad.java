package org.distli.trading.load;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.trading.EthCall;
import org.distli.trading.OrderBookViews;
import org.distli.trading.Web3jEthCall;
import org.distli.trading.wrapper.OrderBook;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/**
 * Sustained order throughput through a node: several traders each send batches of signed orders (a
 * sell and a crossing buy of one lot, alternately, so half the orders rest and half match) and wait
 * until their batch is mined before sending the next. The count of orders comes from the order book
 * itself (its next order id), so only orders that executed are counted.
 */
public final class NodeOrderLoad {

  /** What a run achieved. */
  public record Result(long sent, long placed, long trades, double seconds) {
    public double ordersPerSecond() {
      return placed / seconds;
    }
  }

  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(1_000_000);
  private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(120);

  private final Web3j web3j;
  private final List<Credentials> traders;
  private final Address book;
  private final Address asset;
  private final PrintStream progress;
  private final EthCall ethCall;
  private final OrderBookViews views;
  private long chainId;
  private BigInteger gasPrice;

  public NodeOrderLoad(
      Web3j web3j, List<Credentials> traders, Address book, Address asset, PrintStream progress) {
    this.web3j = web3j;
    this.traders = List.copyOf(traders);
    this.book = book;
    this.asset = asset;
    this.progress = progress;
    this.ethCall = new Web3jEthCall(web3j);
    this.views = new OrderBookViews(ethCall, book);
  }

  /**
   * Approves the book for every trader, then runs the load for {@code duration}.
   *
   * @param batch orders each trader sends before waiting for them to be mined (even)
   */
  public Result run(Duration duration, int batch) throws Exception {
    chainId = web3j.ethChainId().send().getChainId().longValueExact();
    // Twice the current price: enough headroom for the base fee to rise under load.
    gasPrice = web3j.ethGasPrice().send().getGasPrice().shiftLeft(1);
    OrderBook.MarketInfo market = views.market(asset);
    if (!Boolean.TRUE.equals(market.listed)) {
      throw new IllegalStateException("no market for " + asset + " on the order book " + book);
    }
    if (!Address.fromHex(market.quote).equals(Address.ZERO)) {
      throw new IllegalStateException("the load needs a market quoted in the native coin");
    }
    BigInteger lot = market.lotSize;
    BigInteger price = market.tickSize.multiply(BigInteger.valueOf(1_000_000));
    BigInteger cost =
        lot.multiply(price).divide(BigInteger.TEN.pow(market.baseDecimals.intValue()));

    progress.println("approving the order book for " + traders.size() + " traders");
    List<Nonce> nonces = new ArrayList<>();
    for (Credentials trader : traders) {
      Nonce nonce = new Nonce(trader, pendingNonce(trader));
      send(nonce, asset, fn("approve", address(book), new Uint256(MAX)), BigInteger.ZERO);
      nonces.add(nonce);
    }
    for (Nonce nonce : nonces) {
      awaitMined(nonce);
    }

    BigInteger firstId = nextOrderId();
    BigInteger tradesBefore = views.market(asset).tradeCount;
    progress.printf(
        "%d traders, batches of %d orders, for %ds%n", traders.size(), batch, duration.toSeconds());
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(traders.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Nonce nonce : nonces) {
        runs.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    for (int i = 0; i < batch; i++) {
                      boolean isBuy = i % 2 == 1;
                      Function order =
                          fn(
                              isBuy ? "buy" : "sell",
                              address(asset),
                              new Uint256(lot),
                              new Uint256(price));
                      send(nonce, book, order, isBuy ? cost : BigInteger.ZERO);
                      sent.incrementAndGet();
                    }
                    awaitMined(nonce);
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long placed = nextOrderId().subtract(firstId).longValueExact();
    long trades = views.market(asset).tradeCount.subtract(tradesBefore).longValueExact();
    return new Result(sent.get(), placed, trades, seconds);
  }

  public static void print(Result result, PrintStream out) {
    out.printf(
        "%d orders sent, %d executed (%d trades) in %.1f s: %.1f orders/s%n",
        result.sent(),
        result.placed(),
        result.trades(),
        result.seconds(),
        result.ordersPerSecond());
  }

  // ------------------------------------------------------------------------

  /** A trader's next nonce, owned by one thread at a time. */
  private static final class Nonce {
    final Credentials credentials;
    BigInteger next;

    Nonce(Credentials credentials, BigInteger next) {
      this.credentials = credentials;
      this.next = next;
    }
  }

  private void send(Nonce nonce, Address to, Function function, BigInteger value)
      throws IOException {
    RawTransaction tx =
        RawTransaction.createTransaction(
            nonce.next,
            gasPrice,
            GAS_LIMIT,
            to.toHexString(),
            value,
            FunctionEncoder.encode(function));
    byte[] signed = TransactionEncoder.signMessage(tx, chainId, nonce.credentials);
    EthSendTransaction response = web3j.ethSendRawTransaction(Hex.encode(signed)).send();
    if (response.hasError()) {
      throw new IllegalStateException(
          "the node refused a transaction: " + response.getError().getMessage());
    }
    nonce.next = nonce.next.add(BigInteger.ONE);
  }

  private void awaitMined(Nonce nonce) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (web3j
            .ethGetTransactionCount(
                nonce.credentials.getAddress(), DefaultBlockParameterName.LATEST)
            .send()
            .getTransactionCount()
            .compareTo(nonce.next)
        < 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "transactions of "
                + nonce.credentials.getAddress()
                + " not mined within "
                + RECEIPT_TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  private BigInteger pendingNonce(Credentials trader) throws IOException {
    return web3j
        .ethGetTransactionCount(trader.getAddress(), DefaultBlockParameterName.PENDING)
        .send()
        .getTransactionCount();
  }

  private BigInteger nextOrderId() {
    return new BigInteger(
        1,
        ethCall
            .call(book, Hex.decode(FunctionEncoder.encode(fn(OrderBook.FUNC_NEXTORDERID))))
            .toArrayUnsafe());
  }

  private static Function fn(String name, Type<?>... inputs) {
    return new Function(name, List.of(inputs), List.of());
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }
}
