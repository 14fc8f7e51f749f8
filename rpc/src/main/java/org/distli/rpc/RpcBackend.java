package org.distli.rpc;

import java.util.function.IntSupplier;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainReader;
import org.distli.evm.TransactionProcessor;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.state.StateDatabase;
import org.distli.txpool.TransactionPool;

/**
 * The node's parts the JSON-RPC methods use: all thread-safe readers of committed data, plus the
 * transaction pool where writes go. Built by the node.
 *
 * @param evm executes eth_call, eth_estimateGas and traces (share its code cache with the chain)
 * @param clientVersion web3_clientVersion, e.g. "Distli/v0.1.0/linux-amd64/java25"
 * @param peerCount connected peers, for net_peerCount
 * @param accounts the accounts signed for (dev mode), {@link UnlockedAccounts#NONE} otherwise
 */
public record RpcBackend(
    ChainSpec spec,
    ChainReader chain,
    StateDatabase states,
    TransactionPool pool,
    TransactionProcessor evm,
    UnlockedAccounts accounts,
    String clientVersion,
    IntSupplier peerCount) {}
