package org.distli.evm.interpreter;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.tracing.CallType;
import org.distli.evm.tracing.FrameView;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;

/**
 * One call frame: its code, stack, memory and gas. Frames are pooled by depth inside an {@link
 * Evm}, so the stack and memory arrays are allocated once per depth and reused by every call at
 * that depth.
 */
final class Frame implements FrameView {
  static final byte[] NO_BYTES = new byte[0];

  /** The execution this frame currently serves (frames are pooled across executions). */
  Evm evm;

  final int depth;

  /**
   * The stack: word i at [4i, 4i+4), least significant limb first. Two spare words past the limit
   * serve as scratch for EXP.
   */
  final long[] stack = new long[(Rules.STACK_LIMIT + 2) * 4];

  /** Memory; bytes past {@link #memorySize} are always zero. */
  byte[] memory = NO_BYTES;

  /** Active memory in bytes, a multiple of 32. */
  int memorySize;

  // ---- what runs
  CallType type;
  Address address;
  Address caller;
  Address codeAddress;
  Wei value;
  byte[] input;
  Code code;
  boolean isStatic;

  // ---- registers, saved when the interpreter suspends or stops
  int pc;
  int sp;
  long gas;
  long gasStart;
  byte[] returnData = NO_BYTES;

  // ---- how it ended
  long exit;

  /** go-ethereum's full text of this frame's halt where it names more than its kind, or null. */
  String haltDetail;

  byte[] output = NO_BYTES;

  // ---- undo points
  int checkpoint;
  long refundAtStart;
  int logsAtStart;

  // ---- the call or creation this frame is waiting for
  CallType childType;
  Address childTarget;
  Wei childValue;
  byte[] childInput;
  long childGas;
  long childReturnOffset;
  long childReturnLength;
  byte[] childSalt;

  Frame(int depth) {
    this.depth = depth;
  }

  void start(
      CallType type,
      Address address,
      Address caller,
      Address codeAddress,
      Wei value,
      byte[] input,
      Code code,
      boolean isStatic,
      long gas) {
    this.type = type;
    this.address = address;
    this.caller = caller;
    this.codeAddress = codeAddress;
    this.value = value;
    this.input = input;
    this.code = code;
    this.isStatic = isStatic;
    this.pc = 0;
    this.sp = 0;
    this.gas = gas;
    this.gasStart = gas;
    this.returnData = NO_BYTES;
    this.output = NO_BYTES;
    this.exit = 0;
    this.haltDetail = null;
  }

  /** Drops references and clears used memory so the frame can be reused at this depth. */
  void release() {
    if (memorySize > 0) {
      Arrays.fill(memory, 0, memorySize, (byte) 0);
      memorySize = 0;
    }
    if (memory.length > 1 << 20) {
      memory = NO_BYTES; // do not keep huge buffers alive
    }
    input = null;
    code = null;
    returnData = NO_BYTES;
    output = NO_BYTES;
    childInput = null;
    childSalt = null;
    evm = null;
  }

  // ---- memory

  /**
   * Charges for and performs memory expansion to cover [offset, offset + length).
   *
   * @return the gas left, or {@link Interpreter#OUT_OF_GAS} when it does not suffice
   */
  long expand(long gas, long offset, long length) {
    if (length == 0) {
      return gas;
    }
    if ((offset | length) > Gas.MAX_MEMORY || offset + length > Gas.MAX_MEMORY) {
      return Interpreter.OUT_OF_GAS;
    }
    long end = offset + length;
    if (end <= memorySize) {
      return gas;
    }
    return grow(gas, end);
  }

  private long grow(long gas, long end) {
    long newWords = Gas.words(end);
    long cost = Gas.memoryCost(newWords) - Gas.memoryCost(memorySize >>> 5);
    gas -= cost;
    if (gas < 0) {
      return Interpreter.OUT_OF_GAS;
    }
    int newSize = (int) (newWords << 5);
    if (newSize > memory.length) {
      int capacity = (int) Math.min(Gas.MAX_MEMORY, Math.max(newSize, 2L * memory.length));
      memory = Arrays.copyOf(memory, Math.max(capacity, 1024));
    }
    memorySize = newSize;
    return gas;
  }

  /** Copies {@code length} bytes from {@code source} at {@code from} (zero past its end). */
  void copyToMemory(long memoryOffset, byte[] source, long from, long length) {
    if (length == 0) {
      return;
    }
    int dest = (int) memoryOffset;
    int len = (int) length;
    int available = from >= source.length ? 0 : (int) Math.min(len, source.length - from);
    if (available > 0) {
      System.arraycopy(source, (int) from, memory, dest, available);
    }
    if (available < len) {
      Arrays.fill(memory, dest + available, dest + len, (byte) 0);
    }
  }

  byte[] memoryCopy(long offset, long length) {
    if (length == 0) {
      return NO_BYTES;
    }
    return Arrays.copyOfRange(memory, (int) offset, (int) (offset + length));
  }

  // ---- FrameView, for tracers

  @Override
  public int depth() {
    return depth + 1;
  }

  @Override
  public int pc() {
    return pc;
  }

  @Override
  public int opcode() {
    return code.bytes[pc] & 0xff;
  }

  @Override
  public long gasRemaining() {
    return gas;
  }

  @Override
  public int stackSize() {
    return sp >>> 2;
  }

  @Override
  public UInt256 stackItem(int fromTop) {
    return Words.toUInt256(stack, sp - 4 * (fromTop + 1));
  }

  @Override
  public long memorySize() {
    return memorySize;
  }

  @Override
  public Bytes memory(long offset, int length) {
    byte[] out = new byte[length];
    if (offset < memorySize) {
      int available = (int) Math.min(length, memorySize - offset);
      System.arraycopy(memory, (int) offset, out, 0, available);
    }
    return Bytes.wrap(out);
  }

  @Override
  public Bytes returnData() {
    return Words.wrap(returnData);
  }

  @Override
  public long refund() {
    return evm.refund;
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public Address caller() {
    return caller;
  }

  @Override
  public Address codeAddress() {
    return codeAddress;
  }

  @Override
  public CallType callType() {
    return type;
  }

  @Override
  public boolean isStatic() {
    return isStatic;
  }

  @Override
  public UInt256 storage(UInt256 slot) {
    return evm.state.getStorage(address, slot);
  }
}
