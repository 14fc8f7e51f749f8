package org.distli.node.cli.chain;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.distli.chain.Blockchain;
import org.distli.chain.GenesisBlock;
import org.distli.genesis.Genesis;
import org.distli.genesis.GenesisException;
import org.distli.node.ChainSetup;
import org.distli.node.IoErrors;
import org.distli.primitives.Hash;
import org.distli.state.StateDatabase;
import org.distli.state.StateDatabaseConfig;
import org.distli.storage.KeyValueStore;
import org.distli.storage.RocksDbConfig;
import org.distli.storage.RocksDbKeyValueStore;
import org.distli.storage.StorageException;
import org.rocksdb.RocksDBException;
import picocli.CommandLine.Option;

/**
 * The options that locate a node's chain: its data directory and its genesis, with the node's
 * defaults and rules ({@link ChainSetup}): the dev chain in ./data/dev without a genesis file,
 * ./data/chain-&lt;chainId&gt; with one.
 */
public final class ChainDatabaseOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Data directory of the node (default: ./data/dev, or ./data/chain-<chainId> with a genesis file).")
  Path dataDir;

  @Option(
      names = "--genesis",
      paramLabel = "FILE",
      description =
          "Genesis file (Distli's format or go-ethereum's genesis.json); default: the dev chain.")
  Path genesisFile;

  public Genesis genesis() {
    return ChainSetup.genesis(Optional.ofNullable(genesisFile));
  }

  public Path dataDir(Genesis genesis) {
    if (dataDir != null) {
      return dataDir;
    }
    return ChainSetup.defaultDataDir(genesisFile == null, genesis.config().chainId());
  }

  /**
   * Opens (creating if needed) the chain database with this genesis, checking seals as the node
   * does.
   */
  OpenChain open() throws ChainToolException {
    return open(true);
  }

  /**
   * Opens the chain database only if the data directory holds one: reading tools must not create an
   * empty database in a mistyped directory and then report its genesis as the chain.
   */
  OpenChain openExisting() throws ChainToolException {
    return open(false);
  }

  private OpenChain open(boolean create) throws ChainToolException {
    Genesis genesis;
    try {
      genesis = genesis();
    } catch (GenesisException e) {
      throw new ChainToolException(
          (genesisFile == null ? "" : genesisFile + ": ") + messageOf(e), 2);
    } catch (UncheckedIOException e) {
      throw new ChainToolException(describe(genesisFile, e.getCause()), 2);
    }
    Path dataDirectory = dataDir(genesis);
    Path directory = dataDirectory.resolve(ChainSetup.DATABASE_FOLDER);
    if (!create && !Files.isDirectory(directory)) {
      throw new ChainToolException("no chain database in " + dataDirectory, 2);
    }
    KeyValueStore store;
    try {
      store = RocksDbKeyValueStore.open(directory, RocksDbConfig.DEFAULT);
    } catch (StorageException e) {
      if (isLockHeld(e)) {
        // the node's wording for the same condition
        throw new ChainToolException(
            "the database in " + directory + " is in use by another process (is a node running?)",
            1);
      }
      throw new ChainToolException(messageOf(e), 1);
    }
    StateDatabase state = StateDatabase.open(store, StateDatabaseConfig.DEFAULT);
    try {
      Blockchain.Builder builder =
          Blockchain.builder(ChainSetup.spec(genesis), store, state)
              .genesis(GenesisBlock.of(genesis, state.at(Hash.EMPTY_TRIE_ROOT)));
      ChainSetup.sealVerifier(genesis).ifPresent(builder::sealVerifier);
      return new OpenChain(builder.open(), state, store, directory);
    } catch (IllegalStateException e) {
      state.close();
      store.close();
      // "the database holds another chain": the data directory and the genesis given (or the dev
      // chain's) do not belong together
      boolean anotherChain = messageOf(e).contains("another chain");
      throw new ChainToolException(messageOf(e), anotherChain ? 2 : 1);
    } catch (RuntimeException e) {
      state.close();
      store.close();
      throw e;
    }
  }

  private static boolean isLockHeld(StorageException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RocksDBException && String.valueOf(t.getMessage()).contains("LOCK")) {
        return true;
      }
      if (String.valueOf(t.getMessage()).contains("lock hold by current process")) {
        return true;
      }
    }
    return false;
  }

  static String messageOf(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** One line for a failed file access: "no such file: x.rlp" rather than an exception's name. */
  static String describe(Path file, Throwable e) {
    if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
      return IoErrors.describe((java.io.IOException) e) + ": " + file;
    }
    if (e instanceof java.io.IOException io) {
      return file + ": " + IoErrors.describe(io);
    }
    return file + ": " + messageOf(e);
  }

  /** An open chain database; closing it closes the chain, the state and the store. */
  public record OpenChain(
      Blockchain chain, StateDatabase state, KeyValueStore store, Path directory)
      implements AutoCloseable {
    @Override
    public void close() {
      chain.close();
      state.close();
      store.close();
    }
  }
}
