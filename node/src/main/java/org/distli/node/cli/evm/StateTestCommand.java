package org.distli.node.cli.evm;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.distli.chain.reference.statetest.StateTestSuite;
import org.distli.evm.Fork;
import org.distli.evm.tracing.Eip3155Tracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code distli evm state-test [--fork NAME] [--trace] PATH...}: runs every case of the state tests
 * under the given files and folders; one line per failure, then "N passed, N failed".
 */
@Command(
    name = "state-test",
    description = "Run Ethereum state tests (GeneralStateTests format) and report failures.",
    mixinStandardHelpOptions = true)
public final class StateTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--fork",
      paramLabel = "NAME",
      description = "Only run the cases of this fork (Cancun, Shanghai, Berlin, EIP158, ...).")
  String fork;

  @Option(names = "--trace", description = "Print an EIP-3155 trace of every case to stderr.")
  boolean trace;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the number of processors; 1 with --trace).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "State test files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Fork onlyFork;
    try {
      onlyFork = fork == null ? null : Fork.parse(fork);
    } catch (IllegalArgumentException e) {
      err.println("distli evm state-test: " + e.getMessage());
      return 2;
    }
    for (Path path : paths) {
      if (!Files.exists(path)) {
        err.println("distli evm state-test: no such file or folder: " + path);
        return 2;
      }
    }
    Eip3155Tracer tracer = trace ? new Eip3155Tracer(new PrintStream(System.err, false)) : null;
    StateTestSuite.Summary summary =
        new StateTestSuite()
            .run(
                paths,
                onlyFork,
                tracer,
                trace ? 1 : threads,
                failure -> {
                  out.println(failure.describe());
                  out.flush();
                });
    if (trace) {
      System.err.flush();
    }
    out.println(summary.passed() + " passed, " + summary.failed() + " failed");
    out.flush();
    return summary.failed() == 0 ? 0 : 1;
  }
}
