package org.distli.evm.tracing;

import java.io.PrintStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.ExceptionalHalt;
import org.distli.evm.interpreter.Opcodes;
import org.distli.primitives.Hex;

/**
 * Writes an EIP-3155 trace: one JSON object per executed instruction, as geth's {@code evm --json}
 * and Besu's {@code evmtool} print them, then a summary line with the output and gas used when the
 * outermost frame ends.
 *
 * <pre>{"pc":0,"op":96,"gas":"0x5f5e100","gasCost":"0x3","memSize":0,"stack":[],"depth":1,
 * "refund":0,"opName":"PUSH1"}</pre>
 */
public final class Eip3155Tracer implements Tracer {
  private final PrintStream out;
  private final boolean memory;

  // The step being traced: captured before it runs, written when its cost is known.
  private int pc;
  private int op;
  private long gas;
  private long memSize;
  private String[] stack = new String[0];
  private int depth;
  private long refund;
  private String returnData;
  private String memoryHex;
  private final StringBuilder line = new StringBuilder(256);

  public Eip3155Tracer(PrintStream out) {
    this(out, false);
  }

  /**
   * @param memory also print memory contents (the optional "memory" field)
   */
  public Eip3155Tracer(PrintStream out, boolean memory) {
    this.out = out;
    this.memory = memory;
  }

  @Override
  public void onStep(FrameView frame) {
    pc = frame.pc();
    op = frame.opcode();
    gas = frame.gasRemaining();
    memSize = frame.memorySize();
    int size = frame.stackSize();
    if (stack.length != size) {
      stack = new String[size];
    }
    for (int i = 0; i < size; i++) {
      UInt256 item = frame.stackItem(size - 1 - i);
      stack[i] = item.isZero() ? "0x0" : item.toShortHexString();
    }
    depth = frame.depth();
    refund = frame.refund();
    Bytes data = frame.returnData();
    returnData = data.isEmpty() ? null : data.toHexString();
    memoryHex = memory ? frame.memory(0, (int) memSize).toHexString() : null;
  }

  @Override
  public void onStepEnd(FrameView frame, long gasCost, ExceptionalHalt halt) {
    line.setLength(0);
    line.append("{\"pc\":").append(pc);
    line.append(",\"op\":").append(op);
    line.append(",\"gas\":\"").append(Hex.quantity(gas)).append('"');
    line.append(",\"gasCost\":\"").append(Hex.quantity(gasCost)).append('"');
    if (memoryHex != null) {
      line.append(",\"memory\":\"").append(memoryHex).append('"');
    }
    line.append(",\"memSize\":").append(memSize);
    line.append(",\"stack\":[");
    for (int i = 0; i < stack.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append('"').append(stack[i]).append('"');
    }
    line.append(']');
    if (returnData != null) {
      line.append(",\"returnData\":\"").append(returnData).append('"');
    }
    line.append(",\"depth\":").append(depth);
    line.append(",\"refund\":").append(refund);
    line.append(",\"opName\":\"").append(Opcodes.name(op)).append('"');
    if (halt != null) {
      line.append(",\"error\":\"").append(halt.message()).append('"');
    }
    line.append('}');
    out.println(line);
  }

  @Override
  public void onExit(
      int depth, Bytes output, long gasUsed, ExceptionalHalt halt, boolean reverted) {
    if (depth != 1) {
      return;
    }
    line.setLength(0);
    line.append("{\"output\":\"").append(output.toUnprefixedHexString()).append('"');
    line.append(",\"gasUsed\":\"").append(Hex.quantity(gasUsed)).append('"');
    if (halt != null) {
      line.append(",\"error\":\"").append(halt.message()).append('"');
    } else if (reverted) {
      line.append(",\"error\":\"execution reverted\"");
    }
    line.append('}');
    out.println(line);
  }
}
