package org.distli.node.cli.chain;

/**
 * Why a chain tool cannot go on, as the one line an operator reads, and the exit status: 2 for
 * arguments that name the wrong thing (a missing file, a data directory without a database, a
 * genesis of another chain), 1 for a failure of the work itself.
 */
final class ChainToolException extends Exception {
  private final int exitCode;

  ChainToolException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
