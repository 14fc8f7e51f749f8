package org.distli.rpc.eth;

import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.rlp.RlpException;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.txpool.TransactionPool;

/**
 * eth_sendRawTransaction(bytes): decodes a signed transaction and adds it to the pool; the hash on
 * success, else -32000 with go-ethereum's reason ("nonce too low", "already known", ...). Legacy
 * transactions signed without a chain id are refused unless allowed, as go-ethereum does.
 */
public final class EthSendRawTransaction implements RpcMethod {
  static final String UNPROTECTED = "only replay-protected (EIP-155) transactions allowed over RPC";

  private final TransactionPool pool;
  private final boolean allowUnprotected;

  public EthSendRawTransaction(TransactionPool pool, boolean allowUnprotected) {
    this.pool = pool;
    this.allowUnprotected = allowUnprotected;
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public Object execute(RpcCall call) {
    Bytes raw = call.params().bytes(0);
    Transaction tx;
    try {
      tx = Transaction.decode(raw);
    } catch (RlpException | InvalidTransactionException e) {
      throw RpcException.server(e.getMessage());
    }
    if (!allowUnprotected && tx.chainId().isEmpty()) {
      throw RpcException.server(UNPROTECTED);
    }
    return submit(pool, tx);
  }

  /** Adds {@code tx} to the pool; its hash, or the pool's refusal as a -32000 error. */
  static Object submit(TransactionPool pool, Transaction tx) {
    try {
      return pool.add(tx).hash();
    } catch (InvalidTransactionException e) {
      throw RpcException.server(e.getMessage());
    }
  }
}
