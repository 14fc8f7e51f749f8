package org.distli.trie;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.distli.primitives.Hash;

/**
 * Decoded trie nodes by hash, bounded by the size of their encodings. Nodes are addressed by
 * content, so one cache serves every trie and every root, and readers share it with the writer.
 */
public final class NodeCache {
  private final Cache<Hash, Node> cache;

  private NodeCache(Cache<Hash, Node> cache) {
    this.cache = cache;
  }

  /** A cache holding decoded nodes of about {@code maxBytes} of heap; zero caches nothing. */
  public static NodeCache ofSize(long maxBytes) {
    if (maxBytes <= 0) {
      return new NodeCache(null);
    }
    return new NodeCache(
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .<Hash, Node>weigher((hash, node) -> 64 + node.memorySize())
            .executor(Runnable::run)
            .build());
  }

  public static NodeCache none() {
    return new NodeCache(null);
  }

  Node get(Hash hash) {
    return cache == null ? null : cache.getIfPresent(hash);
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
    return cache == null ? 0 : cache.estimatedSize();
  }
}
