package org.distli.trie;

import org.distli.primitives.Hash;
import org.distli.storage.ClockCache;

/**
 * Decoded trie nodes by hash, bounded by an estimate of their heap size. Nodes are addressed by
 * content, so one cache serves every trie and every root, and readers share it with the writer.
 */
public final class NodeCache {
  private final ClockCache<Hash, Node> cache;

  private NodeCache(ClockCache<Hash, Node> cache) {
    this.cache = cache;
  }

  /** A cache holding decoded nodes of about {@code maxBytes} of heap; zero caches nothing. */
  public static NodeCache ofSize(long maxBytes) {
    if (maxBytes <= 0) {
      return new NodeCache(null);
    }
    return new NodeCache(new ClockCache<>(maxBytes, node -> 64 + node.memorySize()));
  }

  public static NodeCache none() {
    return new NodeCache(null);
  }

  Node get(Hash hash) {
    return cache == null ? null : cache.get(hash);
  }

  void put(Hash hash, Node node) {
    if (cache != null) {
      cache.put(hash, node);
    }
  }

  public void clear() {
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  public long estimatedSize() {
    return cache == null ? 0 : cache.size();
  }
}
