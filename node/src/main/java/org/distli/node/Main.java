package org.distli.node;

import org.distli.node.cli.DistliCommand;

/** Entry point of {@code distli.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int exitCode = DistliCommand.commandLine().execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }
}
