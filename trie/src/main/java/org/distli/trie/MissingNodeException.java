package org.distli.trie;

import org.distli.primitives.Hash;

/**
 * A trie node that the store does not hold: the state it belongs to was pruned, or the database is
 * incomplete. The wording follows go-ethereum's "missing trie node".
 */
public final class MissingNodeException extends IllegalStateException {
  private final Hash hash;

  public MissingNodeException(Hash hash, String nibblePath) {
    super("missing trie node " + hash.toHexString().substring(2) + " (path " + nibblePath + ")");
    this.hash = hash;
  }

  public Hash hash() {
    return hash;
  }
}
