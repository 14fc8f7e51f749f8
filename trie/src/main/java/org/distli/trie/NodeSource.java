package org.distli.trie;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;

/** Where a trie loads the nodes it does not hold in memory. */
@FunctionalInterface
public interface NodeSource {
  /** A source that holds nothing: for tries built entirely in memory. */
  NodeSource NONE = (path, hash) -> null;

  /**
   * The RLP encoding of the node with {@code hash} stored at {@code nibblePath} (the nibbles from
   * the root to the node, one per byte), or null when it is not there.
   */
  byte[] load(Bytes nibblePath, Hash hash);
}
