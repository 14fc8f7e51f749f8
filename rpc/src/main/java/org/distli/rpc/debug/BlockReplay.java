package org.distli.rpc.debug;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.execution.BlockExecution;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.ExceptionalHalt;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.evm.tracing.CallFrame;
import org.distli.evm.tracing.FrameView;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.jsonrpc.JsonWritable;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.query.ChainQueries;
import org.distli.state.JournaledWorldState;

/**
 * Re-executes a stored block on its parent's state, the way the chain executed it, tracing the
 * transactions asked for: the ones before a traced transaction run untraced, so its trace starts
 * from exactly the state it saw.
 */
public final class BlockReplay {
  private final ChainQueries chain;
  private final TransactionProcessor evm;
  private final CallExecutor executor;

  public BlockReplay(ChainQueries chain, TransactionProcessor evm, CallExecutor executor) {
    this.chain = chain;
    this.evm = evm;
    this.executor = executor;
  }

  /** One traced transaction of a block. */
  public record Traced(Hash transactionHash, JsonWritable result) {}

  /**
   * Traces transactions {@code from} through {@code to} (inclusive) of {@code block}.
   *
   * @throws RpcException "genesis is not traceable" for block 0
   */
  public List<Traced> trace(Block block, int from, int to, TraceOptions options) {
    BlockHeader header = block.header();
    BlockHeader parent =
        chain.parent(header).orElseThrow(() -> RpcException.server("genesis is not traceable"));
    JournaledWorldState state = new JournaledWorldState(chain.backend(parent));
    Switch tracer = new Switch();
    BlockExecution execution =
        BlockExecution.begin(chain.spec(), evm, header, state, executor.ancestors(header), tracer);
    List<Traced> out = new ArrayList<>();
    List<Transaction> transactions = block.transactions();
    for (int i = 0; i <= to && i < transactions.size(); i++) {
      ResultTracer target = i >= from ? options.newTracer() : null;
      tracer.target = target;
      try {
        execution.apply(transactions.get(i));
      } catch (InvalidTransactionException e) {
        throw RpcException.server(
            "transaction "
                + transactions.get(i).hash()
                + " could not be replayed: "
                + e.getMessage());
      } finally {
        tracer.target = null;
      }
      if (target != null) {
        out.add(new Traced(transactions.get(i).hash(), target.result()));
      }
    }
    return out;
  }

  /** Forwards to the tracer of the transaction being traced, if any. */
  private static final class Switch implements Tracer {
    ResultTracer target;

    @Override
    public boolean tracesSteps() {
      return true;
    }

    @Override
    public void onTransactionStart(EvmTransaction transaction, BlockContext block, long gasLimit) {
      if (target != null) {
        target.onTransactionStart(transaction, block, gasLimit);
      }
    }

    @Override
    public void onTransactionEnd(TransactionResult result) {
      if (target != null) {
        target.onTransactionEnd(result);
      }
    }

    @Override
    public void onEnter(CallFrame frame) {
      if (target != null) {
        target.onEnter(frame);
      }
    }

    @Override
    public void onExit(
        int depth, Bytes output, long gasUsed, ExceptionalHalt halt, boolean reverted) {
      if (target != null) {
        target.onExit(depth, output, gasUsed, halt, reverted);
      }
    }

    @Override
    public void onStep(FrameView frame) {
      if (target != null && target.tracesSteps()) {
        target.onStep(frame);
      }
    }

    @Override
    public void onStepEnd(FrameView frame, long gasCost, ExceptionalHalt halt) {
      if (target != null && target.tracesSteps()) {
        target.onStepEnd(frame, gasCost, halt);
      }
    }

    @Override
    public void onLog(Log log) {
      if (target != null) {
        target.onLog(log);
      }
    }
  }
}
