package org.distli.trading.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.distli.trading.EthCall;
import org.distli.trading.TradingPredeploys;
import org.junit.jupiter.api.Test;

/** Bad parameters are answered with 400 before the state is read at all. */
class TradingRestApiParametersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EthCall NO_CALLS =
      (to, data) -> {
        throw new AssertionError("the state must not be read for a bad request");
      };
  private final TradingRestApi api =
      new TradingRestApi(
          NO_CALLS, TradingPredeploys.ORDER_BOOK, TradingPredeploys::devChainContracts);

  @Test
  void missingAssetIsABadRequest() throws Exception {
    RestResponse response = api.orderBook(Map.of());
    assertEquals(400, response.status());
    assertTrue(error(response).contains("missing query parameter 'asset'"), error(response));
  }

  @Test
  void malformedAssetIsABadRequest() throws Exception {
    for (String bad : List.of("0x1234", "alpha", "0xzz57100000000000000000000000000000000002")) {
      RestResponse response = api.trades(Map.of("asset", bad));
      assertEquals(400, response.status(), bad);
      assertTrue(error(response).startsWith("invalid asset '" + bad + "'"), error(response));
    }
  }

  @Test
  void limitMustBeAnIntegerFromOneTo256() throws Exception {
    String asset = TradingPredeploys.ALPHA.toHexString();
    for (String bad : List.of("0", "-1", "257", "ten", "1.5", "")) {
      RestResponse response = api.trades(Map.of("asset", asset, "limit", bad));
      assertEquals(400, response.status(), bad);
      assertEquals(
          "invalid limit '" + bad + "': expected an integer from 1 to 256", error(response));
    }
  }

  @Test
  void contractsListsTheDevChainPredeploysWithChecksummedAddresses() throws Exception {
    RestResponse response = api.contracts();
    assertEquals(200, response.status());
    JsonNode contracts = JSON.readTree(response.body()).path("contracts");
    assertEquals(3, contracts.size());
    assertEquals("OrderBook", contracts.get(0).path("name").asText());
    assertEquals("OrderBook", contracts.get(0).path("contract").asText());
    assertEquals(
        TradingPredeploys.ORDER_BOOK.toChecksumString(), contracts.get(0).path("address").asText());
    assertEquals("ALPHA", contracts.get(1).path("name").asText());
    assertEquals("DemoToken", contracts.get(1).path("contract").asText());
  }

  @Test
  void routesCoverTheThreeEndpoints() {
    assertEquals(
        List.of("/api/trading/orderbook", "/api/trading/trades", "/api/contracts"),
        api.routes().stream().map(RestRoute::path).toList());
  }

  private static String error(RestResponse response) throws Exception {
    return JSON.readTree(response.body()).path("error").asText();
  }
}
