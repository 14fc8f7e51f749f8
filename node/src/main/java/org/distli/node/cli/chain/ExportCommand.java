package org.distli.node.cli.chain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.distli.chain.block.Block;
import org.distli.chain.store.ChainReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distli export FILE}: writes the canonical chain as concatenated RLP blocks. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export the canonical chain to a file of RLP blocks.",
      "The blocks are concatenated as go-ethereum exports them, gzip-compressed when FILE ends in"
          + " .gz. The data directory must hold a chain database."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ChainDatabaseOptions database;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to write.")
  Path file;

  @Option(
      names = "--from",
      paramLabel = "N",
      description = "First block (default: 0, the genesis).")
  long from = 0;

  @Option(names = "--to", paramLabel = "N", description = "Last block (default: the head).")
  Long to;

  @Override
  public Integer call() {
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      return fail("no such directory: " + folder, 2);
    }
    if (Files.isDirectory(file)) {
      return fail(file + " is a directory", 2);
    }
    try (ChainDatabaseOptions.OpenChain open = database.openExisting()) {
      ChainReader reader = open.chain().reader();
      long last = to == null ? reader.head().number() : Math.min(to, reader.head().number());
      if (from < 0 || from > last) {
        return fail("no blocks in #" + from + "..#" + last, 2);
      }
      long count = 0;
      try (OutputStream out = open(file)) {
        for (long n = from; n <= last; n++) {
          Block block =
              reader
                  .block(n)
                  .orElseThrow(
                      () -> new IllegalStateException("canonical block missing from the database"));
          out.write(block.encoded().toArrayUnsafe());
          count++;
        }
      } catch (IOException e) {
        return fail(ChainDatabaseOptions.describe(file, e), 1);
      }
      spec.commandLine()
          .getOut()
          .printf("Exported %d blocks (#%d..#%d) to %s%n", count, from, last, file);
      return 0;
    } catch (ChainToolException e) {
      return fail(e.getMessage(), e.exitCode());
    }
  }

  private int fail(String message, int exitCode) {
    spec.commandLine().getErr().println("distli export: " + message);
    return exitCode;
  }

  private static OutputStream open(Path file) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    return file.toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
  }
}
