package org.distli.trading.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.distli.primitives.Address;
import org.distli.trading.EthCall;
import org.distli.trading.KnownContract;
import org.distli.trading.OrderBookViews;
import org.distli.trading.wrapper.OrderBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only JSON views of the order book for dashboards, served on the RPC port:
 *
 * <ul>
 *   <li>{@code GET /api/trading/orderbook?asset=0x...} — the market and its resting orders;
 *   <li>{@code GET /api/trading/trades?asset=0x...&limit=N} — the latest trades, newest first;
 *   <li>{@code GET /api/contracts} — the known deployed contracts.
 * </ul>
 *
 * Amounts are decimal strings (they exceed JavaScript's safe integers); bad parameters give 400, an
 * asset without a market 404, and a failing state read 500, each as {@code {"error": "..."}}.
 */
public final class TradingRestApi {
  public static final String ORDER_BOOK_PATH = "/api/trading/orderbook";
  public static final String TRADES_PATH = "/api/trading/trades";
  public static final String CONTRACTS_PATH = "/api/contracts";
  public static final int DEFAULT_TRADES = 50;
  public static final int MAX_TRADES = 256;

  private static final Logger LOG = LoggerFactory.getLogger(TradingRestApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrderBookViews views;
  private final Supplier<List<KnownContract>> contracts;

  /**
   * @param ethCall read-only calls against the latest state
   * @param orderBook the order book's address
   * @param contracts the contracts {@code /api/contracts} lists, read on every request
   */
  public TradingRestApi(
      EthCall ethCall, Address orderBook, Supplier<List<KnownContract>> contracts) {
    this.views = new OrderBookViews(ethCall, orderBook);
    this.contracts = contracts;
  }

  /** Every endpoint, for the HTTP server to mount. */
  public List<RestRoute> routes() {
    return List.of(
        new RestRoute(ORDER_BOOK_PATH, this::orderBook),
        new RestRoute(TRADES_PATH, this::trades),
        new RestRoute(CONTRACTS_PATH, query -> contracts()));
  }

  public RestResponse orderBook(Map<String, String> query) {
    return handle(
        () -> {
          Address asset = assetParameter(query);
          OrderBook.MarketInfo market = listedMarket(asset);
          OrderBookViews.Book book = views.orderBook(asset);
          ObjectNode body = marketJson(asset, market);
          body.set("bids", entriesJson(book.bids()));
          body.set("asks", entriesJson(book.asks()));
          return body;
        });
  }

  public RestResponse trades(Map<String, String> query) {
    return handle(
        () -> {
          Address asset = assetParameter(query);
          int limit = limitParameter(query);
          OrderBook.MarketInfo market = listedMarket(asset);
          ObjectNode body = marketJson(asset, market);
          ArrayNode trades = body.putArray("trades");
          for (OrderBook.TradeInfo trade : views.trades(asset, limit)) {
            ObjectNode node = trades.addObject();
            node.put("price", trade.price.toString());
            node.put("quantity", trade.quantity.toString());
            node.put("buyer", checksum(trade.buyer));
            node.put("seller", checksum(trade.seller));
            node.put("time", trade.time.longValueExact());
          }
          return body;
        });
  }

  public RestResponse contracts() {
    return handle(
        () -> {
          ObjectNode body = JSON.createObjectNode();
          ArrayNode list = body.putArray("contracts");
          for (KnownContract contract : contracts.get()) {
            list.addObject()
                .put("name", contract.name())
                .put("contract", contract.contract())
                .put("address", contract.address().toChecksumString());
          }
          return body;
        });
  }

  private static final class BadRequest extends RuntimeException {
    private final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private interface Body {
    ObjectNode build();
  }

  private static RestResponse handle(Body body) {
    try {
      return new RestResponse(200, JSON.writeValueAsString(body.build()));
    } catch (BadRequest e) {
      return error(e.status, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("trading REST view failed", e);
      return error(500, "cannot read the order book: " + e.getMessage());
    } catch (JsonProcessingException e) {
      return error(500, e.getMessage());
    }
  }

  private static RestResponse error(int status, String message) {
    ObjectNode node = JSON.createObjectNode().put("error", message);
    return new RestResponse(status, node.toString());
  }

  private static Address assetParameter(Map<String, String> query) {
    String value = query.get("asset");
    if (value == null || value.isBlank()) {
      throw new BadRequest(400, "missing query parameter 'asset' (the base token's address)");
    }
    String text = value.trim();
    if (!text.matches("0[xX][0-9a-fA-F]{40}")) {
      throw new BadRequest(400, "invalid asset '" + value + "': expected a 0x-prefixed address");
    }
    return Address.fromHex(text);
  }

  private static int limitParameter(Map<String, String> query) {
    String value = query.get("limit");
    if (value == null) {
      return DEFAULT_TRADES;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_TRADES) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new BadRequest(
        400, "invalid limit '" + value + "': expected an integer from 1 to " + MAX_TRADES);
  }

  private OrderBook.MarketInfo listedMarket(Address asset) {
    OrderBook.MarketInfo market;
    try {
      market = views.market(asset);
    } catch (EthCall.CallRevertedException | OrderBookViews.NoOrderBookException e) {
      throw new BadRequest(
          404, "no order book contract at " + views.orderBook().toChecksumString());
    }
    if (!Boolean.TRUE.equals(market.listed)) {
      throw new BadRequest(404, "no market for asset " + asset.toChecksumString());
    }
    return market;
  }

  private ObjectNode marketJson(Address asset, OrderBook.MarketInfo market) {
    ObjectNode body = JSON.createObjectNode();
    body.put("orderBook", views.orderBook().toChecksumString());
    body.put("asset", asset.toChecksumString());
    Address quote = Address.fromHex(market.quote);
    body.put("quote", quote.equals(Address.ZERO) ? "native" : quote.toChecksumString());
    body.put("baseDecimals", market.baseDecimals.intValueExact());
    body.put("lotSize", market.lotSize.toString());
    body.put("tickSize", market.tickSize.toString());
    body.put("tradeCount", market.tradeCount.toString());
    return body;
  }

  private static ArrayNode entriesJson(List<OrderBook.BookEntry> entries) {
    ArrayNode array = JSON.createArrayNode();
    for (OrderBook.BookEntry entry : entries) {
      array
          .addObject()
          .put("id", entry.id.toString())
          .put("price", entry.price.toString())
          .put("quantity", entry.quantity.toString())
          .put("trader", checksum(entry.trader));
    }
    return array;
  }

  private static String checksum(String address) {
    return Address.fromHex(address).toChecksumString();
  }
}
