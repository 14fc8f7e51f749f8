package org.distli.trie;

/** A stored or proof node whose bytes are not a well-formed trie node. */
public final class MalformedNodeException extends RuntimeException {
  public MalformedNodeException(String message) {
    super(message);
  }
}
