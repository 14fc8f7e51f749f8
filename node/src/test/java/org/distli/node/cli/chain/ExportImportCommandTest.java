package org.distli.node.cli.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.BlockTemplate;
import org.distli.chain.Blockchain;
import org.distli.chain.BuiltBlock;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.rlp.RlpItemStream;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.pos.SealData;
import org.distli.pos.Seals;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
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

  @Test
  void anExportedChainImportsIntoAnotherNodeWithTheSameHead() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, GENESIS.formatted(KEY.address()));
    Hash head;
    try (ChainDatabaseOptions.OpenChain source = options(dir.resolve("a"), genesis).open()) {
      Blockchain chain = source.chain();
      for (int i = 0; i < 3; i++) {
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
      head = chain.head().hash();
    }

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
    assertTrue(err.toString().contains("block 3 of the file: invalid block #2"), err.toString());
    try (ChainDatabaseOptions.OpenChain partial = options(dir.resolve("c"), genesis).open()) {
      assertEquals(1, partial.chain().head().number());
    }
  }

  @Test
  void aChainOfAnotherGenesisIsRefused() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, GENESIS.formatted(KEY.address()));
    Path file = dir.resolve("dev.rlp");
    // the dev chain's genesis block, exported from a fresh dev database
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
}
