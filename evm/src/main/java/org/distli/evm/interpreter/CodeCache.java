package org.distli.evm.interpreter;

import java.util.concurrent.ConcurrentHashMap;
import org.distli.primitives.Hash;

/**
 * Analysed contract code by code hash, shared by every execution (code with a given hash never
 * changes, so entries never go stale). Bounded: when full it starts over, which keeps the hot
 * contracts of the next blocks without the bookkeeping of an LRU.
 */
public final class CodeCache {
  private final int capacity;
  private final ConcurrentHashMap<Hash, Code> entries = new ConcurrentHashMap<>();

  public CodeCache(int capacity) {
    this.capacity = capacity;
  }

  public CodeCache() {
    this(4096);
  }

  Code get(Hash codeHash) {
    return entries.get(codeHash);
  }

  void put(Hash codeHash, Code code) {
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(codeHash, code);
  }

  public int size() {
    return entries.size();
  }
}
