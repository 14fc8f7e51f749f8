package org.distli.rpc.txpool;

import java.util.LinkedHashMap;
import java.util.Map;
import org.distli.chain.transaction.Transaction;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.txpool.TransactionPool;

/**
 * txpool_inspect: a one-line summary per pooled transaction, go-ethereum's format: "0xTo: 1 wei +
 * 21000 gas × 1000000000 wei" (or "contract creation: ...").
 */
public final class TxpoolInspect implements RpcMethod {
  private final TransactionPool pool;

  public TxpoolInspect(TransactionPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_inspect";
  }

  @Override
  public Object execute(RpcCall call) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("pending", TxpoolContent.bySender(pool.pendingContent(), TxpoolInspect::summary));
    content.put("queued", TxpoolContent.bySender(pool.queuedContent(), TxpoolInspect::summary));
    return content;
  }

  static String summary(Transaction tx) {
    String to = tx.to().map(a -> a.toChecksumString()).orElse("contract creation");
    return to
        + ": "
        + tx.value()
        + " wei + "
        + Long.toUnsignedString(tx.gasLimit())
        + " gas × "
        + tx.maxFeePerGas()
        + " wei";
  }
}
