package org.distli.rpc;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.BlockTemplate;
import org.distli.chain.Blockchain;
import org.distli.chain.BuiltBlock;
import org.distli.chain.ChainEvent;
import org.distli.chain.GenesisBlock;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.crypto.SecretKey;
import org.distli.evm.TransactionProcessor;
import org.distli.genesis.DevAccount;
import org.distli.genesis.DevChain;
import org.distli.genesis.Genesis;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.filter.SubscriptionManager;
import org.distli.state.StateDatabase;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.txpool.TransactionPool;
import org.distli.txpool.TxPoolConfig;

/**
 * A real chain in memory for tests of execution methods: the dev genesis (the 20 funded Hardhat
 * accounts), the chain module's block building and import, a pool, and blocks mined on demand from
 * the pool's pending transactions.
 */
public final class ExecutedChain implements AutoCloseable {
  public final Genesis genesis = DevChain.genesis();
  public final ChainSpec spec = ChainSpec.distli(genesis.config(), 64);
  private final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
  public final StateDatabase states =
      StateDatabase.open(kv, org.distli.state.StateDatabaseConfig.DEFAULT);
  public final TransactionProcessor evm = new TransactionProcessor();
  public final Blockchain chain;
  public final TransactionPool pool;
  public final FilterManager filters = new FilterManager();
  public final SubscriptionManager subscriptions = new SubscriptionManager();
  public final UnlockedAccounts accounts;

  public ExecutedChain() {
    GenesisBlock genesisBlock = GenesisBlock.of(genesis, states.at(Hash.EMPTY_TRIE_ROOT));
    chain =
        Blockchain.builder(spec, kv, states)
            .genesis(genesisBlock)
            .transactionProcessor(evm)
            .recoveryThreads(0)
            .open();
    pool =
        new TransactionPool(TxPoolConfig.DEFAULT, spec, chain.head(), chain.stateAt(chain.head()));
    accounts = new UnlockedAccounts(DevChain.accounts().stream().map(DevAccount::key).toList());
    chain.addListener(
        event -> {
          List<Transaction> included = new java.util.ArrayList<>();
          for (ChainEvent.BlockWithReceipts added : event.added()) {
            included.addAll(added.block().transactions());
            filters.onNewBlock(added.block(), added.receipts());
            subscriptions.onNewBlock(added.block(), added.receipts());
          }
          pool.onNewHead(event.head(), chain.stateAt(event.head()), included);
        });
  }

  public static SecretKey key(int index) {
    return DevChain.accounts().get(index).key();
  }

  public static Address address(int index) {
    return DevChain.accounts().get(index).address();
  }

  /** Builds and imports a block of the pool's pending transactions. */
  public Block mine() {
    BlockHeader head = chain.head();
    List<Transaction> candidates = new java.util.ArrayList<>();
    pool.pendingContent().values().forEach(candidates::addAll);
    BuiltBlock built =
        chain.buildBlock(
            new BlockTemplate(
                head.timestamp() + 1,
                Address.ZERO,
                Hash.ZERO,
                Bytes.EMPTY,
                head.gasLimit(),
                List.of(),
                Hash.ZERO),
            candidates);
    try {
      chain.importBlock(built.block());
    } catch (org.distli.chain.validation.InvalidBlockException e) {
      throw new IllegalStateException(e);
    }
    return built.block();
  }

  public RpcBackend backend() {
    return new RpcBackend(
        spec, chain.reader(), states, pool, evm, accounts, "Distli/test", () -> 0);
  }

  public InProcessRpc rpc() {
    return new InProcessRpc(
        RpcMethods.all(backend(), ApiLimits.DEFAULT, filters, subscriptions)
            .build(RpcConfig.ALL_NAMESPACES));
  }

  @Override
  public void close() {
    chain.close();
  }
}
