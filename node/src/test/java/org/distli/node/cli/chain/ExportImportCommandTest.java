package org.distli.node.cli.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.BlockTemplate;
import org.distli.chain.Blockchain;
import org.distli.chain.BuiltBlock;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.pos.SealData;
import org.distli.pos.Seals;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpItemStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportImportCommandTest {
  private static final SecretKey KEY =
      SecretKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  // the genesis' one validator (0x70997970...79c8)
  private static final SecretKey VALIDATOR =
      SecretKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final String GENESIS =
      """
      {"chainId":4242,"consensus":"pos","blockTime":3,
       "validators":[{"address":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","stake":"32000000000000000000"}],
       "initialState":{"%s":{"balance":"1000000000000000000000"}}}
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new ChainCommandsForTest());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** The two commands under one root, as DistliCommand registers them. */
  @CommandLine.Command(
      name = "distli",
      subcommands = {ExportCommand.class, ImportCommand.class})
  static final class ChainCommandsForTest implements Runnable {
    @Override
    public void run() {}
  }

  private ChainDatabaseOptions options(Path dataDir, Path genesis) {
    ChainDatabaseOptions options = new ChainDatabaseOptions();
    options.dataDir = dataDir;
    options.genesisFile = genesis;
    return options;
  }

  /** A chain of {@code blocks} sealed blocks of one transfer each; the head's hash. */
  private Hash buildChain(Path dataDir, Path genesis, int blocks) throws Exception {
    try (ChainDatabaseOptions.OpenChain source = options(dataDir, genesis).open()) {
      Blockchain chain = source.chain();
      for (int i = 0; i < blocks; i++) {
        Transaction tx =
            Transaction.builder(TransactionType.DYNAMIC_FEE)
                .nonce(i)
                .gasLimit(21_000)
                .maxFeePerGas(Wei.of(10_000_000_000L))
                .to(Address.fromHex("0x000000000000000000000000000000000000b0b0"))
                .value(Wei.of(1))
                .sign(KEY, 4242);
        BlockHeader parent = chain.head();
        BuiltBlock built =
            chain.buildBlock(
                new BlockTemplate(
                    parent.timestamp() + 3,
                    VALIDATOR.address(),
                    Seals.nextPrevRandao(parent),
                    Seals.unsealedExtraData(SealData.vanity("test"), 0),
                    30_000_000,
                    List.of(),
                    Hash.ZERO),
                List.of(tx));
        Block sealed =
            new Block(Seals.sealAlone(built.block().header(), VALIDATOR), built.block().body());
        chain.importBlock(sealed);
      }
      return chain.head().hash();
    }
  }

  private Path genesisFile() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, GENESIS.formatted(KEY.address()));
    return genesis;
  }

  /** What the command printed on stderr, which must be exactly one line. */
  private String oneErrorLine() {
    String text = err.toString();
    assertTrue(text.endsWith(System.lineSeparator()), text);
    String line = text.substring(0, text.length() - System.lineSeparator().length());
    assertFalse(line.contains("\n") || line.contains("\r"), "more than one line: " + text);
    return line;
  }

  @Test
  void anExportedChainImportsIntoAnotherNodeWithTheSameHead() throws Exception {
    Path genesis = genesisFile();
    Hash head = buildChain(dir.resolve("a"), genesis, 3);

    Path file = dir.resolve("chain.rlp.gz");
    assertEquals(
        0,
        run(
            "export",
            file.toString(),
            "--data-dir",
            dir.resolve("a").toString(),
            "--genesis",
            genesis.toString()),
        err.toString());
    assertTrue(out.toString().contains("Exported 4 blocks (#0..#3)"), out.toString());

    assertEquals(
        0,
        run(
            "import",
            file.toString(),
            "--data-dir",
            dir.resolve("b").toString(),
            "--genesis",
            genesis.toString()),
        err.toString());
    assertTrue(
        out.toString().contains("Imported 3 blocks (1 skipped), 3 transactions"), out.toString());
    try (ChainDatabaseOptions.OpenChain imported = options(dir.resolve("b"), genesis).open()) {
      assertEquals(head, imported.chain().head().hash());
    }

    // importing again changes nothing
    assertEquals(
        0,
        run(
            "import",
            file.toString(),
            "--data-dir",
            dir.resolve("b").toString(),
            "--genesis",
            genesis.toString()));
    assertTrue(out.toString().contains("Imported 0 blocks (4 skipped)"), out.toString());

    // a tampered block stops the import, named with its reason; the blocks before it stay
    Path plain = dir.resolve("chain.rlp");
    assertEquals(
        0,
        run(
            "export",
            plain.toString(),
            "--data-dir",
            dir.resolve("a").toString(),
            "--genesis",
            genesis.toString()));
    List<Block> blocks = new ArrayList<>();
    try (InputStream in = Files.newInputStream(plain)) {
      RlpItemStream items = new RlpItemStream(in);
      for (byte[] item = items.next(); item != null; item = items.next()) {
        blocks.add(Block.decode(Bytes.wrap(item)));
      }
    }
    Block second = blocks.get(2);
    blocks.set(
        2,
        new Block(second.header().toBuilder().stateRoot(Hash.EMPTY_CODE).build(), second.body()));
    Path tampered = dir.resolve("tampered.rlp");
    try (OutputStream outFile = Files.newOutputStream(tampered)) {
      for (Block block : blocks) {
        outFile.write(block.encoded().toArrayUnsafe());
      }
    }
    assertEquals(
        1,
        run(
            "import",
            tampered.toString(),
            "--data-dir",
            dir.resolve("c").toString(),
            "--genesis",
            genesis.toString()));
    assertTrue(
        err.toString()
            .contains(tampered + ": block 3 of the file (after #1 imported): invalid block #2"),
        err.toString());
    try (ChainDatabaseOptions.OpenChain partial = options(dir.resolve("c"), genesis).open()) {
      assertEquals(1, partial.chain().head().number());
    }
  }

  @Test
  void aChainOfAnotherGenesisIsRefused() throws Exception {
    Path genesis = genesisFile();
    Path file = dir.resolve("dev.rlp");
    // the dev chain's genesis block, exported from a fresh dev database
    options(dir.resolve("dev"), null).open().close();
    assertEquals(
        0,
        run("export", file.toString(), "--data-dir", dir.resolve("dev").toString()),
        err.toString());
    assertEquals(
        1,
        run(
            "import",
            file.toString(),
            "--data-dir",
            dir.resolve("c").toString(),
            "--genesis",
            genesis.toString()));
    assertTrue(err.toString().contains("is not this chain's"), err.toString());
  }

  @Test
  void exportFromADataDirectoryOfAnotherChainPrintsTheReasonOnly() throws Exception {
    Path genesis = genesisFile();
    options(dir.resolve("dev"), null).open().close();
    Path file = dir.resolve("x.rlp");

    int status =
        run(
            "export",
            file.toString(),
            "--data-dir",
            dir.resolve("dev").toString(),
            "--genesis",
            genesis.toString());

    assertEquals(2, status);
    assertTrue(
        oneErrorLine()
            .startsWith("distli export: the database holds another chain: its genesis is"),
        err.toString());
    assertFalse(Files.exists(file));
  }

  @Test
  void exportWhileANodeHoldsTheDatabaseSaysItIsInUse() throws Exception {
    Path genesis = genesisFile();
    Path file = dir.resolve("x.rlp");
    try (ChainDatabaseOptions.OpenChain running = options(dir.resolve("a"), genesis).open()) {
      int status =
          run(
              "export",
              file.toString(),
              "--data-dir",
              dir.resolve("a").toString(),
              "--genesis",
              genesis.toString());

      assertEquals(1, status);
      assertEquals(
          "distli export: the database in "
              + dir.resolve("a").resolve("chaindata")
              + " is in use by another process (is a node running?)",
          oneErrorLine());
      assertFalse(Files.exists(file));
    }
  }

  @Test
  void exportFromAMistypedDataDirectoryCreatesNothing() throws Exception {
    Path missing = dir.resolve("nodir");
    Path file = dir.resolve("x.rlp");

    int status = run("export", file.toString(), "--data-dir", missing.toString());

    assertEquals(2, status);
    assertEquals("distli export: no chain database in " + missing, oneErrorLine());
    assertFalse(Files.exists(missing), "the data directory was created");
    assertFalse(Files.exists(file));
  }

  @Test
  void exportIntoAMissingDirectoryIsAUsageError() throws Exception {
    options(dir.resolve("dev"), null).open().close();
    Path file = dir.resolve("nonexistent").resolve("x.rlp");

    int status = run("export", file.toString(), "--data-dir", dir.resolve("dev").toString());

    assertEquals(2, status);
    assertEquals("distli export: no such directory: " + file.getParent(), oneErrorLine());
  }

  @Test
  void importOfAMissingFileIsAUsageErrorAndCreatesNoDatabase() {
    Path dataDir = dir.resolve("new");

    int status = run("import", "nonexist.rlp", "--data-dir", dataDir.toString());

    assertEquals(2, status);
    assertEquals("distli import: no such file: nonexist.rlp", oneErrorLine());
    assertFalse(Files.exists(dataDir), "the data directory was created");
  }

  @Test
  void aTruncatedFileImportsTheBlocksBeforeItAndNamesWhereItStopped() throws Exception {
    Path genesis = genesisFile();
    buildChain(dir.resolve("a"), genesis, 3);
    Hash second;
    try (ChainDatabaseOptions.OpenChain source = options(dir.resolve("a"), genesis).open()) {
      second = source.chain().reader().block(2).orElseThrow().hash();
    }
    Path whole = dir.resolve("chain.rlp");
    assertEquals(
        0,
        run(
            "export",
            whole.toString(),
            "--data-dir",
            dir.resolve("a").toString(),
            "--genesis",
            genesis.toString()),
        err.toString());
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = dir.resolve("truncated.rlp");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 10));

    int status =
        run(
            "import",
            truncated.toString(),
            "--data-dir",
            dir.resolve("b").toString(),
            "--genesis",
            genesis.toString());

    assertEquals(1, status);
    assertEquals(
        "distli import: "
            + truncated
            + ": block 4 of the file (after #2 imported): rlp: unexpected end of input inside an"
            + " item",
        oneErrorLine());
    assertTrue(out.toString().contains("Imported 2 blocks (1 skipped)"), out.toString());
    try (ChainDatabaseOptions.OpenChain imported = options(dir.resolve("b"), genesis).open()) {
      assertEquals(second, imported.chain().head().hash());
    }
  }
}
