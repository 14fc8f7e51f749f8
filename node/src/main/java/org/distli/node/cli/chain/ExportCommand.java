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
      "Export the canonical chain to FILE as concatenated RLP blocks (go-ethereum's format),",
      "gzip-compressed when FILE ends in .gz."
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
  public Integer call() throws IOException {
    try (ChainDatabaseOptions.OpenChain open = database.open()) {
      ChainReader reader = open.chain().reader();
      long last = to == null ? reader.head().number() : Math.min(to, reader.head().number());
      if (from < 0 || from > last) {
        spec.commandLine().getErr().println("distli export: no blocks in #" + from + "..#" + last);
        return 2;
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
      }
      spec.commandLine()
          .getOut()
          .printf("Exported %d blocks (#%d..#%d) to %s%n", count, from, last, file);
      return 0;
    }
  }

  private static OutputStream open(Path file) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    return file.toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
  }
}
