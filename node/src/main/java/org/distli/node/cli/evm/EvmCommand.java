package org.distli.node.cli.evm;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code distli evm ...}: tools for EVM developers, like geth's {@code evm} and Besu's evmtool. */
@Command(
    name = "evm",
    description = "Run bytecode, state and blockchain tests, and EVM benchmarks.",
    mixinStandardHelpOptions = true,
    subcommands = {
      StateTestCommand.class,
      BlockTestCommand.class,
      RunCommand.class,
      BenchCommand.class
    })
public final class EvmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
