package org.distli.rpc;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.distli.chain.ChainEvent;
import org.distli.chain.ChainListener;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Wei;
import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.filter.SubscriptionManager;
import org.distli.rpc.jsonrpc.MethodRegistry;
import org.distli.rpc.jsonrpc.RpcMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's JSON-RPC service: the server, the methods over the node's parts, and the filters and
 * subscriptions fed by chain and pool events. Events are handed to one "rpc-events" thread, so the
 * chain writer and the pool never wait for JSON serialization or slow clients.
 *
 * <pre>
 * JsonRpc rpc = JsonRpc.create(vertx, RpcConfig.dev(), ApiLimits.DEFAULT, backend, metrics);
 * rpc.server().get("/health", query -> ...);
 * rpc.start();
 * blockchain.addListener(rpc); // a ChainListener: newHeads, logs, block and log filters
 * </pre>
 */
public final class JsonRpc implements ChainListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpc.class);

  private final RpcServer server;
  private final FilterManager filters;
  private final SubscriptionManager subscriptions;
  private final RpcBackend backend;
  private final ScheduledExecutorService events;
  private final AutoCloseable poolSubscription;

  private JsonRpc(
      RpcServer server,
      FilterManager filters,
      SubscriptionManager subscriptions,
      RpcBackend backend) {
    this.server = server;
    this.filters = filters;
    this.subscriptions = subscriptions;
    this.backend = backend;
    this.events =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "rpc-events");
              thread.setDaemon(true);
              return thread;
            });
    events.scheduleWithFixedDelay(this::expireFilters, 30, 30, TimeUnit.SECONDS);
    this.poolSubscription = backend.pool().subscribePending(this::onPendingTransactions);
  }

  public static JsonRpc create(
      Vertx vertx, RpcConfig config, ApiLimits limits, RpcBackend backend, RpcMetrics metrics) {
    FilterManager filters = new FilterManager(System::nanoTime, limits.filterTimeout().toNanos());
    SubscriptionManager subscriptions = new SubscriptionManager();
    MethodRegistry registry =
        RpcMethods.all(backend, limits, filters, subscriptions).build(config.namespaces());
    RpcServer server = new RpcServer(vertx, config, registry, metrics);
    return new JsonRpc(server, filters, subscriptions, backend);
  }

  /** The server, to mount routes before {@link #start}. */
  public RpcServer server() {
    return server;
  }

  /** Starts listening; returns the port. */
  public int start() {
    return server.start();
  }

  /**
   * The canonical head moved: logs of blocks taken out by a reorganisation are delivered again with
   * {@code removed: true}, then the added blocks feed block and log filters and "newHeads" and
   * "logs" subscriptions, oldest first.
   */
  @Override
  public void onHeadChanged(ChainEvent event) {
    events.execute(
        () -> {
          try {
            for (ChainEvent.BlockWithReceipts removed : event.removed()) {
              filters.onRemovedBlock(removed.block(), removed.receipts());
              subscriptions.onRemovedBlock(removed.block(), removed.receipts());
            }
            for (ChainEvent.BlockWithReceipts added : event.added()) {
              filters.onNewBlock(added.block(), added.receipts());
              subscriptions.onNewBlock(added.block(), added.receipts());
            }
          } catch (RuntimeException e) {
            LOG.warn(
                "delivering head {} to filters and subscriptions failed", event.head().number(), e);
          }
        });
  }

  /** One block joined the canonical chain (for callers without a {@link ChainEvent}). */
  public void onNewBlock(Block block, List<Receipt> receipts) {
    onHeadChanged(
        new ChainEvent(
            block.header(), List.of(new ChainEvent.BlockWithReceipts(block, receipts)), List.of()));
  }

  /** Transactions became pending in the pool. */
  public void onPendingTransactions(List<Transaction> transactions) {
    events.execute(
        () -> {
          try {
            Wei baseFee = backend.pool().nextBaseFee();
            for (Transaction tx : transactions) {
              filters.onPendingTransaction(tx);
              subscriptions.onPendingTransaction(tx, baseFee);
            }
          } catch (RuntimeException e) {
            LOG.warn("delivering pending transactions failed", e);
          }
        });
  }

  private void expireFilters() {
    int removed = filters.expire();
    if (removed > 0) {
      LOG.debug("removed {} unpolled filters", removed);
    }
  }

  @Override
  public void close() {
    try {
      poolSubscription.close();
    } catch (Exception e) {
      LOG.debug("unsubscribing from the pool: {}", e.toString());
    }
    server.close();
    events.shutdownNow();
  }
}
