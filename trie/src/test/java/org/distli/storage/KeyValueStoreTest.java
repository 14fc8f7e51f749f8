package org.distli.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyValueStoreTest {
  private static final Column HEADERS = new Column("headers");
  private static final Column BODIES = new Column("bodies");

  @TempDir Path dir;

  static Stream<String> kinds() {
    return Stream.of("memory", "rocksdb");
  }

  private KeyValueStore open(String kind) {
    return kind.equals("memory")
        ? new InMemoryKeyValueStore()
        : RocksDbKeyValueStore.open(dir.resolve("db"), RocksDbConfig.DEFAULT);
  }

  private static byte[] b(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(KeyValueStore store, Function<WriteBatch, Void> body) {
    try (WriteBatch batch = store.newBatch()) {
      body.apply(batch);
      batch.commit();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void columnsAreSeparateKeySpaces(String kind) {
    try (KeyValueStore store = open(kind)) {
      write(
          store,
          batch -> {
            batch.put(HEADERS, b("k"), b("header"));
            batch.put(BODIES, b("k"), b("body"));
            return null;
          });
      assertArrayEquals(b("header"), store.get(HEADERS, b("k")));
      assertArrayEquals(b("body"), store.get(BODIES, b("k")));
      assertNull(store.get(HEADERS, b("other")));
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void batchIsInvisibleUntilCommittedAndDiscardedWhenClosed(String kind) {
    try (KeyValueStore store = open(kind)) {
      List<Boolean> outcomes = new ArrayList<>();
      try (WriteBatch batch = store.newBatch()) {
        batch.put(HEADERS, b("a"), b("1"));
        batch.addListener(outcomes::add);
        assertNull(store.get(HEADERS, b("a")));
      }
      assertNull(store.get(HEADERS, b("a")));
      assertEquals(List.of(false), outcomes);
      try (WriteBatch batch = store.newBatch()) {
        batch.put(HEADERS, b("a"), b("1"));
        batch.put(HEADERS, b("a"), b("2"));
        batch.put(HEADERS, b("b"), b("3"));
        batch.delete(HEADERS, b("b"));
        batch.addListener(outcomes::add);
        batch.commit();
        assertThrows(IllegalStateException.class, () -> batch.put(HEADERS, b("c"), b("4")));
      }
      assertArrayEquals(b("2"), store.get(HEADERS, b("a")), "the later write in a batch wins");
      assertNull(store.get(HEADERS, b("b")));
      assertEquals(List.of(false, true), outcomes);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void largeBatchesOfSplitAndLargeValuesLandWhole(String kind) {
    java.util.Random random = new java.util.Random(11);
    java.util.Map<String, byte[]> expected = new java.util.HashMap<>();
    try (KeyValueStore store = open(kind)) {
      write(
          store,
          batch -> {
            batch.put(BODIES, b("gone"), b("soon"));
            return null;
          });
      write(
          store,
          batch -> {
            for (int i = 0; i < 20_000; i++) {
              byte[] key = new byte[1 + random.nextInt(200)];
              random.nextBytes(key);
              // Lengths that need one, two and three varint bytes.
              int size = i % 1000 == 0 ? 3 << 20 : i % 10 == 0 ? 20_000 : random.nextInt(150);
              byte[] head = new byte[random.nextInt(10)];
              byte[] tail = new byte[size];
              random.nextBytes(head);
              random.nextBytes(tail);
              Column column = i % 2 == 0 ? HEADERS : BODIES;
              if (i % 3 == 0) {
                batch.put(column, key, head, tail);
              } else {
                head = new byte[0];
                batch.put(column, key, tail);
              }
              byte[] value = java.util.Arrays.copyOf(head, head.length + tail.length);
              System.arraycopy(tail, 0, value, head.length, tail.length);
              expected.put(column.name() + java.util.HexFormat.of().formatHex(key), value);
            }
            batch.delete(BODIES, b("gone"));
            assertEquals(20_001, batch.size());
            return null;
          });
      assertNull(store.get(BODIES, b("gone")));
      int[] found = {0};
      for (Column column : List.of(HEADERS, BODIES)) {
        store.forEachWithPrefix(
            column,
            new byte[0],
            (key, value) -> {
              assertArrayEquals(
                  expected.get(column.name() + java.util.HexFormat.of().formatHex(key)), value);
              found[0]++;
              return true;
            });
      }
      assertEquals(expected.size(), found[0]);
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theLastWriteOfAKeyInABatchWinsAmongManyOthers(String kind) {
    try (KeyValueStore store = open(kind)) {
      write(
          store,
          batch -> {
            for (int i = 0; i < 5_000; i++) {
              batch.put(HEADERS, b("key" + i), b("first" + i));
              if (i % 2 == 0) {
                batch.delete(HEADERS, b("key" + i));
              }
              if (i % 3 == 0) {
                batch.put(HEADERS, b("key" + i), b("last" + i));
              }
            }
            return null;
          });
      for (int i = 0; i < 5_000; i++) {
        byte[] value = store.get(HEADERS, b("key" + i));
        if (i % 3 == 0) {
          assertArrayEquals(b("last" + i), value, "key" + i);
        } else if (i % 2 == 0) {
          assertNull(value, "key" + i);
        } else {
          assertArrayEquals(b("first" + i), value, "key" + i);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void prefixVisitIsOrderedAndStopsOnRequest(String kind) {
    try (KeyValueStore store = open(kind)) {
      write(
          store,
          batch -> {
            for (String key : List.of("ab", "a", "b", "abc", "ac", "ab\u00ff", "aa")) {
              batch.put(HEADERS, b(key), b(key));
            }
            batch.put(HEADERS, new byte[] {(byte) 0xff, 1}, b("x"));
            batch.put(HEADERS, new byte[] {(byte) 0xff, (byte) 0xff}, b("y"));
            return null;
          });
      List<String> seen = new ArrayList<>();
      store.forEachWithPrefix(
          HEADERS,
          b("ab"),
          (key, value) -> {
            seen.add(new String(key, StandardCharsets.UTF_8));
            return true;
          });
      assertEquals(List.of("ab", "abc", "ab\u00ff"), seen);
      List<byte[]> high = new ArrayList<>();
      store.forEachWithPrefix(
          HEADERS,
          new byte[] {(byte) 0xff},
          (key, value) -> {
            high.add(key);
            return false;
          });
      assertEquals(1, high.size(), "the visitor stopped after one entry");
      assertArrayEquals(new byte[] {(byte) 0xff, 1}, high.get(0));
      List<byte[]> values = store.getAll(HEADERS, List.of(b("a"), b("zz"), b("b")));
      assertArrayEquals(b("a"), values.get(0));
      assertNull(values.get(1));
      assertArrayEquals(b("b"), values.get(2));
    }
  }

  @org.junit.jupiter.api.Test
  void rocksDbReopensWithItsColumnsAndData() {
    try (KeyValueStore store = open("rocksdb")) {
      write(
          store,
          batch -> {
            batch.put(HEADERS, b("h"), b("1"));
            batch.put(BODIES, b("b"), b("2"));
            return null;
          });
    }
    try (KeyValueStore store = open("rocksdb")) {
      assertArrayEquals(b("1"), store.get(HEADERS, b("h")));
      assertArrayEquals(b("2"), store.get(BODIES, b("b")));
    }
  }

  @org.junit.jupiter.api.Test
  void everyListenerHearsTheOutcomeEvenWhenOneFails() {
    try (KeyValueStore store = open("memory")) {
      List<Boolean> outcomes = new ArrayList<>();
      WriteBatch batch = store.newBatch();
      batch.put(HEADERS, b("k"), b("v"));
      batch.addListener(
          new WriteBatch.Listener() {
            @Override
            public void beforeWrite() {
              throw new IllegalStateException("refused");
            }

            @Override
            public void afterWrite(boolean written) {
              outcomes.add(written);
            }
          });
      batch.addListener(outcomes::add);
      assertThrows(IllegalStateException.class, batch::commit);
      assertEquals(List.of(false, false), outcomes);
      assertNull(store.get(HEADERS, b("k")), "a refused batch writes nothing");
    }
  }

  @org.junit.jupiter.api.Test
  void columnNamesAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new Column("Bad Name"));
    assertThrows(IllegalArgumentException.class, () -> new Column(""));
  }
}
