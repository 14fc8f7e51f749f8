package org.distli.chain;

import java.util.List;
import java.util.Map;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.evm.Fork;
import org.distli.genesis.Genesis;
import org.distli.genesis.GenesisAccount;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.state.StateBackend;
import org.distli.state.StateChanges;

/**
 * Block 0 built from a {@link Genesis}: its header (with the state root of the initial accounts)
 * and the state to commit with it.
 */
public record GenesisBlock(Block block, StateChanges state) {
  /** sha256 of nothing: the requests hash of a block without EIP-7685 requests (Prague). */
  public static final Hash EMPTY_REQUESTS_HASH =
      Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /**
   * Builds block 0.
   *
   * @param emptyState the empty state, which computes the initial state root
   */
  public static GenesisBlock of(Genesis genesis, StateBackend emptyState) {
    StateChanges state = stateChanges(genesis.alloc());
    Hash stateRoot = emptyState.rootAfter(state);
    Fork fork = genesis.fork();
    BlockHeader.Builder header =
        BlockHeader.builder()
            .parentHash(Hash.ZERO)
            .coinbase(genesis.coinbase())
            .stateRoot(stateRoot)
            .difficulty(genesis.difficulty())
            .number(0)
            .gasLimit(genesis.gasLimit())
            .timestamp(genesis.timestamp())
            .extraData(genesis.extraData())
            .mixHash(genesis.mixHash())
            .nonce(genesis.nonce())
            .baseFee(genesis.genesisBaseFee().orElse(null));
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      header.withdrawalsRoot(Hash.EMPTY_TRIE_ROOT);
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      header
          .blobGasUsed(genesis.blobGasUsed())
          .excessBlobGas(genesis.excessBlobGas())
          .parentBeaconBlockRoot(Hash.ZERO);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      header.requestsHash(EMPTY_REQUESTS_HASH);
    }
    BlockBody body = BlockBody.of(List.of(), fork.isAtLeast(Fork.SHANGHAI) ? List.of() : null);
    return new GenesisBlock(new Block(header.build(), body), state);
  }

  /** The initial accounts as state changes on the empty state. */
  public static StateChanges stateChanges(Map<Address, GenesisAccount> alloc) {
    StateChanges.Builder changes = StateChanges.builder();
    alloc.forEach(
        (address, account) ->
            changes.newAccount(
                address, account.nonce(), account.balance(), account.code(), account.storage()));
    return changes.build();
  }

  /** The fork of block 0 under {@code spec}. */
  public Fork fork(ChainSpec spec) {
    BlockHeader header = block.header();
    return spec.forkAt(header.number(), header.timestamp());
  }
}
