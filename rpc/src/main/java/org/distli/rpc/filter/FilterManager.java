package org.distli.rpc.filter;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Hash;
import org.distli.rpc.json.LogJson;
import org.distli.rpc.jsonrpc.RpcException;

/**
 * Polling filters (eth_newFilter, eth_newBlockFilter, eth_newPendingTransactionFilter): each
 * collects what happens after it is installed until eth_getFilterChanges drains it. A filter that
 * is not polled for the timeout (five minutes, as in go-ethereum) is removed; later calls get
 * "filter not found". Events arrive on the event thread, polls on workers: every filter guards its
 * queue with its own lock.
 */
public final class FilterManager {
  public static final long DEFAULT_TIMEOUT_NANOS = 5L * 60 * 1_000_000_000L;

  /** Changes kept per filter between polls; older ones are dropped beyond it. */
  static final int MAX_PENDING_CHANGES = 100_000;

  public enum Kind {
    LOGS,
    BLOCKS,
    PENDING_TRANSACTIONS
  }

  private final Map<String, Filter> filters = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final LongSupplier nanoTime;
  private final long timeoutNanos;

  public FilterManager() {
    this(System::nanoTime, DEFAULT_TIMEOUT_NANOS);
  }

  public FilterManager(LongSupplier nanoTime, long timeoutNanos) {
    this.nanoTime = nanoTime;
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * A log filter: collects the matching logs of blocks added from now on, up to {@code toBlock} (-1
   * for no end).
   */
  public String installLogFilter(LogFilter criteria, long toBlock) {
    return install(new Filter(Kind.LOGS, criteria, toBlock, nanoTime.getAsLong()));
  }

  public String installBlockFilter() {
    return install(new Filter(Kind.BLOCKS, null, -1, nanoTime.getAsLong()));
  }

  public String installPendingTransactionFilter() {
    return install(new Filter(Kind.PENDING_TRANSACTIONS, null, -1, nanoTime.getAsLong()));
  }

  private String install(Filter filter) {
    String id = SubscriptionIds.next(random);
    filters.put(id, filter);
    return id;
  }

  public boolean uninstall(String id) {
    return filters.remove(SubscriptionIds.normalize(id)) != null;
  }

  /** What happened since the last poll: log objects, block hashes or transaction hashes. */
  public List<Object> changes(String id) {
    Filter filter = get(id);
    return filter.drain(nanoTime.getAsLong());
  }

  /** The criteria of a log filter, for eth_getFilterLogs. */
  public LogFilter logCriteria(String id) {
    Filter filter = get(id);
    if (filter.kind != Kind.LOGS) {
      throw RpcException.server("filter not found");
    }
    filter.touch(nanoTime.getAsLong());
    return filter.criteria;
  }

  private Filter get(String id) {
    Filter filter = filters.get(SubscriptionIds.normalize(id));
    if (filter == null) {
      throw RpcException.server("filter not found");
    }
    return filter;
  }

  /** A block joined the canonical chain. */
  public void onNewBlock(Block block, List<Receipt> receipts) {
    Hash hash = block.hash();
    for (Filter filter : filters.values()) {
      switch (filter.kind) {
        case BLOCKS -> filter.add(hash);
        case LOGS -> {
          if (filter.toBlock < 0 || block.number() <= filter.toBlock) {
            List<LogJson> logs = BlockLogs.matching(block, receipts, filter.criteria);
            if (!logs.isEmpty()) {
              filter.addAll(logs);
            }
          }
        }
        case PENDING_TRANSACTIONS -> {}
      }
    }
  }

  /** A block left the canonical chain: log filters report its logs again as removed. */
  public void onRemovedBlock(Block block, List<Receipt> receipts) {
    for (Filter filter : filters.values()) {
      if (filter.kind == Kind.LOGS) {
        for (LogJson log : BlockLogs.matching(block, receipts, filter.criteria)) {
          filter.add(log.asRemoved());
        }
      }
    }
  }

  public void onPendingTransaction(Transaction transaction) {
    Hash hash = transaction.hash();
    for (Filter filter : filters.values()) {
      if (filter.kind == Kind.PENDING_TRANSACTIONS) {
        filter.add(hash);
      }
    }
  }

  /** Removes filters not polled within the timeout; returns how many. */
  public int expire() {
    long now = nanoTime.getAsLong();
    int removed = 0;
    for (Map.Entry<String, Filter> entry : filters.entrySet()) {
      if (now - entry.getValue().lastPolled() > timeoutNanos) {
        if (filters.remove(entry.getKey(), entry.getValue())) {
          removed++;
        }
      }
    }
    return removed;
  }

  public int size() {
    return filters.size();
  }

  private static final class Filter {
    final Kind kind;
    final LogFilter criteria;
    final long toBlock;
    private List<Object> pending = new ArrayList<>();
    private long lastPolled;

    Filter(Kind kind, LogFilter criteria, long toBlock, long now) {
      this.kind = kind;
      this.criteria = criteria;
      this.toBlock = toBlock;
      this.lastPolled = now;
    }

    synchronized void add(Object change) {
      if (pending.size() < MAX_PENDING_CHANGES) {
        pending.add(change);
      }
    }

    synchronized void addAll(List<?> changes) {
      for (Object change : changes) {
        add(change);
      }
    }

    synchronized List<Object> drain(long now) {
      lastPolled = now;
      List<Object> out = pending;
      pending = new ArrayList<>();
      return out;
    }

    synchronized void touch(long now) {
      lastPolled = now;
    }

    synchronized long lastPolled() {
      return lastPolled;
    }
  }
}
