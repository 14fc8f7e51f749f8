package org.distli.node.cli.evm;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.CodeRunner;
import org.distli.evm.Fork;
import org.distli.evm.interpreter.MessageResult;
import org.distli.evm.tracing.Eip3155Tracer;
import org.distli.primitives.Hex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code distli evm run --code HEX [--input HEX] [--gas N] [--trace]}: runs bytecode. */
@Command(
    name = "run",
    description = {
      "Run bytecode as a call and print the output and gas used.",
      "The code runs as a contract at 0x...636f6e7472616374."
    },
    mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--code", required = true, paramLabel = "HEX", description = "The bytecode.")
  String code;

  @Option(names = "--input", paramLabel = "HEX", description = "Call data (default: none).")
  String input = "";

  @Option(
      names = "--gas",
      paramLabel = "N",
      description = "Gas given to the call (default: ${DEFAULT-VALUE}).")
  long gas = 10_000_000_000L;

  @Option(
      names = "--fork",
      paramLabel = "NAME",
      description = "The rules to run under (default: ${DEFAULT-VALUE}).")
  String fork = "Cancun";

  @Option(names = "--trace", description = "Print an EIP-3155 trace to stderr.")
  boolean trace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Bytes codeBytes;
    Bytes inputBytes;
    Fork rules;
    try {
      codeBytes = Hex.decode(code.trim());
      inputBytes = Hex.decode(input.trim());
      rules = Fork.parse(fork);
    } catch (IllegalArgumentException e) {
      err.println("distli evm run: " + e.getMessage());
      return 2;
    }
    if (gas < 0) {
      err.println("distli evm run: --gas must not be negative");
      return 2;
    }
    PrintStream traceOut = new PrintStream(System.err, false);
    CodeRunner.Result result =
        new CodeRunner()
            .run(rules, codeBytes, inputBytes, gas, trace ? new Eip3155Tracer(traceOut) : null);
    traceOut.flush();
    MessageResult message = result.message();
    out.println("output: " + message.output().toHexString());
    out.println("gas used: " + result.gasUsed());
    if (message.halt() != null) {
      out.println("error: " + message.halt().message());
    } else if (message.reverted()) {
      out.println("error: execution reverted");
    }
    out.flush();
    return message.success() ? 0 : 1;
  }
}
