package org.distli.trading.contract;

import static java.math.BigInteger.ZERO;
import static org.distli.trading.contract.OrderBookFixture.address;
import static org.distli.trading.contract.OrderBookFixture.buy;
import static org.distli.trading.contract.OrderBookFixture.cost;
import static org.distli.trading.contract.OrderBookFixture.sell;
import static org.distli.trading.contract.OrderBookFixture.ticks;
import static org.distli.trading.contract.OrderBookFixture.units;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.trading.ContractArtifact;
import org.distli.trading.PredeployedContract;
import org.distli.trading.TradingPredeploys;
import org.distli.trading.sandbox.EvmSandbox;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The computed genesis storage of the predeploys is exactly what running their constructors (and
 * listing the markets) leaves behind, and the predeployed book trades.
 */
class PredeployStateTest {
  private final EvmSandbox chain = EvmSandbox.cancun();
  private final Address owner = chain.newAccount(Wei.ofEther(10));
  private final Address holderA = chain.newAccount(Wei.ofEther(10));
  private final Address holderB = chain.newAccount(Wei.ofEther(10));
  private final List<Address> holders = List.of(holderA, holderB, holderA);
  private final List<PredeployedContract> predeploys = TradingPredeploys.devChain(owner, holders);

  @Test
  void demoTokenStorageEqualsTheConstructorsOutput() {
    for (PredeployedContract token : predeploys.subList(1, 3)) {
      String name = token.name().equals("ALPHA") ? "Distli Alpha" : "Distli Beta";
      String args =
          FunctionEncoder.encodeConstructor(
              List.of(
                  new Utf8String(name),
                  new Utf8String(token.name()),
                  new DynamicArray<>(
                      org.web3j.abi.datatypes.Address.class,
                      holders.stream().map(OrderBookFixture::address).toList()),
                  new Uint256(TradingPredeploys.HOLDER_BALANCE)));
      Address deployed = deploy(ContractArtifact.DEMO_TOKEN, Hex.decode(args));
      assertEquals(token.storage(), chain.storageOf(deployed), token.name() + " storage");
      assertEquals(token.code(), chain.code(deployed), token.name() + " code");
    }
  }

  @Test
  void orderBookStorageEqualsDeployingItAndListingTheTwoMarkets() {
    installTokens();
    Address deployed = deploy(ContractArtifact.ORDER_BOOK, Bytes.EMPTY);
    for (var listing :
        List.of(
            List.of(TradingPredeploys.ALPHA, Address.ZERO),
            List.of(TradingPredeploys.BETA, TradingPredeploys.ALPHA))) {
      var outcome =
          chain.transact(
              owner,
              deployed,
              OrderBookFixture.encode(
                  OrderBookFixture.function(
                      "listMarket",
                      address(listing.get(0)),
                      address(listing.get(1)),
                      new Uint128(TradingPredeploys.LOT_SIZE),
                      new Uint128(TradingPredeploys.TICK_SIZE))),
              Wei.ZERO);
      assertEquals(true, outcome.success());
    }
    PredeployedContract book = predeploys.getFirst();
    assertEquals(book.storage(), chain.storageOf(deployed));
    assertEquals(book.code(), chain.code(deployed));
  }

  @Test
  void thePredeployedBookTradesBetweenTwoHolders() {
    installTokens();
    PredeployedContract book = predeploys.getFirst();
    chain.install(book.address(), book.code(), book.storage());
    ContractCalls calls = new ContractCalls(chain, book.address());
    calls.ok(holderA, TradingPredeploys.ALPHA, OrderBookFixture.approve(book.address(), units(5)));
    BigInteger price = ticks(2_000_000); // 2 coins per ALPHA
    calls.place(holderA, sell(TradingPredeploys.ALPHA, units(5), price), ZERO);
    BigInteger coinsA = calls.coins(holderA);
    calls.place(holderB, buy(TradingPredeploys.ALPHA, units(3), price), cost(units(3), price));
    assertEquals(coinsA.add(units(6)), calls.coins(holderA));
    assertEquals(
        TradingPredeploys.HOLDER_BALANCE.add(units(3)),
        calls.tokenBalance(TradingPredeploys.ALPHA, holderB));
    assertEquals(units(2), calls.tokenBalance(TradingPredeploys.ALPHA, book.address()));
  }

  private void installTokens() {
    for (PredeployedContract token : predeploys.subList(1, 3)) {
      chain.install(token.address(), token.code(), token.storage());
    }
  }

  private Address deploy(String artifact, Bytes arguments) {
    var outcome =
        chain.transact(
            owner, null, ContractArtifact.load(artifact).deploymentData(arguments), Wei.ZERO);
    assertEquals(true, outcome.success(), artifact);
    return outcome.created();
  }
}
