package org.distli.rpc.txpool;

import java.util.LinkedHashMap;
import java.util.Map;
import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.txpool.TransactionPool;

/** txpool_status: the numbers of pending and queued transactions. */
public final class TxpoolStatus implements RpcMethod {
  private final TransactionPool pool;

  public TxpoolStatus(TransactionPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "txpool_status";
  }

  @Override
  public Object execute(RpcCall call) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("pending", JsonOutput.quantity(pool.pendingCount()));
    status.put("queued", JsonOutput.quantity(pool.queuedCount()));
    return status;
  }
}
