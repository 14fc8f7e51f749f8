package org.distli.node.cli.chain;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPInputStream;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.Blockchain;
import org.distli.chain.ImportResult;
import org.distli.chain.block.Block;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpItemStream;
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
      "Import RLP block files, validating and executing each block.",
      "The files hold concatenated RLP blocks as go-ethereum exports them (.gz accepted). Blocks"
          + " already known (and the genesis) are skipped; the first invalid block stops the"
          + " import, and the blocks before it stay imported."
    })
public final class ImportCommand implements Callable<Integer> {
  private static final long PROGRESS_EVERY_MS = 5_000;

  @Spec CommandSpec spec;

  @Mixin ChainDatabaseOptions database;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
  List<Path> files;

  @Override
  public Integer call() {
    // every file is checked before the database is opened (or created)
    for (Path file : files) {
      if (!Files.exists(file)) {
        return usageError("no such file: " + file);
      }
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        return usageError("cannot read " + file);
      }
    }
    try (ChainDatabaseOptions.OpenChain open = database.open()) {
      Progress progress = new Progress();
      int status = importAll(open.chain(), progress);
      if (status == 0 || progress.imported > 0) {
        summarize(open.chain(), progress);
      }
      return status;
    } catch (ChainToolException e) {
      spec.commandLine().getErr().println("distli import: " + e.getMessage());
      return e.exitCode();
    }
  }

  private int importAll(Blockchain chain, Progress progress) {
    // a few blocks are handed to the chain ahead, so that their sender recovery overlaps the
    // execution of the one before
    ArrayDeque<Pending> pending = new ArrayDeque<>();
    for (Path file : files) {
      long index = 0;
      try (InputStream in = open(file)) {
        RlpItemStream items = new RlpItemStream(in);
        while (true) {
          byte[] item;
          try {
            item = items.next();
          } catch (IOException | RlpException e) {
            // a truncated or unreadable file: what came before it is imported first
            Integer failed = drain(pending, progress, 0);
            return failed != null ? failed : fail(file, index + 1, progress, reason(e));
          }
          if (item == null) {
            break;
          }
          index++;
          Block block;
          try {
            block = Block.decode(Bytes.wrap(item));
          } catch (RlpException | InvalidTransactionException e) {
            Integer failed = drain(pending, progress, 0);
            return failed != null
                ? failed
                : fail(file, index, progress, "undecodable block: " + e.getMessage());
          }
          if (block.number() == 0) {
            if (!block.hash().equals(chain.reader().genesis().hash())) {
              Integer failed = drain(pending, progress, 0);
              return failed != null
                  ? failed
                  : fail(
                      file,
                      index,
                      progress,
                      "genesis "
                          + block.hash()
                          + " is not this chain's "
                          + chain.reader().genesis().hash());
            }
            progress.skipped++;
            continue;
          }
          pending.add(new Pending(file, index, block, chain.submitBlock(block)));
          Integer failed = drain(pending, progress, WINDOW);
          if (failed != null) {
            return failed;
          }
        }
      } catch (IOException e) {
        // opening the file (a gzip file that is not one), or closing it
        Integer failed = drain(pending, progress, 0);
        return failed != null ? failed : fail(file, index + 1, progress, reason(e));
      }
    }
    Integer failed = drain(pending, progress, 0);
    return failed != null ? failed : 0;
  }

  private void summarize(Blockchain chain, Progress progress) {
    double seconds = Math.max(1e-9, (System.nanoTime() - progress.started) / 1e9);
    spec.commandLine()
        .getOut()
        .printf(
            "Imported %d blocks (%d skipped), %d transactions, %.1f Mgas in %.1f s; head #%d %s%n",
            progress.imported,
            progress.skipped,
            progress.transactions,
            progress.gas / 1e6,
            seconds,
            chain.head().number(),
            chain.head().hash());
  }

  private static String reason(Exception e) {
    if (e instanceof EOFException) {
      return "unexpected end of file";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static final int WINDOW = 4;

  private record Pending(
      Path file, long index, Block block, CompletableFuture<ImportResult> result) {}

  private static final class Progress {
    final long started = System.nanoTime();
    long lastReport = System.currentTimeMillis();
    long imported;
    long skipped;
    long transactions;
    long lastImported = -1;
    long gas;
  }

  /** Waits for imports until at most {@code keep} are pending; the exit code of a failure. */
  private Integer drain(ArrayDeque<Pending> pending, Progress progress, int keep) {
    while (pending.size() > keep) {
      Pending next = pending.poll();
      ImportResult result;
      try {
        result = next.result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail(next.file, next.index, progress, "interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        String reason =
            cause instanceof InvalidBlockException ? cause.getMessage() : String.valueOf(cause);
        return fail(
            next.file,
            next.index,
            progress,
            "invalid block #" + next.block.number() + " " + next.block.hash() + ": " + reason);
      }
      if (result.alreadyKnown()) {
        progress.skipped++;
      } else {
        progress.imported++;
        progress.lastImported = next.block.number();
        progress.transactions += next.block.transactions().size();
        progress.gas += next.block.header().gasUsed();
      }
      if (System.currentTimeMillis() - progress.lastReport > PROGRESS_EVERY_MS) {
        progress.lastReport = System.currentTimeMillis();
        spec.commandLine()
            .getOut()
            .printf("Imported %d blocks, at #%d%n", progress.imported, next.block.number());
      }
    }
    return null;
  }

  /** Prints why the import stopped, where in which file, and after which imported block. */
  private int fail(Path file, long index, Progress progress, String reason) {
    String after =
        progress.imported == 0
            ? "nothing imported"
            : "after #" + progress.lastImported + " imported";
    spec.commandLine()
        .getErr()
        .println(
            "distli import: "
                + file
                + ": block "
                + index
                + " of the file ("
                + after
                + "): "
                + reason);
    return 1;
  }

  private int usageError(String message) {
    spec.commandLine().getErr().println("distli import: " + message);
    return 2;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
