package org.distli.node.cli.evm;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.distli.chain.reference.statetest.StateTestBench;
import org.distli.chain.reference.statetest.StateTestSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code distli evm bench PATH...}: runs each benchmark's transaction repeatedly after a warm-up
 * and prints name, gas used, median time and Mgas/s.
 */
@Command(
    name = "bench",
    description =
        "Benchmark the interpreter on state-test programs such as ../shared/evm-benchmarks.",
    mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      description = "Warm-up time per program (default: ${DEFAULT-VALUE}).")
  double warmupSeconds = 5;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description =
          "Measured runs per program; the median is reported (default: ${DEFAULT-VALUE}).")
  int runs = 9;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Benchmark files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        err.println("distli evm bench: no such file or folder: " + path);
        return 2;
      }
    }
    if (runs < 1) {
      err.println("distli evm bench: --runs must be at least 1");
      return 2;
    }
    out.println(StateTestBench.header());
    out.flush();
    boolean allOk = true;
    StateTestBench bench = new StateTestBench((long) (warmupSeconds * 1000), runs);
    for (Path file : StateTestSuite.files(paths)) {
      for (StateTestBench.Measurement m : bench.run(file)) {
        out.println(m.format());
        out.flush();
        allOk &= m.error() == null;
      }
    }
    return allOk ? 0 : 1;
  }
}
