package org.distli.node.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code distli bench ...}: micro-benchmarks of the node's parts. */
@Command(
    name = "bench",
    description = "Measure the speed of a part of the node.",
    mixinStandardHelpOptions = true,
    subcommands = {TrieBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
