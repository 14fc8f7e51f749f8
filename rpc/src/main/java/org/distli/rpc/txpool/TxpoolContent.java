package org.distli.rpc.txpool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.distli.rpc.json.TransactionJson;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.txpool.TransactionPool;

/**
 * txpool_content: pending and queued transactions by sender (checksummed address) and nonce
 * (decimal), as go-ethereum lists them.
 */
public final class TxpoolContent implements RpcMethod {
  private final TransactionPool pool;

  public TxpoolContent(TransactionPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_content";
  }

  @Override
  public Object execute(RpcCall call) {
    Wei baseFee = pool.nextBaseFee();
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(
        "pending", bySender(pool.pendingContent(), tx -> TransactionJson.pending(tx, baseFee)));
    content.put(
        "queued", bySender(pool.queuedContent(), tx -> TransactionJson.pending(tx, baseFee)));
    return content;
  }

  static Map<String, Object> bySender(
      Map<Address, List<Transaction>> transactions, Function<Transaction, Object> view) {
    Map<String, Object> out = new LinkedHashMap<>();
    transactions.forEach(
        (sender, txs) -> {
          Map<String, Object> byNonce = new LinkedHashMap<>();
          for (Transaction tx : txs) {
            byNonce.put(Long.toUnsignedString(tx.nonce()), view.apply(tx));
          }
          out.put(sender.toChecksumString(), byNonce);
        });
    return out;
  }
}
