package org.distli.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Bloom;
import org.distli.chain.block.Receipt;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainStore;
import org.distli.chain.transaction.Transaction;
import org.distli.evm.Fork;
import org.distli.genesis.ChainConfig;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.filter.FilterManager;
import org.distli.rpc.filter.SubscriptionManager;
import org.distli.rpc.jsonrpc.MethodRegistry;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateDatabase;
import org.distli.state.WorldState;
import org.distli.storage.InMemoryKeyValueStore;
import org.distli.storage.WriteBatch;
import org.distli.txpool.TransactionPool;
import org.distli.txpool.TxPoolConfig;

/**
 * A chain in memory for method tests: a genesis with funded accounts, and blocks appended with
 * chosen transactions, receipts and state changes (no execution: the tests decide the outcome).
 */
public final class TestChain {
  public static final long CHAIN_ID = TestBlocks.CHAIN_ID;
  public static final Wei BASE_FEE = Wei.of(1_000_000_000L);

  public final ChainSpec spec =
      ChainSpec.distli(ChainConfig.allFromGenesis(CHAIN_ID, Fork.CANCUN), 1024);
  public final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
  public final ChainStore store = ChainStore.open(kv);
  public final StateDatabase states = StateDatabase.inMemory();
  public final TransactionPool pool;
  public final FilterManager filters = new FilterManager();
  public final SubscriptionManager subscriptions = new SubscriptionManager();

  public TestChain(Map<Address, Wei> balances) {
    JournaledWorldState state = new JournaledWorldState(states.at(Hash.EMPTY_TRIE_ROOT));
    balances.forEach(state::setBalance);
    state.finalizeTransaction(true);
    Hash root = states.commit(Hash.EMPTY_TRIE_ROOT, state.changes(), 0);
    BlockHeader genesisHeader =
        BlockHeader.builder()
            .number(0)
            .gasLimit(30_000_000)
            .timestamp(1_700_000_000L)
            .stateRoot(root)
            .baseFee(BASE_FEE)
            .withdrawalsRoot(Hash.EMPTY_TRIE_ROOT)
            .blobGasUsed(0L)
            .excessBlobGas(0L)
            .parentBeaconBlockRoot(Hash.ZERO)
            .build();
    Block genesis = new Block(genesisHeader, BlockBody.of(List.of(), List.of()));
    write(batch -> store.stageGenesis(batch, genesis));
    pool = new TransactionPool(TxPoolConfig.DEFAULT, spec, genesisHeader, states.at(root));
    pool.subscribePending(
        txs ->
            txs.forEach(
                tx -> {
                  filters.onPendingTransaction(tx);
                  subscriptions.onPendingTransaction(tx, pool.nextBaseFee());
                }));
  }

  public static TestChain funded() {
    return new TestChain(Map.of(TestBlocks.ALICE.address(), Wei.ofEther(100)));
  }

  private void write(Consumer<WriteBatch> staging) {
    try (WriteBatch batch = kv.newBatch()) {
      staging.accept(batch);
      batch.commit();
    }
  }

  /** One transaction of a block to append, with the outcome the test wants. */
  public record Included(Transaction transaction, boolean success, long gasUsed, List<Log> logs) {
    public static Included ok(Transaction transaction, long gasUsed, Log... logs) {
      return new Included(transaction, true, gasUsed, List.of(logs));
    }
  }

  /** Appends a canonical block with {@code transactions} and state changes; returns it. */
  public Block append(List<Included> transactions, Consumer<WorldState> stateChanges) {
    BlockHeader parent = store.head();
    JournaledWorldState state = new JournaledWorldState(states.at(parent.stateRoot()));
    stateChanges.accept(state);
    state.finalizeTransaction(true);
    Hash root = states.commit(parent.stateRoot(), state.changes(), parent.number() + 1);
    List<Transaction> txs = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    Bloom.Builder bloom = new Bloom.Builder();
    long cumulative = 0;
    for (Included included : transactions) {
      txs.add(included.transaction());
      cumulative += included.gasUsed();
      receipts.add(
          Receipt.of(
              included.transaction().type(), included.success(), cumulative, included.logs()));
      included.logs().forEach(bloom::add);
    }
    BlockHeader header =
        BlockHeader.builder()
            .parentHash(parent.hash())
            .number(parent.number() + 1)
            .gasLimit(30_000_000)
            .gasUsed(cumulative)
            .timestamp(parent.timestamp() + 3)
            .stateRoot(root)
            .logsBloom(bloom.build())
            .baseFee(BASE_FEE)
            .extraData(Bytes.fromHexString("0x64697374"))
            .withdrawalsRoot(Hash.EMPTY_TRIE_ROOT)
            .blobGasUsed(0L)
            .excessBlobGas(0L)
            .parentBeaconBlockRoot(Hash.ZERO)
            .build();
    Block block = new Block(header, BlockBody.of(txs, List.of()));
    write(
        batch -> {
          store.stageBlock(batch, block, receipts);
          store.stageCanonical(batch, block);
          store.stageMarkers(batch, header, header, header);
        });
    pool.onNewHead(header, states.at(root), txs);
    filters.onNewBlock(block, receipts);
    subscriptions.onNewBlock(block, receipts);
    return block;
  }

  public RpcBackend backend(UnlockedAccounts accounts) {
    return new RpcBackend(
        spec,
        store,
        states,
        pool,
        new org.distli.evm.TransactionProcessor(),
        accounts,
        "Distli/test",
        () -> 0);
  }

  public MethodRegistry registry(UnlockedAccounts accounts) {
    return RpcMethods.all(backend(accounts), ApiLimits.DEFAULT, filters, subscriptions)
        .build(RpcConfig.ALL_NAMESPACES);
  }

  public InProcessRpc rpc() {
    return new InProcessRpc(registry(UnlockedAccounts.NONE));
  }
}
