package org.distli.trie;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;

/** Receives what a trie commit writes: the new nodes, and the stored nodes they replaced. */
public interface NodeSink {
  /**
   * A node to store: every node referenced by hash (an encoding of 32 bytes or more) and the root.
   */
  void created(Bytes nibblePath, Hash hash, byte[] rlp);

  /**
   * A stored node that the new root no longer references at {@code nibblePath}: older roots still
   * do, so the store may delete it only when those roots are no longer needed.
   */
  void released(Bytes nibblePath, Hash hash);
}
