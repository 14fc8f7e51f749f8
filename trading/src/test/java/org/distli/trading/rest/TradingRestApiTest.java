package org.distli.trading.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.trading.PredeployedContract;
import org.distli.trading.TradingPredeploys;
import org.distli.trading.sandbox.EvmSandbox;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** The REST views over the predeployed dev-chain contracts, run in the EVM. */
class TradingRestApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger UNIT = TradingPredeploys.TOKEN_UNIT;

  private final EvmSandbox chain = EvmSandbox.cancun();
  private final Address seller = chain.newAccount(Wei.ofEther(100));
  private final Address buyer = chain.newAccount(Wei.ofEther(100));
  private final TradingRestApi api;

  TradingRestApiTest() {
    for (PredeployedContract contract :
        TradingPredeploys.devChain(seller, List.of(seller, buyer))) {
      chain.install(contract.address(), contract.code(), contract.storage());
    }
    api =
        new TradingRestApi(
            chain, TradingPredeploys.ORDER_BOOK, TradingPredeploys::devChainContracts);
  }

  @Test
  void orderBookShowsBothSidesBestFirst() throws Exception {
    send(
        seller,
        TradingPredeploys.ALPHA,
        fn(
            "approve",
            address(TradingPredeploys.ORDER_BOOK),
            new Uint256(UNIT.multiply(BigInteger.TEN))),
        BigInteger.ZERO);
    order(seller, "sell", UNIT, UNIT.multiply(BigInteger.valueOf(3)));
    order(seller, "sell", UNIT, UNIT.multiply(BigInteger.TWO));
    order(buyer, "buy", UNIT, UNIT);

    RestResponse response = api.orderBook(Map.of("asset", TradingPredeploys.ALPHA.toHexString()));
    assertEquals(200, response.status(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("native", body.path("quote").asText());
    assertEquals(18, body.path("baseDecimals").asInt());
    assertEquals("1000000000000000", body.path("lotSize").asText());
    assertEquals(1, body.path("bids").size());
    assertEquals("3", body.path("bids").get(0).path("id").asText());
    assertEquals(buyer.toChecksumString(), body.path("bids").get(0).path("trader").asText());
    assertEquals(
        List.of("2000000000000000000", "3000000000000000000"),
        List.of(
            body.path("asks").get(0).path("price").asText(),
            body.path("asks").get(1).path("price").asText()));
  }

  @Test
  void tradesListTheLatestFirstWithTheirTime() throws Exception {
    send(
        seller,
        TradingPredeploys.ALPHA,
        fn(
            "approve",
            address(TradingPredeploys.ORDER_BOOK),
            new Uint256(UNIT.multiply(BigInteger.TEN))),
        BigInteger.ZERO);
    order(seller, "sell", UNIT.multiply(BigInteger.TWO), UNIT);
    order(buyer, "buy", UNIT, UNIT);
    long time = chain.timestamp();
    order(buyer, "buy", UNIT.shiftRight(1), UNIT);

    RestResponse response =
        api.trades(Map.of("asset", TradingPredeploys.ALPHA.toHexString(), "limit", "1"));
    assertEquals(200, response.status(), response.body());
    JsonNode trades = JSON.readTree(response.body()).path("trades");
    assertEquals(1, trades.size());
    assertEquals(UNIT.shiftRight(1).toString(), trades.get(0).path("quantity").asText());
    assertEquals(buyer.toChecksumString(), trades.get(0).path("buyer").asText());
    assertEquals(seller.toChecksumString(), trades.get(0).path("seller").asText());
    assertEquals(time + 1, trades.get(0).path("time").asLong());
    JsonNode all =
        JSON.readTree(api.trades(Map.of("asset", TradingPredeploys.ALPHA.toHexString())).body());
    assertEquals(2, all.path("trades").size());
    assertEquals("2", all.path("tradeCount").asText());
  }

  @Test
  void anAssetWithoutAMarketIsNotFound() throws Exception {
    RestResponse response = api.orderBook(Map.of("asset", buyer.toHexString()));
    assertEquals(404, response.status());
    assertEquals(
        "no market for asset " + buyer.toChecksumString(),
        JSON.readTree(response.body()).path("error").asText());
  }

  @Test
  void aChainWithoutTheOrderBookAnswers404() throws Exception {
    TradingRestApi elsewhere = new TradingRestApi(chain, buyer, List::of);
    RestResponse response =
        elsewhere.trades(Map.of("asset", TradingPredeploys.ALPHA.toHexString()));
    assertEquals(404, response.status(), response.body());
    assertEquals(
        "no order book contract at " + buyer.toChecksumString(),
        JSON.readTree(response.body()).path("error").asText());
  }

  private void order(Address from, String side, BigInteger quantity, BigInteger price) {
    BigInteger value = side.equals("buy") ? quantity.multiply(price).divide(UNIT) : BigInteger.ZERO;
    send(
        from,
        TradingPredeploys.ORDER_BOOK,
        fn(side, address(TradingPredeploys.ALPHA), new Uint256(quantity), new Uint256(price)),
        value);
  }

  private void send(Address from, Address to, Function function, BigInteger value) {
    EvmSandbox.Outcome outcome =
        chain.transact(from, to, Hex.decode(FunctionEncoder.encode(function)), Wei.of(value));
    assertEquals(true, outcome.success(), () -> function.getName() + ": " + outcome.output());
  }

  private static Function fn(String name, Type<?>... inputs) {
    return new Function(name, List.of(inputs), List.of());
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }
}
