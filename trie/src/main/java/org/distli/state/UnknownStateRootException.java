package org.distli.state;

import org.distli.primitives.Hash;

/** The state database does not hold the state at a root: it never did, or it was pruned. */
public final class UnknownStateRootException extends IllegalArgumentException {
  private final Hash root;

  public UnknownStateRootException(Hash root) {
    super("historical state " + root.toHexString() + " is not available");
    this.root = root;
  }

  public Hash root() {
    return root;
  }
}
