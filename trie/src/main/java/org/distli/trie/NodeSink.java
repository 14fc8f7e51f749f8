package org.distli.trie;

import java.util.Arrays;
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

  /**
   * Like {@link #created(Bytes, Hash, byte[])} with the path as the first {@code depth} nibbles of
   * {@code path}, valid during the call only: sinks that build keys from it need no copy.
   */
  default void created(byte[] path, int depth, Hash hash, byte[] rlp) {
    created(Bytes.wrap(Arrays.copyOf(path, depth)), hash, rlp);
  }

  /**
   * Like {@link #released(Bytes, Hash)}, the path as in {@link #created(byte[], int, Hash,
   * byte[])}.
   */
  default void released(byte[] path, int depth, Hash hash) {
    released(Bytes.wrap(Arrays.copyOf(path, depth)), hash);
  }
}
