package org.distli.node;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.distli.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs a node with a resolved configuration until the process is asked to stop (SIGTERM or Ctrl-C),
 * then shuts it down in order: the JVM's shutdown hook closes the node and the main thread returns
 * once it has.
 */
public final class NodeLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLauncher.class);

  private NodeLauncher() {}

  public static int run(NodeConfig config, CommandLine commandLine) {
    setLogLevel(config.logLevel());
    PrintStream out = System.out;
    Node node;
    try {
      node = Node.start(config, out);
    } catch (RuntimeException e) {
      LOG.debug("start-up failed", e);
      commandLine.getErr().println("distli: " + e.getMessage());
      commandLine.getErr().flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              LOG.info("Shutting down");
              node.close();
              LOG.info("Stopped");
              stopped.countDown();
            },
            "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void setLogLevel(String level) {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
