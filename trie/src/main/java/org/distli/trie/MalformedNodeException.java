package org.distli.trie;

/**
 * A stored or proof node that is well-formed RLP but not a trie node (malformed RLP itself is an
 * {@link org.distli.rlp.RlpException}).
 */
public final class MalformedNodeException extends RuntimeException {
  public MalformedNodeException(String message) {
    super(message);
  }
}
