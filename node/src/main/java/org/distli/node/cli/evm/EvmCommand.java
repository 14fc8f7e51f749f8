package org.distli.node.cli.evm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code distli evm ...}: tools for EVM and protocol developers. */
@Command(
    name = "evm",
    mixinStandardHelpOptions = true,
    description = "EVM and protocol tools: run reference tests.",
    subcommands = {BlockTestCommand.class})
public final class EvmCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
