package org.distli.node.cli.evm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.distli.chain.reference.BlockchainTestRunner;
import org.distli.fixtures.SharedFixtures;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distli evm block-test [PATH...]}: runs Ethereum blockchain tests. */
@Command(
    name = "block-test",
    mixinStandardHelpOptions = true,
    description = {
      "Run Ethereum blockchain tests (NoProof seal engine).",
      "Imports each test's blocks, expects the invalid ones to be refused, and checks the head and"
          + " the post-state. Prints the failures and ends with 'N passed, N failed'; exits 1 when"
          + " any test failed."
    })
public final class BlockTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Test files or folders (default: ethereum-tests/BlockchainTests in the shared data).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--run", paramLabel = "REGEX", description = "Only tests whose name matches.")
  String filter;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print every test, not only failures.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (paths.isEmpty()) {
      paths = List.of(SharedFixtures.root().resolve("ethereum-tests/BlockchainTests"));
    }
    Pattern pattern = filter == null ? null : Pattern.compile(filter);
    int passed = 0;
    int failed = 0;
    if (!verbose
        && LoggerFactory.getLogger("org.distli.chain")
            instanceof ch.qos.logback.classic.Logger chain) {
      // The chain logs each reorganisation for node operators; the tests' forks would fill the
      // output that should list failures.
      chain.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    for (Path path : paths) {
      if (!Files.exists(path)) {
        spec.commandLine()
            .getErr()
            .println("distli evm block-test: no such file or folder: " + path);
        return 2;
      }
      for (Path file : BlockchainTestRunner.testFiles(path)) {
        for (BlockchainTestRunner.Outcome outcome : BlockchainTestRunner.runFile(file, pattern)) {
          if (outcome.passed()) {
            passed++;
            if (verbose) {
              out.println("PASS " + file + ": " + outcome.name());
            }
          } else {
            failed++;
            out.println("FAIL " + file + ": " + outcome.name() + ": " + outcome.failure());
          }
          out.flush();
        }
      }
    }
    out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? 0 : 1;
  }
}
