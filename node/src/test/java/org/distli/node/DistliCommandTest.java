package org.distli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.distli.node.cli.DistliCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DistliCommandTest {
  @Test
  void helpListsTheCommands() {
    CommandLine cli = DistliCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--help"));
    assertTrue(out.toString().contains("Usage: distli"), out.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandLine cli = DistliCommand.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, cli.execute("--no-such-option"));
  }
}
