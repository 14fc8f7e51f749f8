package org.distli.node;

import org.distli.node.config.NodeConfig;
import picocli.CommandLine;

/** Runs a node with a resolved configuration until it is stopped. */
public final class NodeLauncher {
  private NodeLauncher() {}

  public static int run(NodeConfig config, CommandLine commandLine) {
    commandLine.getOut().println(Version.banner());
    commandLine.getErr().println("distli: the node is not wired yet");
    return 1;
  }
}
