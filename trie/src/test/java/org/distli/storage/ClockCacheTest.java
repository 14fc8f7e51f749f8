package org.distli.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClockCacheTest {
  @Test
  void staysWithinItsWeightAndKeepsRecentlyUsedEntries() {
    ClockCache<Integer, String> cache = new ClockCache<>(100, value -> value.length());
    for (int i = 0; i < 10; i++) {
      cache.put(i, "0123456789");
    }
    assertEquals(100, cache.weight());
    for (int round = 0; round < 20; round++) {
      assertEquals("0123456789", cache.get(0), "a key read between sweeps survives them");
      cache.put(100 + round, "0123456789");
      assertTrue(cache.weight() <= 100, "weight " + cache.weight());
    }
    assertNull(cache.get(5), "an entry never read again is evicted");
  }

  @Test
  void invalidationUpdatesTheWeight() {
    ClockCache<String, String> cache = new ClockCache<>(1000, String::length);
    cache.put("a", "xx");
    cache.put("b", "yyy");
    cache.put("a", "zzzz");
    assertEquals(7, cache.weight());
    cache.invalidateIf(key -> key.equals("b"));
    assertEquals(4, cache.weight());
    cache.invalidateAll();
    assertEquals(0, cache.weight());
    assertNull(cache.get("a"));
  }
}
