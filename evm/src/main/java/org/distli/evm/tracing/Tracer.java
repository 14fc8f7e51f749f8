package org.distli.evm.tracing;

import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.ExceptionalHalt;
import org.distli.evm.TransactionResult;
import org.distli.primitives.Log;

/**
 * Hooks into execution, for debuggers and tracing RPC methods. Every method has an empty default,
 * so a tracer implements only what it needs. Execution without a tracer (null or {@link #NONE})
 * makes no calls at all; a tracer that needs no per-instruction hooks returns false from {@link
 * #tracesSteps()} and the interpreter skips them.
 *
 * <p>Order of events for a transaction: {@link #onTransactionStart}, then {@link #onEnter} for the
 * transaction's own frame, {@link #onStep}/{@link #onStepEnd} per instruction with nested {@link
 * #onEnter}/{@link #onExit} pairs for calls made (a CALL's {@code onStepEnd} comes before the
 * callee's {@code onEnter}), {@link #onExit} of the outer frame, and {@link #onTransactionEnd}.
 */
public interface Tracer {
  /** The tracer that traces nothing; execution with it runs the untraced paths. */
  Tracer NONE = new Tracer() {};

  /** Whether {@link #onStep} and {@link #onStepEnd} are wanted. */
  default boolean tracesSteps() {
    return true;
  }

  /** After the transaction passed validation and bought its gas, before any code runs. */
  default void onTransactionStart(EvmTransaction transaction, BlockContext block, long gasLimit) {}

  /** After refunds and fee payment. */
  default void onTransactionEnd(TransactionResult result) {}

  /** A call frame begins (also for calls that fail at once, precompiles and code-less accounts). */
  default void onEnter(CallFrame frame) {}

  /**
   * A call frame ends.
   *
   * @param output the return data (REVERT data when reverted; empty on exceptional halt)
   * @param gasUsed the gas the frame consumed of what it was given
   * @param halt the exceptional halt, or null
   * @param reverted whether the frame ended with REVERT
   */
  default void onExit(
      int depth, Bytes output, long gasUsed, ExceptionalHalt halt, boolean reverted) {}

  /** Before the instruction at {@code frame.pc()} is charged and executed. */
  default void onStep(FrameView frame) {}

  /**
   * After the instruction ran (or failed).
   *
   * @param gasCost the gas it consumed, including dynamic costs and, for calls and creations, the
   *     gas handed to the new frame
   * @param halt the exceptional halt it caused, or null
   */
  default void onStepEnd(FrameView frame, long gasCost, ExceptionalHalt halt) {}

  /** A log was emitted (it may still be reverted with its frame). */
  default void onLog(Log log) {}
}
