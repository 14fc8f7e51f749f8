package org.distli.rpc.filter;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Wei;
import org.distli.rpc.json.BlockJson;
import org.distli.rpc.json.LogJson;
import org.distli.rpc.json.TransactionJson;
import org.distli.rpc.jsonrpc.JsonWritable;
import org.distli.rpc.jsonrpc.RpcSession;

/**
 * eth_subscribe over WebSocket: "newHeads", "logs", "newPendingTransactions" (hashes, or full
 * transactions with {@code true}) and "syncing". Each subscription belongs to its connection and
 * ends with it. Notifications are {"jsonrpc":"2.0","method":"eth_subscription","params":
 * {"subscription":id,"result":...}}; a subscription notifies only once its id has been sent.
 */
public final class SubscriptionManager {
  public enum Kind {
    NEW_HEADS,
    LOGS,
    NEW_PENDING_TRANSACTIONS,
    SYNCING
  }

  /** Notifications held for a subscription whose id has not been sent yet. */
  static final int MAX_BUFFERED = 10_000;

  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /**
   * A subscription: created inactive, activated after the reply carrying its id is written. What
   * happens in between is buffered and sent on activation, so nothing is lost and nothing precedes
   * the id.
   */
  public final class Subscription {
    private final String id;
    private final RpcSession session;
    private final Kind kind;
    private final LogFilter filter;
    private final boolean fullTransactions;
    private boolean active;
    private java.util.List<Object> buffered = new java.util.ArrayList<>();

    private Subscription(
        String id, RpcSession session, Kind kind, LogFilter filter, boolean fullTransactions) {
      this.id = id;
      this.session = session;
      this.kind = kind;
      this.filter = filter;
      this.fullTransactions = fullTransactions;
    }

    public String id() {
      return id;
    }

    public synchronized void activate() {
      active = true;
      for (Object result : buffered) {
        deliver(result);
      }
      buffered = null;
    }

    private synchronized void send(Object result) {
      if (!active) {
        if (buffered.size() < MAX_BUFFERED) {
          buffered.add(result);
        }
        return;
      }
      deliver(result);
    }

    private void deliver(Object result) {
      Map<String, Object> params = new LinkedHashMap<>(2);
      params.put("subscription", id);
      params.put("result", result);
      session.notify("eth_subscription", params);
    }
  }

  /** Registers an inactive subscription; call {@link Subscription#activate} after replying. */
  public Subscription subscribe(
      RpcSession session, Kind kind, LogFilter filter, boolean fullTransactions) {
    String id = SubscriptionIds.next(random);
    Subscription subscription = new Subscription(id, session, kind, filter, fullTransactions);
    subscriptions.put(id, subscription);
    session.onClose(() -> subscriptions.remove(id));
    return subscription;
  }

  /** Ends a subscription of {@code session}; false when it has none with that id. */
  public boolean unsubscribe(RpcSession session, String id) {
    id = SubscriptionIds.normalize(id);
    Subscription subscription = subscriptions.get(id);
    if (subscription == null || subscription.session != session) {
      return false;
    }
    return subscriptions.remove(id, subscription);
  }

  public int size() {
    return subscriptions.size();
  }

  public void onNewBlock(Block block, List<Receipt> receipts) {
    JsonWritable header = null;
    for (Subscription subscription : subscriptions.values()) {
      switch (subscription.kind) {
        case NEW_HEADS -> {
          if (header == null) {
            header = BlockJson.header(block.header());
          }
          subscription.send(header);
        }
        case LOGS -> {
          for (LogJson log : BlockLogs.matching(block, receipts, subscription.filter)) {
            subscription.send(log);
          }
        }
        default -> {}
      }
    }
  }

  /** A block left the canonical chain: "logs" subscribers get its logs again as removed. */
  public void onRemovedBlock(Block block, List<Receipt> receipts) {
    for (Subscription subscription : subscriptions.values()) {
      if (subscription.kind == Kind.LOGS) {
        for (LogJson log : BlockLogs.matching(block, receipts, subscription.filter)) {
          subscription.send(log.asRemoved());
        }
      }
    }
  }

  public void onPendingTransaction(Transaction transaction, Wei baseFee) {
    JsonWritable full = null;
    for (Subscription subscription : subscriptions.values()) {
      if (subscription.kind != Kind.NEW_PENDING_TRANSACTIONS) {
        continue;
      }
      if (subscription.fullTransactions) {
        if (full == null) {
          full = TransactionJson.pending(transaction, baseFee);
        }
        subscription.send(full);
      } else {
        subscription.send(transaction.hash());
      }
    }
  }
}
