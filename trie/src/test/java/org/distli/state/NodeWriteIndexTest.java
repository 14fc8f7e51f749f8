package org.distli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.distli.primitives.Hash;
import org.junit.jupiter.api.Test;

class NodeWriteIndexTest {
  private static byte[] key(Random random, int pathNibbles) {
    byte[] path = new byte[pathNibbles];
    for (int i = 0; i < path.length; i++) {
      path[i] = (byte) random.nextInt(16);
    }
    byte[] hash = new byte[32];
    random.nextBytes(hash);
    return NodeKeys.nodeKey(NodeKeys.ownerPrefix(null), path, path.length, Hash.wrap(hash));
  }

  @Test
  void remembersTheLastBlockThatWroteEachKey() {
    Random random = new Random(3);
    NodeWriteIndex index = new NodeWriteIndex();
    long[][] written = new long[50][];
    for (int block = 0; block < written.length; block++) {
      written[block] = new long[2000];
      for (int i = 0; i < 2000; i++) {
        written[block][i] = NodeWriteIndex.fingerprint(key(random, random.nextInt(8)));
      }
      // Every block also writes again a key of the block before.
      if (block > 0) {
        written[block][0] = written[block - 1][1];
      }
      index.record(block, written[block], 2000, block - 10);
    }
    assertEquals(49, index.lastWrite(written[49][5]));
    assertEquals(49, index.lastWrite(written[48][1]), "written again by the next block");
    assertEquals(45, index.lastWrite(written[45][7]));
    long absent = NodeWriteIndex.fingerprint(key(random, 3));
    assertEquals(-1, index.lastWrite(absent));
    assertTrue(index.size() < 50 * 2000, "entries no stale list can need were dropped");
  }

  @Test
  void coversOnlyTheBlocksItSawFromTheFirstOn() {
    NodeWriteIndex index = new NodeWriteIndex();
    assertFalse(index.coversWritesAfter(100));
    index.record(10, new long[0], 0, 0);
    assertTrue(index.coversWritesAfter(9));
    assertTrue(index.coversWritesAfter(50));
    assertFalse(index.coversWritesAfter(8), "block 9 was written before this index started");
  }

  @Test
  void fingerprintsTellTheSameNodeAtDifferentPositionsApart() {
    byte[] hash = new byte[32];
    new Random(1).nextBytes(hash);
    byte[] a = NodeKeys.nodeKey(NodeKeys.ownerPrefix(null), new byte[] {1, 2}, 2, Hash.wrap(hash));
    byte[] b = NodeKeys.nodeKey(NodeKeys.ownerPrefix(null), new byte[] {2, 1}, 2, Hash.wrap(hash));
    byte[] owner = new byte[32];
    owner[0] = 7;
    byte[] c = NodeKeys.nodeKey(NodeKeys.ownerPrefix(owner), new byte[] {1, 2}, 2, Hash.wrap(hash));
    assertNotEquals(NodeWriteIndex.fingerprint(a), NodeWriteIndex.fingerprint(b));
    assertNotEquals(NodeWriteIndex.fingerprint(a), NodeWriteIndex.fingerprint(c));
    assertEquals(NodeWriteIndex.fingerprint(a), NodeWriteIndex.fingerprint(a.clone()));
  }
}
