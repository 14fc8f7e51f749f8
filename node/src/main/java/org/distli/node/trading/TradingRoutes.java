package org.distli.node.trading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.distli.chain.store.ChainReader;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.rpc.HttpReply;
import org.distli.rpc.RpcServer;
import org.distli.rpc.call.CallArguments;
import org.distli.rpc.call.CallExecutor;
import org.distli.state.StateDatabase;
import org.distli.state.StateReader;
import org.distli.trading.EthCall;
import org.distli.trading.KnownContract;
import org.distli.trading.TradingPredeploys;
import org.distli.trading.rest.RestResponse;
import org.distli.trading.rest.RestRoute;
import org.distli.trading.rest.TradingRestApi;

/**
 * Mounts the trading REST views ({@code /api/trading/orderbook}, {@code /api/trading/trades},
 * {@code /api/contracts}) on the RPC server, reading the order book through the same call executor
 * as {@code eth_call} at "latest". The order book is the dev chain's predeploy unless the node is
 * configured with another ({@code trading.order_book}, e.g. one {@code distli trading deploy}
 * made). The known contracts are the predeploys and the configured order book whose code is in the
 * head state, so a chain without them lists none and its order book views answer 404.
 */
public final class TradingRoutes {
  private TradingRoutes() {}

  public static void mount(
      RpcServer server,
      CallExecutor calls,
      ChainReader chain,
      StateDatabase state,
      Optional<Address> configuredOrderBook) {
    Address orderBook = configuredOrderBook.orElse(TradingPredeploys.ORDER_BOOK);
    List<KnownContract> candidates = new ArrayList<>(TradingPredeploys.devChainContracts());
    if (!orderBook.equals(TradingPredeploys.ORDER_BOOK)) {
      candidates.add(new KnownContract("OrderBook", "OrderBook", orderBook));
    }
    TradingRestApi api =
        new TradingRestApi(headCall(calls), orderBook, () -> withCode(candidates, chain, state));
    for (RestRoute route : api.routes()) {
      server.get(
          route.path(),
          query -> {
            RestResponse response = route.handler().apply(query);
            return HttpReply.json(response.status(), response.body());
          });
    }
  }

  private static EthCall headCall(CallExecutor calls) {
    return (to, data) -> {
      CallArguments args = CallArguments.call(to, data);
      var call = new CallExecutor.Call(args, calls.chain().head());
      var result = calls.runOrThrow(call, calls.gasFor(args), null);
      return switch (result.status()) {
        case SUCCESS -> result.output();
        case REVERT -> throw new EthCall.CallRevertedException(result.output());
        case HALT -> throw new IllegalStateException("call failed: " + result.errorMessage());
      };
    };
  }

  private static List<KnownContract> withCode(
      List<KnownContract> candidates, ChainReader chain, StateDatabase state) {
    StateReader head = state.at(chain.head().stateRoot());
    return candidates.stream()
        .filter(
            contract -> {
              var account = head.account(contract.address());
              return account != null && !account.codeHash().equals(Hash.EMPTY_CODE);
            })
        .toList();
  }
}
