package org.distli.node.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandSummariesTest {
  private static final CommandLine CLI = DistliCommand.commandLine(Map.of(), (config, cli) -> 0);

  private static void collect(CommandLine command, List<CommandLine> into) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!into.contains(sub)) {
        into.add(sub);
        collect(sub, into);
      }
    }
  }

  @Test
  void everyCommandListsAOneSentenceSummary() {
    List<CommandLine> commands = new ArrayList<>();
    collect(CLI, commands);
    for (CommandLine command : commands) {
      String[] description = command.getCommandSpec().usageMessage().description();
      String name = command.getCommandSpec().qualifiedName();
      assertTrue(description.length > 0, name + " has no description");
      // picocli lists a command with the first line of its description
      String summary = description[0];
      assertTrue(summary.endsWith("."), name + ": summary cut mid-sentence: " + summary);
      assertTrue(summary.length() <= 90, name + ": summary longer than a line: " + summary);
    }
  }

  @Test
  void theHelpListsExportAndImportInCompleteSentences() {
    String help = CLI.getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertTrue(
        help.contains("export   Export the canonical chain to a file of RLP blocks.\n"), help);
    assertTrue(
        help.contains("import   Import RLP block files, validating and executing each block.\n"),
        help);
    // the footer is one paragraph, wrapped as a whole rather than line by line
    assertTrue(help.contains("(--rpc-port:"), help);
    assertTrue(!help.contains("DISTLI_RPC_PORT) or\nin the YAML"), help);
  }
}
