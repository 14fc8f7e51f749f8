package org.distli.node.cli.chain;

import java.nio.file.Path;
import java.util.Optional;
import org.distli.chain.Blockchain;
import org.distli.chain.GenesisBlock;
import org.distli.genesis.Genesis;
import org.distli.node.ChainSetup;
import org.distli.primitives.Hash;
import org.distli.state.StateDatabase;
import org.distli.state.StateDatabaseConfig;
import org.distli.storage.KeyValueStore;
import org.distli.storage.RocksDbConfig;
import org.distli.storage.RocksDbKeyValueStore;
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
  public OpenChain open() {
    Genesis genesis = genesis();
    Path directory = dataDir(genesis).resolve(ChainSetup.DATABASE_FOLDER);
    KeyValueStore store = RocksDbKeyValueStore.open(directory, RocksDbConfig.DEFAULT);
    StateDatabase state = StateDatabase.open(store, StateDatabaseConfig.DEFAULT);
    try {
      Blockchain.Builder builder =
          Blockchain.builder(ChainSetup.spec(genesis), store, state)
              .genesis(GenesisBlock.of(genesis, state.at(Hash.EMPTY_TRIE_ROOT)));
      ChainSetup.sealVerifier(genesis).ifPresent(builder::sealVerifier);
      return new OpenChain(builder.open(), state, store, directory);
    } catch (RuntimeException e) {
      state.close();
      store.close();
      throw e;
    }
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
