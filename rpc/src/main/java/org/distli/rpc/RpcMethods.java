package org.distli.rpc;

import org.distli.primitives.Wei;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.debug.BlockReplay;
import org.distli.rpc.debug.DebugTraceBlockByHash;
import org.distli.rpc.debug.DebugTraceBlockByNumber;
import org.distli.rpc.debug.DebugTraceCall;
import org.distli.rpc.debug.DebugTraceTransaction;
import org.distli.rpc.eth.EthAccounts;
import org.distli.rpc.eth.EthBlockNumber;
import org.distli.rpc.eth.EthCall;
import org.distli.rpc.eth.EthChainId;
import org.distli.rpc.eth.EthCreateAccessList;
import org.distli.rpc.eth.EthEstimateGas;
import org.distli.rpc.eth.EthFeeHistory;
import org.distli.rpc.eth.EthGasPrice;
import org.distli.rpc.eth.EthGetBalance;
import org.distli.rpc.eth.EthGetBlockByHash;
import org.distli.rpc.eth.EthGetBlockByNumber;
import org.distli.rpc.eth.EthGetBlockReceipts;
import org.distli.rpc.eth.EthGetBlockTransactionCountByHash;
import org.distli.rpc.eth.EthGetBlockTransactionCountByNumber;
import org.distli.rpc.eth.EthGetCode;
import org.distli.rpc.eth.EthGetFilterChanges;
import org.distli.rpc.eth.EthGetFilterLogs;
import org.distli.rpc.eth.EthGetLogs;
import org.distli.rpc.eth.EthGetProof;
import org.distli.rpc.eth.EthGetStorageAt;
import org.distli.rpc.eth.EthGetTransactionByBlockHashAndIndex;
import org.distli.rpc.eth.EthGetTransactionByBlockNumberAndIndex;
import org.distli.rpc.eth.EthGetTransactionByHash;
import org.distli.rpc.eth.EthGetTransactionCount;
import org.distli.rpc.eth.EthGetTransactionReceipt;
import org.distli.rpc.eth.EthGetUncleByBlockAndIndex;
import org.distli.rpc.eth.EthGetUncleCountByBlockHash;
import org.distli.rpc.eth.EthGetUncleCountByBlockNumber;
import org.distli.rpc.eth.EthMaxPriorityFeePerGas;
import org.distli.rpc.eth.EthNewBlockFilter;
import org.distli.rpc.eth.EthNewFilter;
import org.distli.rpc.eth.EthNewPendingTransactionFilter;
import org.distli.rpc.eth.EthSendRawTransaction;
import org.distli.rpc.eth.EthSendTransaction;
import org.distli.rpc.eth.EthSign;
import org.distli.rpc.eth.EthSignTypedDataV4;
import org.distli.rpc.eth.EthSubscribe;
import org.distli.rpc.eth.EthSyncing;
import org.distli.rpc.eth.EthUninstallFilter;
import org.distli.rpc.eth.EthUnsubscribe;
import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.filter.SubscriptionManager;
import org.distli.rpc.jsonrpc.MethodRegistry;
import org.distli.rpc.net.NetListening;
import org.distli.rpc.net.NetPeerCount;
import org.distli.rpc.net.NetVersion;
import org.distli.rpc.personal.PersonalSign;
import org.distli.rpc.query.ChainQueries;
import org.distli.rpc.query.GasPriceOracle;
import org.distli.rpc.query.LogQuery;
import org.distli.rpc.txpool.TxpoolContent;
import org.distli.rpc.txpool.TxpoolInspect;
import org.distli.rpc.txpool.TxpoolStatus;
import org.distli.rpc.web3.Web3ClientVersion;
import org.distli.rpc.web3.Web3Sha3;

/** Every method the node serves, by namespace: the one place methods are registered. */
public final class RpcMethods {
  /** The smallest tip the gas price oracle suggests. */
  static final Wei MIN_SUGGESTED_TIP = Wei.of(1_000_000_000L);

  private RpcMethods() {}

  public static MethodRegistry.Builder all(
      RpcBackend backend,
      ApiLimits limits,
      FilterManager filters,
      SubscriptionManager subscriptions) {
    ChainQueries chain =
        new ChainQueries(backend.spec(), backend.chain(), backend.states(), backend.pool());
    LogQuery logs = new LogQuery(chain, limits.maxLogBlockRange(), limits.maxLogs());
    Wei poolMinimum = backend.pool().config().minTip();
    GasPriceOracle oracle =
        new GasPriceOracle(
            chain, poolMinimum.compareTo(MIN_SUGGESTED_TIP) > 0 ? poolMinimum : MIN_SUGGESTED_TIP);
    long chainId = backend.spec().chainId();
    CallExecutor executor = new CallExecutor(chain, backend.evm(), limits.gasCap());
    BlockReplay replay = new BlockReplay(chain, backend.evm(), executor);
    return MethodRegistry.builder()
        // web3, net
        .add(new Web3ClientVersion(backend.clientVersion()))
        .add(new Web3Sha3())
        .add(new NetVersion(chainId))
        .add(new NetListening())
        .add(new NetPeerCount(backend.peerCount()))
        // eth: chain and fees
        .add(new EthChainId(chainId))
        .add(new EthSyncing())
        .add(new EthBlockNumber(chain))
        .add(new EthGasPrice(oracle))
        .add(new EthMaxPriorityFeePerGas(oracle))
        .add(new EthFeeHistory(chain))
        // eth: state
        .add(new EthGetBalance(chain))
        .add(new EthGetTransactionCount(chain))
        .add(new EthGetCode(chain))
        .add(new EthGetStorageAt(chain))
        .add(new EthGetProof(chain))
        // eth: blocks, transactions, receipts
        .add(new EthGetBlockByNumber(chain))
        .add(new EthGetBlockByHash(chain))
        .add(new EthGetBlockReceipts(chain))
        .add(new EthGetBlockTransactionCountByNumber(chain))
        .add(new EthGetBlockTransactionCountByHash(chain))
        .add(new EthGetUncleCountByBlockNumber(chain))
        .add(new EthGetUncleCountByBlockHash(chain))
        .add(EthGetUncleByBlockAndIndex.byHash())
        .add(EthGetUncleByBlockAndIndex.byNumber())
        .add(new EthGetTransactionByHash(chain))
        .add(new EthGetTransactionByBlockHashAndIndex(chain))
        .add(new EthGetTransactionByBlockNumberAndIndex(chain))
        .add(new EthGetTransactionReceipt(chain))
        // eth: execution
        .add(new EthCall(executor))
        .add(new EthEstimateGas(executor))
        .add(new EthCreateAccessList(executor))
        // eth: logs, filters, subscriptions
        .add(new EthGetLogs(logs))
        .add(new EthNewFilter(filters, logs))
        .add(new EthNewBlockFilter(filters))
        .add(new EthNewPendingTransactionFilter(filters))
        .add(new EthGetFilterChanges(filters))
        .add(new EthGetFilterLogs(filters, logs))
        .add(new EthUninstallFilter(filters))
        .add(new EthSubscribe(subscriptions))
        .add(new EthUnsubscribe(subscriptions))
        // eth: transactions and signing
        .add(new EthSendRawTransaction(backend.pool(), limits.allowUnprotectedTransactions()))
        .add(new EthSendTransaction(executor, oracle, backend.accounts(), backend.pool()))
        .add(new EthAccounts(backend.accounts()))
        .add(new EthSign(backend.accounts()))
        .add(new EthSignTypedDataV4(backend.accounts()))
        .add(new PersonalSign(backend.accounts()))
        // txpool
        .add(new TxpoolStatus(backend.pool()))
        .add(new TxpoolContent(backend.pool()))
        .add(new TxpoolInspect(backend.pool()))
        // debug
        .add(new DebugTraceTransaction(chain, replay))
        .add(new DebugTraceCall(executor))
        .add(new DebugTraceBlockByNumber(chain, replay))
        .add(new DebugTraceBlockByHash(chain, replay));
  }
}
