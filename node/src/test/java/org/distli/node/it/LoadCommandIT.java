package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.distli.node.cli.DistliCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code distli load} against a running dev node confirms every transfer it submits. */
class LoadCommandIT {
  @TempDir Path dir;

  @Test
  void everySubmittedTransferIsAcceptedAndConfirmed() throws Exception {
    try (NodeProcess node = NodeProcess.dev(dir).start()) {
      StringWriter out = new StringWriter();
      CommandLine cli = DistliCommand.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));
      int exit =
          cli.execute(
              "load",
              "--rpc-url",
              node.rpcUrl(),
              "--transactions",
              "2000",
              "--senders",
              "20",
              "--connections",
              "4",
              "--batch",
              "50",
              "--runs",
              "2");
      assertEquals(0, exit, out.toString());
      assertTrue(out.toString().contains("Run 1: accepted 2000 (0 refused)"), out.toString());
      assertTrue(out.toString().contains("confirmed 2000 in"), out.toString());
      assertTrue(out.toString().contains("Median of 2 runs"), out.toString());
      assertTrue(node.log().contains("Produced block #"), node.logTail());
    }
  }
}
