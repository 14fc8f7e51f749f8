package org.distli.chain;

import java.util.ArrayList;
import java.util.List;
import org.distli.chain.block.BaseFee;
import org.distli.chain.block.BlobGas;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.GasLimit;
import org.distli.chain.execution.BlockExecution;
import org.distli.chain.execution.BlockExecutionResult;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.store.ChainReader;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.validation.BlockRoots;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.evm.Fork;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Hash;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateBackend;

/**
 * Builds a block on the head for a producer: the header from the template and the parent, then the
 * candidates executed in order (refused ones skipped and reported, ones that no longer fit left for
 * a later block), then every root. Nothing is committed; the execution is remembered in the {@link
 * BuildCache} so that importing the sealed block does not execute it again. Writer thread only.
 */
final class BlockBuilder {
  private final ChainSpec spec;
  private final ChainReader chain;
  private final BlockExecutor executor;
  private final BuildCache cache;

  BlockBuilder(ChainSpec spec, ChainReader chain, BlockExecutor executor, BuildCache cache) {
    this.spec = spec;
    this.chain = chain;
    this.executor = executor;
    this.cache = cache;
  }

  BuiltBlock build(BlockTemplate template, Iterable<Transaction> candidates)
      throws InvalidBlockException {
    BlockHeader parent = chain.head();
    long number = parent.number() + 1;
    Fork fork = spec.forkAt(number, template.timestamp());
    long gasLimit = GasLimit.towards(parent.gasLimit(), template.desiredGasLimit());
    BlockHeader.Builder header =
        BlockHeader.builder()
            .parentHash(parent.hash())
            .coinbase(template.coinbase())
            .number(number)
            .gasLimit(gasLimit)
            .timestamp(template.timestamp())
            .extraData(template.extraData())
            .mixHash(template.prevRandao())
            .baseFee(BaseFee.forChild(spec, parent, fork));
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      header.withdrawalsRoot(BlockRoots.withdrawalsRoot(template.withdrawals()));
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      header
          .blobGasUsed(0L)
          .excessBlobGas(BlobGas.excessForChild(parent, fork))
          .parentBeaconBlockRoot(template.parentBeaconBlockRoot());
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      header.requestsHash(GenesisBlock.EMPTY_REQUESTS_HASH);
    }
    StateBackend parentState = executor.parentState(parent);
    JournaledWorldState state = new JournaledWorldState(parentState);
    BlockExecution execution =
        BlockExecution.begin(
            spec,
            executor.processor(),
            header.build(),
            state,
            executor.ancestors(parent),
            Tracer.NONE);
    List<Transaction> included = new ArrayList<>();
    List<BuiltBlock.Skipped> skipped = new ArrayList<>();
    for (Transaction tx : candidates) {
      if (execution.gasRemaining() < 21_000) {
        break;
      }
      if (Long.compareUnsigned(tx.gasLimit(), execution.gasRemaining()) > 0) {
        continue; // may fit a later block
      }
      try {
        execution.apply(tx);
        included.add(tx);
      } catch (InvalidTransactionException invalid) {
        skipped.add(new BuiltBlock.Skipped(tx, invalid));
      }
    }
    BlockExecutionResult result =
        execution.finish(fork.isAtLeast(Fork.SHANGHAI) ? template.withdrawals() : null);
    Hash stateRoot = parentState.rootAfter(result.stateChanges());
    header
        .stateRoot(stateRoot)
        .transactionsRoot(BlockRoots.transactionsRoot(included))
        .receiptsRoot(BlockRoots.receiptsRoot(result.receipts()))
        .logsBloom(result.logsBloom())
        .gasUsed(result.gasUsed());
    if (fork.isAtLeast(Fork.CANCUN)) {
      header.blobGasUsed(result.blobGasUsed());
    }
    BlockHeader built = header.build();
    Block block =
        new Block(
            built,
            BlockBody.of(included, fork.isAtLeast(Fork.SHANGHAI) ? template.withdrawals() : null));
    cache.remember(built, new ExecutedBlock(result, stateRoot, state));
    return new BuiltBlock(block, result.receipts(), skipped);
  }
}
