package org.distli.evm.tracing;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;

/**
 * A live, read-only view of the executing call frame, handed to {@link Tracer#onStep} and {@link
 * Tracer#onStepEnd}. Valid only during the callback: copy what you keep.
 */
public interface FrameView {
  /** 1 for the transaction's own frame, as geth counts. */
  int depth();

  /** The program counter of the current instruction. */
  int pc();

  /** The current instruction's byte. */
  int opcode();

  /** Gas left before the current instruction is charged. */
  long gasRemaining();

  int stackSize();

  /** A stack item, 0 being the top. */
  UInt256 stackItem(int fromTop);

  /** Active memory size in bytes (a multiple of 32). */
  long memorySize();

  /** A copy of {@code length} bytes of memory at {@code offset}; zeros past the active size. */
  Bytes memory(long offset, int length);

  /** The return data of the last call made by this frame. */
  Bytes returnData();

  /** The transaction's refund counter so far. */
  long refund();

  /** The account whose storage and balance this frame acts on. */
  Address address();

  Address caller();

  /** The account whose code runs (differs from {@link #address()} for CALLCODE/DELEGATECALL). */
  Address codeAddress();

  CallType callType();

  boolean isStatic();

  /** The current value of a storage slot of {@link #address()}. */
  UInt256 storage(UInt256 slot);
}
