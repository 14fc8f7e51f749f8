package org.distli.node;

/** The node cannot start; the message tells the operator why and, where possible, what to do. */
public final class NodeStartException extends RuntimeException {
  public NodeStartException(String message) {
    super(message);
  }

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
