package org.distli.node;

import java.nio.file.Path;
import java.util.Optional;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.validation.SealVerifier;
import org.distli.evm.Fork;
import org.distli.genesis.ForkSchedule;
import org.distli.genesis.Genesis;
import org.distli.genesis.GenesisException;
import org.distli.pos.PosSealVerifier;
import org.distli.pos.SealData;
import org.distli.pos.Seals;
import org.distli.pos.ValidatorSet;
import org.distli.trading.TradingPredeploys;

/**
 * What the node and the chain tools ({@code distli export|import}) must agree on to open the same
 * database: the genesis, where the database lives, the chain's rules and its seal check.
 */
public final class ChainSetup {
  /** The chain database inside the data directory (go-ethereum's name for it). */
  public static final String DATABASE_FOLDER = "chaindata";

  private ChainSetup() {}

  /**
   * The genesis file's, else the dev chain's with the trading predeploys.
   *
   * @throws GenesisException when the file is unusable, or schedules a fork whose rules the EVM
   *     does not implement: a node running such a chain would execute that fork's blocks wrongly
   */
  public static Genesis genesis(Optional<Path> file) {
    Genesis genesis = file.map(Genesis::read).orElseGet(TradingPredeploys::devChainGenesis);
    for (ForkSchedule.Activation activation : genesis.config().forkSchedule().activations()) {
      if (!activation.fork().isImplemented()) {
        throw new GenesisException(
            "",
            activation.fork().displayName()
                + " is scheduled (at "
                + (activation.trigger() == ForkSchedule.Trigger.BLOCK ? "block " : "time ")
                + Long.toUnsignedString(activation.at())
                + ") but not supported yet: Distli implements the rules up to "
                + Fork.NEWEST_IMPLEMENTED.displayName());
      }
    }
    return genesis;
  }

  /** ./data/dev for the dev chain, ./data/chain-{chainId} for a chain from a genesis file. */
  public static Path defaultDataDir(boolean dev, long chainId) {
    return Path.of("data", dev ? "dev" : "chain-" + chainId);
  }

  /**
   * Ethereum's rules for the genesis' config, with room in extra data for every validator's seal.
   */
  public static ChainSpec spec(Genesis genesis) {
    int validators = Math.max(1, genesis.config().consensus().validators().size());
    return ChainSpec.distli(genesis.config(), SealData.maxEncodedSize(validators));
  }

  /**
   * The proof-of-stake seal check of the genesis' validators; none when the genesis names no
   * validators (then the node's own key seals, and only the node knows it).
   */
  public static Optional<SealVerifier> sealVerifier(Genesis genesis) {
    if (genesis.config().consensus().validators().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PosSealVerifier(
            new Seals(new ValidatorSet(genesis.config().consensus().validators()))));
  }
}
