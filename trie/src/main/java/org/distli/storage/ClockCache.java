package org.distli.storage;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;

/**
 * A concurrent cache bounded by total weight, evicting with the CLOCK (second chance) policy.
 *
 * <p>A hit costs one hash-map lookup and, the first time after a sweep, one write of a flag: no
 * read buffers or frequency counters. State reads and trie walks hit it millions of times per
 * second, where a general-purpose cache's bookkeeping (Caffeine's, measured here) doubled the cost
 * of a lookup. Eviction sweeps the map in its own order, clearing the flag of entries used since
 * the last sweep and dropping the others, until the weight is back under 90% of the bound.
 */
public final class ClockCache<K, V> {
  private final ConcurrentHashMap<K, Entry<V>> map;
  private final ToIntFunction<V> weigher;
  private final long maxWeight;
  private final AtomicLong weight = new AtomicLong();
  private final ReentrantLock evictionLock = new ReentrantLock();
  private Iterator<Map.Entry<K, Entry<V>>> hand; // guarded by evictionLock

  private static final class Entry<V> {
    final V value;
    final int weight;
    volatile boolean referenced;

    Entry(V value, int weight) {
      this.value = value;
      this.weight = weight;
    }
  }

  /**
   * @param maxWeight the bound on the sum of the entries' weights
   * @param weigher the weight of a value (for example its approximate heap size), at least 1
   */
  public ClockCache(long maxWeight, ToIntFunction<V> weigher) {
    if (maxWeight <= 0) {
      throw new IllegalArgumentException("cache bound must be positive, got " + maxWeight);
    }
    this.maxWeight = maxWeight;
    this.weigher = weigher;
    this.map = new ConcurrentHashMap<>(1024);
  }

  /** The cached value, or null. */
  public V get(K key) {
    Entry<V> entry = map.get(key);
    if (entry == null) {
      return null;
    }
    if (!entry.referenced) {
      entry.referenced = true;
    }
    return entry.value;
  }

  public void put(K key, V value) {
    Entry<V> entry = new Entry<>(value, Math.max(1, weigher.applyAsInt(value)));
    Entry<V> previous = map.put(key, entry);
    long total = weight.addAndGet(entry.weight - (previous == null ? 0 : previous.weight));
    if (total > maxWeight) {
      evict();
    }
  }

  public void putAll(Map<? extends K, ? extends V> entries) {
    entries.forEach(this::put);
  }

  public void invalidate(K key) {
    Entry<V> removed = map.remove(key);
    if (removed != null) {
      weight.addAndGet(-removed.weight);
    }
  }

  /** Removes the entries whose key matches. Walks the whole cache: for rare events. */
  public void invalidateIf(java.util.function.Predicate<K> matches) {
    for (K key : map.keySet()) {
      if (matches.test(key)) {
        invalidate(key);
      }
    }
  }

  public void invalidateAll() {
    for (K key : map.keySet()) {
      invalidate(key);
    }
  }

  public long size() {
    return map.size();
  }

  public long weight() {
    return weight.get();
  }

  private void evict() {
    if (!evictionLock.tryLock()) {
      return; // another thread is sweeping
    }
    try {
      long target = maxWeight - maxWeight / 10;
      // Two passes at most: the first clears every flag, so the second finds victims.
      long budget = 2L * map.size() + 16;
      while (weight.get() > target && budget-- > 0) {
        if (hand == null || !hand.hasNext()) {
          hand = map.entrySet().iterator();
          if (!hand.hasNext()) {
            return;
          }
        }
        Map.Entry<K, Entry<V>> candidate = hand.next();
        Entry<V> entry = candidate.getValue();
        if (entry.referenced) {
          entry.referenced = false;
        } else if (map.remove(candidate.getKey(), entry)) {
          weight.addAndGet(-entry.weight);
        }
      }
    } finally {
      evictionLock.unlock();
    }
  }
}
