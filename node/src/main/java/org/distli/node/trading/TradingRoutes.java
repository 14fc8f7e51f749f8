package org.distli.node.trading;

import java.util.List;
import org.distli.chain.Blockchain;
import org.distli.chain.spec.ChainSpec;
import org.distli.rpc.HttpReply;
import org.distli.rpc.RpcServer;
import org.distli.state.StateDatabase;
import org.distli.trading.KnownContract;
import org.distli.trading.TradingPredeploys;
import org.distli.trading.rest.RestResponse;
import org.distli.trading.rest.RestRoute;
import org.distli.trading.rest.TradingRestApi;

/**
 * Mounts the trading REST views ({@code /api/trading/orderbook}, {@code /api/trading/trades},
 * {@code /api/contracts}) on the RPC server, reading the order book at its predeploy address. The
 * known contracts are the predeploys whose code is in the head state, so a chain without them lists
 * none and its order book views answer 404.
 */
public final class TradingRoutes {
  private TradingRoutes() {}

  public static void mount(
      RpcServer server, ChainSpec spec, Blockchain chain, StateDatabase state, long gasCap) {
    HeadStateEthCall ethCall = new HeadStateEthCall(spec, chain, state, gasCap);
    TradingRestApi api =
        new TradingRestApi(
            ethCall, TradingPredeploys.ORDER_BOOK, () -> deployedPredeploys(chain, state));
    for (RestRoute route : api.routes()) {
      server.get(
          route.path(),
          query -> {
            RestResponse response = route.handler().apply(query);
            return HttpReply.json(response.status(), response.body());
          });
    }
  }

  private static List<KnownContract> deployedPredeploys(Blockchain chain, StateDatabase state) {
    var head = state.at(chain.head().stateRoot());
    return TradingPredeploys.devChainContracts().stream()
        .filter(
            contract -> {
              var account = head.account(contract.address());
              return account != null
                  && !account.codeHash().equals(org.distli.primitives.Hash.EMPTY_CODE);
            })
        .toList();
  }
}
