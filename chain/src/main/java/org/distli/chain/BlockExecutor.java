package org.distli.chain;

import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.execution.AncestorHashes;
import org.distli.chain.execution.BlockExecution;
import org.distli.chain.execution.BlockExecutionResult;
import org.distli.chain.execution.SenderRecovery;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainReader;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.validation.BlockRoots;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Hash;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateBackend;
import org.distli.state.StateDatabase;

/**
 * Runs blocks on their parent's committed state and checks what their headers commit to, with
 * go-ethereum's wording for every mismatch.
 */
final class BlockExecutor {
  private final ChainSpec spec;
  private final TransactionProcessor processor;
  private final StateDatabase states;
  private final ChainReader chain;

  BlockExecutor(
      ChainSpec spec, TransactionProcessor processor, StateDatabase states, ChainReader chain) {
    this.spec = spec;
    this.processor = processor;
    this.states = states;
    this.chain = chain;
  }

  ChainSpec spec() {
    return spec;
  }

  TransactionProcessor processor() {
    return processor;
  }

  /** Whether the state after {@code header}'s block is committed and still kept. */
  boolean hasState(BlockHeader header) {
    return states.isAvailable(header.stateRoot());
  }

  /**
   * @throws InvalidBlockException when the parent's state is not kept (pruned, or a side branch's)
   */
  StateBackend parentState(BlockHeader parent) throws InvalidBlockException {
    if (!states.isAvailable(parent.stateRoot())) {
      throw new InvalidBlockException(
          "missing state of parent block #" + parent.number() + " " + parent.hash() + " (pruned)");
    }
    return states.at(parent.stateRoot());
  }

  AncestorHashes ancestors(BlockHeader parent) {
    return new AncestorHashes(parent, hash -> chain.header(hash).orElse(null));
  }

  /**
   * Executes a block's transactions, system calls and withdrawals on its parent's state.
   *
   * @throws InvalidBlockException naming the first transaction that cannot be applied
   */
  ExecutedBlock execute(Block block, BlockHeader parent, SenderRecovery.Job recovery)
      throws InvalidBlockException {
    StateBackend parentState = parentState(parent);
    recovery.finish();
    JournaledWorldState state = new JournaledWorldState(parentState);
    BlockExecution execution =
        BlockExecution.begin(
            spec, processor, block.header(), state, ancestors(parent), Tracer.NONE);
    List<Transaction> txs = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      try {
        execution.apply(txs.get(i));
      } catch (InvalidTransactionException invalid) {
        throw new InvalidBlockException(
            "could not apply tx " + i + " [" + txs.get(i).hash() + "]: " + invalid.getMessage(),
            invalid);
      }
    }
    return new ExecutedBlock(
        execution.finish(block.body().withdrawals().orElse(null)), null, state);
  }

  /**
   * Executes a block and checks every result its header commits to, the state root included,
   * without committing anything: a block that does not become the head now.
   *
   * @return the execution, with its state root
   */
  ExecutedBlock verify(Block block, BlockHeader parent, SenderRecovery.Job recovery)
      throws InvalidBlockException {
    ExecutedBlock executed = execute(block, parent, recovery);
    BlockHeader header = block.header();
    checkGasAndBloom(header, executed.result());
    checkReceiptsRoot(header, BlockRoots.receiptsRoot(executed.result().receipts()));
    Hash root = parentState(parent).rootAfter(executed.result().stateChanges());
    checkStateRoot(header, root);
    return new ExecutedBlock(executed.result(), root, executed.state());
  }

  static void checkTransactionsRoot(BlockHeader header, Hash computed)
      throws InvalidBlockException {
    if (!computed.equals(header.transactionsRoot())) {
      throw new InvalidBlockException(
          "transaction root hash mismatch (header value "
              + header.transactionsRoot()
              + ", calculated "
              + computed
              + ")");
    }
  }

  static void checkGasAndBloom(BlockHeader header, BlockExecutionResult result)
      throws InvalidBlockException {
    if (result.gasUsed() != header.gasUsed()) {
      throw new InvalidBlockException(
          "invalid gas used (remote: " + header.gasUsed() + " local: " + result.gasUsed() + ")");
    }
    if (!result.logsBloom().equals(header.logsBloom())) {
      throw new InvalidBlockException(
          "invalid bloom (remote: " + header.logsBloom() + " local: " + result.logsBloom() + ")");
    }
  }

  static void checkReceiptsRoot(BlockHeader header, Hash computed) throws InvalidBlockException {
    if (!computed.equals(header.receiptsRoot())) {
      throw new InvalidBlockException(
          "invalid receipt root hash (remote: "
              + header.receiptsRoot()
              + " local: "
              + computed
              + ")");
    }
  }

  static void checkStateRoot(BlockHeader header, Hash computed) throws InvalidBlockException {
    if (!computed.equals(header.stateRoot())) {
      throw new InvalidBlockException(
          "invalid merkle root (remote: " + header.stateRoot() + " local: " + computed + ")");
    }
  }
}
