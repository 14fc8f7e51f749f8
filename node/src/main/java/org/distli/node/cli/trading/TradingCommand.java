package org.distli.node.cli.trading;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code distli trading ...}: tools for the on-chain order book. */
@Command(
    name = "trading",
    mixinStandardHelpOptions = true,
    description = "The on-chain order book: deploy it on a chain, measure its gas.",
    subcommands = {TradingDeployCommand.class, TradingBenchCommand.class})
public final class TradingCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
