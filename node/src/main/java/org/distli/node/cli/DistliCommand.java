package org.distli.node.cli;

import java.util.concurrent.Callable;
import org.distli.node.Version;
import org.distli.node.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code distli} command. With no subcommand it starts a node; the subcommands are tools for
 * operators and EVM developers.
 */
@Command(
    name = "distli",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "An EVM-compatible proof-of-stake node.",
    subcommands = {CommandLine.HelpCommand.class, BenchCommand.class})
public final class DistliCommand implements Callable<Integer> {

  /** The command line with every subcommand registered: the one place commands are wired. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new DistliCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  @Override
  public Integer call() {
    System.out.println(Version.banner());
    System.out.println("The node itself is not wired yet; run `distli --help` for the commands.");
    return 0;
  }
}
