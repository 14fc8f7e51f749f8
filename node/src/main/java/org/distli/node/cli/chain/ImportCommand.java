package org.distli.node.cli.chain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.distli.chain.Blockchain;
import org.distli.chain.ImportResult;
import org.distli.chain.block.Block;
import org.distli.chain.rlp.RlpException;
import org.distli.chain.rlp.RlpItemStream;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.validation.InvalidBlockException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distli import FILE...}: imports concatenated RLP blocks with full validation. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import blocks from FILE(s) of concatenated RLP blocks (go-ethereum's export format, .gz",
      "accepted), each fully validated and executed. Blocks already known (and the genesis) are",
      "skipped; the first invalid block stops the import."
    })
public final class ImportCommand implements Callable<Integer> {
  private static final long PROGRESS_EVERY_MS = 5_000;

  @Spec CommandSpec spec;

  @Mixin ChainDatabaseOptions database;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    try (ChainDatabaseOptions.OpenChain open = database.open()) {
      Blockchain chain = open.chain();
      long imported = 0;
      long skipped = 0;
      long transactions = 0;
      long gas = 0;
      long started = System.nanoTime();
      long lastReport = System.currentTimeMillis();
      for (Path file : files) {
        try (InputStream in = open(file)) {
          RlpItemStream items = new RlpItemStream(in);
          long index = 0;
          byte[] item;
          while ((item = items.next()) != null) {
            index++;
            Block block;
            try {
              block = Block.decode(org.apache.tuweni.bytes.Bytes.wrap(item));
            } catch (RlpException | InvalidTransactionException e) {
              return fail(file, index, "undecodable block: " + e.getMessage());
            }
            if (block.number() == 0) {
              if (!block.hash().equals(chain.reader().genesis().hash())) {
                return fail(
                    file,
                    index,
                    "genesis "
                        + block.hash()
                        + " is not this chain's "
                        + chain.reader().genesis().hash());
              }
              skipped++;
              continue;
            }
            ImportResult result;
            try {
              result = chain.importBlock(block);
            } catch (InvalidBlockException e) {
              return fail(
                  file,
                  index,
                  "invalid block #" + block.number() + " " + block.hash() + ": " + e.getMessage());
            }
            if (result.alreadyKnown()) {
              skipped++;
            } else {
              imported++;
              transactions += block.transactions().size();
              gas += block.header().gasUsed();
            }
            if (System.currentTimeMillis() - lastReport > PROGRESS_EVERY_MS) {
              lastReport = System.currentTimeMillis();
              spec.commandLine()
                  .getOut()
                  .printf("Imported %d blocks, at #%d%n", imported, block.number());
            }
          }
        }
      }
      double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
      spec.commandLine()
          .getOut()
          .printf(
              "Imported %d blocks (%d skipped), %d transactions, %.1f Mgas in %.1f s; head #%d %s%n",
              imported,
              skipped,
              transactions,
              gas / 1e6,
              seconds,
              chain.head().number(),
              chain.head().hash());
      return 0;
    }
  }

  private int fail(Path file, long index, String reason) {
    spec.commandLine()
        .getErr()
        .println("distli import: " + file + ", block " + index + " of the file: " + reason);
    return 1;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
