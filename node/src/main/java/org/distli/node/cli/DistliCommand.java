package org.distli.node.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.distli.node.Version;
import org.distli.node.cli.bench.BenchCommand;
import org.distli.node.cli.chain.ExportCommand;
import org.distli.node.cli.chain.ImportCommand;
import org.distli.node.cli.evm.EvmCommand;
import org.distli.node.cli.key.KeyCommand;
import org.distli.node.cli.load.LoadCommand;
import org.distli.node.cli.trading.TradingCommand;
import org.distli.node.config.ConfigException;
import org.distli.node.config.ConfigSources;
import org.distli.node.config.NodeConfig;
import org.distli.node.config.Setting;
import org.distli.node.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code distli} command. With no subcommand it starts a node (the dev chain unless a genesis
 * is given); the subcommands are tools for operators and developers.
 *
 * <p>The node's options are generated from {@link Settings#ALL}, so that each setting has exactly
 * one option, one environment variable and one config-file key.
 */
@Command(
    name = "distli",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "An EVM-compatible proof-of-stake node. Without a command: run the node.",
    footer = {
      "",
      // one element, so that picocli wraps the paragraph at the terminal's width
      "Every option can also be set as an environment variable (--rpc-port: DISTLI_RPC_PORT) or"
          + " in the YAML config file (rpc.port). Precedence: option > environment > config file >"
          + " default. DISTLI_VALIDATOR_PASSWORD holds the keystore password."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      KeyCommand.class,
      LoadCommand.class,
      TradingCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      BenchCommand.class,
      EvmCommand.class
    })
public final class DistliCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Map<String, String> environment;
  private final NodeRunner runner;

  /** Starts the node with a resolved configuration and blocks until it stops; the exit code. */
  @FunctionalInterface
  public interface NodeRunner {
    int run(NodeConfig config, CommandLine commandLine);
  }

  public DistliCommand(Map<String, String> environment, NodeRunner runner) {
    this.environment = environment;
    this.runner = runner;
  }

  /** The command line with every subcommand registered: the one place commands are wired. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv(), org.distli.node.NodeLauncher::run);
  }

  public static CommandLine commandLine(Map<String, String> environment, NodeRunner runner) {
    CommandLine commandLine = new CommandLine(new DistliCommand(environment, runner));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    CommandSpec spec = commandLine.getCommandSpec();
    for (Setting setting : Settings.ALL) {
      if (!setting.cliOption()) {
        continue;
      }
      OptionSpec.Builder option =
          OptionSpec.builder(setting.optionName())
              .paramLabel(setting.label())
              .type(String.class)
              .description(
                  setting.description()
                      + " Default: "
                      + setting.defaultDescription()
                      + ". Env: "
                      + setting.environmentVariable()
                      + ".");
      if (setting.kind() == Setting.Kind.BOOLEAN) {
        option.arity("0..1").fallbackValue("true");
      }
      spec.addOption(option.build());
    }
    return commandLine;
  }

  /** The configuration the options given, the environment and the config file make. */
  public NodeConfig resolveConfig() {
    Map<String, String> given = new HashMap<>();
    for (Setting setting : Settings.ALL) {
      if (!setting.cliOption()) {
        continue;
      }
      OptionSpec option = spec.findOption(setting.optionName());
      Object value = option.getValue();
      if (value != null) {
        given.put(setting.key(), value.toString());
      }
    }
    return NodeConfig.resolve(ConfigSources.load(given, environment));
  }

  @Override
  public Integer call() {
    NodeConfig config;
    try {
      config = resolveConfig();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("distli: " + e.getMessage());
      return 2;
    }
    return runner.run(config, spec.commandLine());
  }
}
