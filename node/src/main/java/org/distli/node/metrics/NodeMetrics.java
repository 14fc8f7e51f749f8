package org.distli.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.distli.rpc.jsonrpc.RpcMetrics;

/**
 * The node's Prometheus metrics, served on their own port (GET /metrics):
 *
 * <ul>
 *   <li>{@code distli_chain_head_block}: the head block number;
 *   <li>{@code distli_blocks_produced_total}, {@code distli_blocks_imported_total} and {@code
 *       distli_block_transactions_total}: rates of production (use {@code rate()});
 *   <li>{@code distli_block_production_seconds}: time to build, seal and commit a block;
 *   <li>{@code distli_txpool_transactions{state="pending|queued"}}: the pool's size;
 *   <li>{@code distli_peers}: connected peers;
 *   <li>{@code distli_state_database_bytes}: the database's size on disk;
 *   <li>{@code distli_rpc_request_duration_seconds{method}} and {@code
 *       distli_rpc_requests_total{method,outcome}}: JSON-RPC latency and calls per method.
 * </ul>
 */
public final class NodeMetrics implements RpcMetrics, AutoCloseable {
  /** Where the gauges read their values when scraped. */
  public record Sources(
      IntSupplier pendingTransactions,
      IntSupplier queuedTransactions,
      IntSupplier peers,
      LongSupplier databaseBytes) {}

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Gauge headBlock;
  private final Counter blocksProduced;
  private final Counter blocksImported;
  private final Counter blockTransactions;
  private final Histogram blockProduction;
  private final Histogram rpcLatency;
  private final Counter rpcRequests;
  private HTTPServer server;

  public NodeMetrics(Sources sources) {
    headBlock =
        Gauge.builder()
            .name("distli_chain_head_block")
            .help("Number of the head block")
            .register(registry);
    blocksProduced =
        Counter.builder()
            .name("distli_blocks_produced")
            .help("Blocks this node produced")
            .register(registry);
    blocksImported =
        Counter.builder()
            .name("distli_blocks_imported")
            .help("Blocks imported from elsewhere")
            .register(registry);
    blockTransactions =
        Counter.builder()
            .name("distli_block_transactions")
            .help("Transactions in blocks added to the chain")
            .register(registry);
    blockProduction =
        Histogram.builder()
            .name("distli_block_production_seconds")
            .help("Time to build, seal and commit a block")
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    rpcLatency =
        Histogram.builder()
            .name("distli_rpc_request_duration_seconds")
            .help("JSON-RPC call latency by method")
            .labelNames("method")
            .classicOnly()
            .classicUpperBounds(
                0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
                2.5, 5, 10)
            .register(registry);
    rpcRequests =
        Counter.builder()
            .name("distli_rpc_requests")
            .help("JSON-RPC calls by method and outcome")
            .labelNames("method", "outcome")
            .register(registry);
    GaugeWithCallback.builder()
        .name("distli_txpool_transactions")
        .help("Transactions in the pool")
        .labelNames("state")
        .callback(
            callback -> {
              callback.call(sources.pendingTransactions().getAsInt(), "pending");
              callback.call(sources.queuedTransactions().getAsInt(), "queued");
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("distli_peers")
        .help("Connected peers")
        .callback(callback -> callback.call(sources.peers().getAsInt()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("distli_state_database_bytes")
        .help("Size of the chain and state database on disk")
        .callback(callback -> callback.call(sources.databaseBytes().getAsLong()))
        .register(registry);
  }

  /** Serves GET /metrics; returns the bound port (useful with port 0). */
  public int serve(String host, int port) throws IOException {
    server =
        HTTPServer.builder()
            .inetAddress(InetAddress.getByName(host))
            .port(port)
            .registry(registry)
            .buildAndStart();
    return server.getPort();
  }

  public void onHead(long number) {
    headBlock.set(number);
  }

  public void onBlockProduced(int transactions, long nanos) {
    blocksProduced.inc();
    blockTransactions.inc(transactions);
    blockProduction.observe(nanos / 1e9);
  }

  public void onBlockImported(int transactions) {
    blocksImported.inc();
    blockTransactions.inc(transactions);
  }

  @Override
  public void onCall(String method, long durationNanos, boolean success) {
    rpcLatency.labelValues(method).observe(durationNanos / 1e9);
    rpcRequests.labelValues(method, success ? "success" : "error").inc();
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
