package org.distli.trading.sandbox;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.Fork;
import org.distli.evm.InvalidTransactionException;
import org.distli.evm.ProcessingOptions;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateChanges;
import org.distli.state.StateDatabase;
import org.distli.trading.EthCall;

/**
 * A one-node chain in memory for running contracts in Distli's EVM: every transaction is its own
 * block (number and timestamp advance by one), executed by the {@link TransactionProcessor} and
 * committed to an in-memory {@link StateDatabase}. Gas price and base fee are zero, so coin
 * balances move only by the values sent. Not thread-safe.
 */
public final class EvmSandbox implements EthCall, AutoCloseable {
  public static final long BLOCK_GAS_LIMIT = 60_000_000L;
  public static final long CHAIN_ID = 1337;
  private static final long GENESIS_TIME = 1_700_000_000L;

  /** What a transaction did. */
  public record Outcome(
      boolean success, Bytes output, long gasUsed, List<Log> logs, Address created) {}

  private final Fork fork;
  private final StateDatabase database = StateDatabase.inMemory();
  private final TransactionProcessor processor = new TransactionProcessor();
  private Hash root = Hash.EMPTY_TRIE_ROOT;
  private long blockNumber;
  private int accounts;

  public EvmSandbox(Fork fork) {
    this.fork = fork;
  }

  /** Cancun rules, the dev chain's. */
  public static EvmSandbox cancun() {
    return new EvmSandbox(Fork.CANCUN);
  }

  /** A fresh externally owned account (a deterministic address) holding {@code balance}. */
  public Address newAccount(Wei balance) {
    byte[] seed =
        ("distli sandbox account " + accounts++).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Address address = Address.wrapCopy(Keccak256.digest(seed), 12);
    mutate(state -> state.setBalance(address, balance));
    return address;
  }

  /** Installs an account as a genesis file would: code, storage, nonce 1. */
  public void install(Address address, Bytes code, Map<UInt256, UInt256> storage) {
    mutate(
        state -> {
          state.setNonce(address, 1);
          state.setCode(address, code);
          storage.forEach((slot, value) -> state.setStorage(address, slot, value));
        });
  }

  /**
   * Executes a transaction ({@code to == null}: contract creation) in a block of its own and
   * commits it.
   *
   * @throws IllegalArgumentException when the transaction is invalid (e.g. the sender cannot pay)
   */
  public Outcome transact(Address from, Address to, Bytes data, Wei value) {
    return transact(from, to, data, value, BLOCK_GAS_LIMIT);
  }

  public Outcome transact(Address from, Address to, Bytes data, Wei value, long gasLimit) {
    JournaledWorldState state = new JournaledWorldState(database.at(root));
    EvmTransaction tx =
        EvmTransaction.builder()
            .sender(from)
            .to(to)
            .nonce(state.getNonce(from))
            .gasLimit(gasLimit)
            .value(value)
            .data(data)
            .build();
    TransactionResult result;
    try {
      result = processor.process(state, nextBlock(), tx);
    } catch (InvalidTransactionException e) {
      throw new IllegalArgumentException("invalid transaction: " + e.getMessage(), e);
    }
    commit(state);
    return new Outcome(
        result.isSuccess(),
        result.output(),
        result.gasUsed(),
        result.logs(),
        result.contractAddress());
  }

  /** eth_call at the latest state: the changes are discarded. */
  @Override
  public Bytes call(Address to, Bytes data) {
    JournaledWorldState state = new JournaledWorldState(database.at(root));
    EvmTransaction tx =
        EvmTransaction.builder()
            .sender(Address.ZERO)
            .to(to)
            .gasLimit(BLOCK_GAS_LIMIT)
            .data(data)
            .build();
    TransactionResult result;
    try {
      result = processor.process(state, currentBlock(), tx, null, ProcessingOptions.SIMULATION);
    } catch (InvalidTransactionException e) {
      throw new IllegalArgumentException("invalid call: " + e.getMessage(), e);
    }
    if (!result.isSuccess()) {
      throw new CallRevertedException(result.output());
    }
    return result.output();
  }

  public Wei balance(Address address) {
    Account account = database.at(root).account(address);
    return account == null ? Wei.ZERO : account.balance();
  }

  public UInt256 storage(Address address, UInt256 slot) {
    return database.at(root).storage(address, slot);
  }

  public Bytes code(Address address) {
    Account account = database.at(root).account(address);
    return account == null ? Bytes.EMPTY : database.at(root).code(account.codeHash());
  }

  /**
   * Every non-zero storage slot of an account that was created (deployed or installed) in this
   * sandbox.
   */
  public NavigableMap<UInt256, UInt256> storageOf(Address address) {
    return new TreeMap<>(storageWrites.getOrDefault(address, new TreeMap<>()));
  }

  private final Map<Address, NavigableMap<UInt256, UInt256>> storageWrites =
      new java.util.HashMap<>();

  private void mutate(java.util.function.Consumer<JournaledWorldState> change) {
    JournaledWorldState state = new JournaledWorldState(database.at(root));
    change.accept(state);
    state.finalizeTransaction(true);
    blockNumber++;
    commit(state);
  }

  private void commit(JournaledWorldState state) {
    StateChanges changes = state.changes();
    changes
        .accounts()
        .forEach(
            (address, update) -> {
              NavigableMap<UInt256, UInt256> slots =
                  storageWrites.computeIfAbsent(address, a -> new TreeMap<>());
              if (update.deleted() || update.storageCleared()) {
                slots.clear();
              }
              update
                  .storage()
                  .forEach(
                      (slot, value) -> {
                        if (value.isZero()) {
                          slots.remove(slot);
                        } else {
                          slots.put(slot, value);
                        }
                      });
            });
    root = database.commit(root, changes, blockNumber);
  }

  private BlockContext nextBlock() {
    blockNumber++;
    return currentBlock();
  }

  private BlockContext currentBlock() {
    return BlockContext.builder(fork)
        .coinbase(Address.ZERO)
        .number(blockNumber)
        .timestamp(GENESIS_TIME + blockNumber)
        .gasLimit(BLOCK_GAS_LIMIT)
        .chainId(CHAIN_ID)
        .build();
  }

  /** The latest block's timestamp. */
  public long timestamp() {
    return GENESIS_TIME + blockNumber;
  }

  @Override
  public void close() {
    database.close();
  }
}
