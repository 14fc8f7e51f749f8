package org.distli.node.trading;

import java.util.List;
import org.distli.chain.store.ChainReader;
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
 * {@code /api/contracts}) on the RPC server, reading the order book at its predeploy address
 * through the same call executor as {@code eth_call} at "latest". The known contracts are the
 * predeploys whose code is in the head state, so a chain without them lists none and its order book
 * views answer 404.
 */
public final class TradingRoutes {
  private TradingRoutes() {}

  public static void mount(
      RpcServer server, CallExecutor calls, ChainReader chain, StateDatabase state) {
    TradingRestApi api =
        new TradingRestApi(
            headCall(calls), TradingPredeploys.ORDER_BOOK, () -> deployedPredeploys(chain, state));
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

  private static List<KnownContract> deployedPredeploys(ChainReader chain, StateDatabase state) {
    StateReader head = state.at(chain.head().stateRoot());
    return TradingPredeploys.devChainContracts().stream()
        .filter(
            contract -> {
              var account = head.account(contract.address());
              return account != null && !account.codeHash().equals(Hash.EMPTY_CODE);
            })
        .toList();
  }
}
