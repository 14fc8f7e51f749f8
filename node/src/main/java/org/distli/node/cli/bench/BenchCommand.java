package org.distli.node.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code distli bench ...}: performance measurements. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Performance benchmarks. Run them on an otherwise idle machine.",
    subcommands = {BlockBenchCommand.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
