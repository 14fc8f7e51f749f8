package org.distli.state;

/**
 * Which trie node keys recent blocks wrote, by fingerprint, for pruning.
 *
 * <p>A stale node may be deleted when its state leaves the history window unless a later block
 * wrote the same key again (the same node at the same position: an account or a slot back to an
 * earlier value). Reading every stale node back to see which block last wrote it costs a random
 * RocksDB read per node, tens of thousands per large block. This index remembers, for every node
 * key written by the blocks this process committed, the last block that wrote it: a stale node
 * whose key no later block wrote is deleted without a read, and only the few others (and
 * fingerprint collisions) are read back. Entries that no pending stale list can need any more are
 * dropped when the table is rebuilt.
 *
 * <p>Each slot packs a 40-bit fingerprint of the key with the low 24 bits of the block number; the
 * full number is the one nearest the head with those bits, so the index works while the history
 * window is well under 2^23 blocks. Used by the state database's writer only.
 */
final class NodeWriteIndex {
  private static final int BLOCK_BITS = 24;
  private static final long BLOCK_MASK = (1L << BLOCK_BITS) - 1;
  private static final long FINGERPRINT_MASK = ~BLOCK_MASK;

  /** History windows this long or longer make the block numbers ambiguous: no index then. */
  static final long MAX_WINDOW = 1L << (BLOCK_BITS - 2);

  private long[] slots = new long[1 << 12];
  private int used;
  private long head = -1;
  // The first block whose writes are all recorded; none yet.
  private long completeFrom = Long.MAX_VALUE;

  /** The fingerprint of a node key: never zero, so that zero marks an empty slot. */
  static long fingerprint(byte[] key) {
    // The key ends with the node's hash: its first 8 bytes are already uniform. The owner and path
    // before it are mixed in, since the same node may sit at several positions.
    int h = key.length - 32;
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (key[h + i] & 0xff);
    }
    long position = 0x243F6A8885A308D3L;
    for (int i = 0; i < h; i++) {
      position = (position ^ (key[i] & 0xff)) * 0x9E3779B97F4A7C15L;
    }
    long mixed = value ^ position ^ (position >>> 29);
    long fingerprint = mixed & FINGERPRINT_MASK;
    return fingerprint == 0 ? 1L << BLOCK_BITS : fingerprint;
  }

  /** Whether every write of the blocks after {@code block} is recorded. */
  boolean coversWritesAfter(long block) {
    return completeFrom <= block + 1;
  }

  /**
   * The last recorded block that wrote a key with this fingerprint, or -1. Only meaningful for
   * blocks within the window of the head.
   */
  long lastWrite(long fingerprint) {
    int mask = slots.length - 1;
    for (int i = index(fingerprint, mask); ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if ((slot & FINGERPRINT_MASK) == fingerprint) {
        return blockOf(slot);
      }
    }
  }

  /**
   * Records that {@code block} (now the head) wrote the keys with these fingerprints, and drops
   * what no stale list after {@code oldestNeeded} can ask about.
   */
  void record(long block, long[] fingerprints, int count, long oldestNeeded) {
    head = block;
    completeFrom = Math.min(completeFrom, block);
    if ((used + count) * 10L > slots.length * 7L) {
      rebuild(oldestNeeded, used + count);
    }
    int mask = slots.length - 1;
    long packed = block & BLOCK_MASK;
    for (int n = 0; n < count; n++) {
      long fingerprint = fingerprints[n];
      for (int i = index(fingerprint, mask); ; i = (i + 1) & mask) {
        long slot = slots[i];
        if (slot == 0) {
          slots[i] = fingerprint | packed;
          used++;
          break;
        }
        if ((slot & FINGERPRINT_MASK) == fingerprint) {
          slots[i] = fingerprint | packed;
          break;
        }
      }
    }
  }

  int size() {
    return used;
  }

  /** Re-inserts the entries newer than {@code oldestNeeded}, growing the table when needed. */
  private void rebuild(long oldestNeeded, int incoming) {
    long[] old = slots;
    int live = 0;
    for (long slot : old) {
      if (slot != 0 && blockOf(slot) > oldestNeeded) {
        live++;
      }
    }
    int capacity = old.length;
    while ((live + incoming) * 2L > capacity) {
      capacity <<= 1;
    }
    while (capacity > (1 << 12) && (live + incoming) * 8L < capacity) {
      capacity >>>= 1;
    }
    long[] fresh = new long[capacity];
    int mask = capacity - 1;
    for (long slot : old) {
      if (slot != 0 && blockOf(slot) > oldestNeeded) {
        int i = index(slot & FINGERPRINT_MASK, mask);
        while (fresh[i] != 0) {
          i = (i + 1) & mask;
        }
        fresh[i] = slot;
      }
    }
    slots = fresh;
    used = live;
  }

  private long blockOf(long slot) {
    long low = slot & BLOCK_MASK;
    long block = (head & ~BLOCK_MASK) | low;
    if (block > head + (1L << (BLOCK_BITS - 1))) {
      block -= 1L << BLOCK_BITS;
    } else if (block < head - (1L << (BLOCK_BITS - 1))) {
      block += 1L << BLOCK_BITS;
    }
    return block;
  }

  private static int index(long fingerprint, int mask) {
    return (int) ((fingerprint * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }
}
