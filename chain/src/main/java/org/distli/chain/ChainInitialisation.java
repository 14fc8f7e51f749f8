package org.distli.chain;

import java.util.List;
import java.util.Optional;
import org.distli.chain.spec.ChainRules;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainStore;
import org.distli.primitives.Hash;
import org.distli.state.StateDatabase;
import org.distli.storage.KeyValueStore;
import org.distli.storage.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a database: an empty one gets the genesis block, its state and the chain rules; a used
 * one must hold the same genesis and have been created with the same rules (chain id, forks,
 * base-fee rule, validators), so that a node cannot silently run another chain's data.
 */
final class ChainInitialisation {
  private static final Logger LOG = LoggerFactory.getLogger(ChainInitialisation.class);

  private ChainInitialisation() {}

  /**
   * @throws IllegalStateException when the database holds another chain or other rules
   */
  static void initialise(
      ChainSpec spec,
      KeyValueStore keyValueStore,
      StateDatabase states,
      ChainStore store,
      GenesisBlock genesis) {
    if (store.isEmpty()) {
      try (WriteBatch batch = keyValueStore.newBatch()) {
        Hash root = states.commit(Hash.EMPTY_TRIE_ROOT, genesis.state(), 0, batch);
        if (!root.equals(genesis.block().header().stateRoot())) {
          throw new IllegalStateException(
              "genesis state root "
                  + root
                  + " differs from the header's "
                  + genesis.block().header().stateRoot());
        }
        store.stageGenesis(batch, genesis.block());
        store.stageRules(batch, ChainRules.of(spec));
        batch.commit();
      }
      LOG.debug("Initialized the chain with genesis block {}", genesis.block().hash());
      return;
    }
    if (!store.genesis().hash().equals(genesis.block().hash())) {
      throw new IllegalStateException(
          "the database holds another chain: its genesis is "
              + store.genesis().hash()
              + ", the configured genesis is "
              + genesis.block().hash());
    }
    ChainRules configured = ChainRules.of(spec);
    Optional<ChainRules> stored = store.rules();
    if (stored.isEmpty()) {
      // A database from before the rules were stored: they are recorded from now on.
      try (WriteBatch batch = keyValueStore.newBatch()) {
        store.stageRules(batch, configured);
        batch.commit();
      }
      return;
    }
    List<String> differences = stored.get().differencesFrom(configured);
    if (!differences.isEmpty()) {
      throw new IllegalStateException(
          "the genesis configuration differs from the one this database was created with: "
              + String.join("; ", differences)
              + " (start with the original genesis, or use another data directory for a new"
              + " chain)");
    }
  }
}
