package org.distli.rpc.debug;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.ExceptionalHalt;
import org.distli.evm.TransactionResult;
import org.distli.evm.interpreter.Opcodes;
import org.distli.evm.tracing.FrameView;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.rpc.jsonrpc.JsonWritable;

/**
 * go-ethereum's default tracer (the struct logger): one entry per executed instruction with the
 * program counter, opcode name, gas before it and its cost, call depth, and optionally the stack
 * (bottom first), memory in 32-byte words, return data, and on SLOAD/SSTORE the contract's storage
 * seen so far; then the gas used, whether the transaction failed, and its return value.
 */
public final class StructLogTracer implements ResultTracer {
  private final TraceOptions options;
  private final List<Step> steps = new ArrayList<>();
  private final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();
  private Step current;
  private TransactionResult result;

  private record Step(
      int pc,
      int op,
      long gas,
      int depth,
      String[] stack,
      String[] memory,
      String returnData,
      Map<String, String> storage,
      long refund,
      long[] gasCost,
      String[] error) {}

  public StructLogTracer(TraceOptions options) {
    this.options = options;
  }

  @Override
  public void onStep(FrameView frame) {
    if (options.limit() > 0 && steps.size() >= options.limit()) {
      current = null;
      return;
    }
    String[] stack = null;
    if (!options.disableStack()) {
      int size = frame.stackSize();
      stack = new String[size];
      for (int i = 0; i < size; i++) {
        UInt256 item = frame.stackItem(size - 1 - i);
        stack[i] = item.isZero() ? "0x0" : item.toShortHexString();
      }
    }
    String[] memory = null;
    if (options.enableMemory() && frame.memorySize() > 0) {
      int size = (int) frame.memorySize();
      Bytes bytes = frame.memory(0, size);
      memory = new String[size / 32];
      for (int i = 0; i < memory.length; i++) {
        memory[i] = Hex.encode(bytes.slice(i * 32, 32));
      }
    }
    String returnData = null;
    if (options.enableReturnData() && !frame.returnData().isEmpty()) {
      returnData = Hex.encode(frame.returnData());
    }
    Map<String, String> seen = null;
    int op = frame.opcode();
    if (!options.disableStorage()
        && (op == Opcodes.SLOAD || op == Opcodes.SSTORE)
        && frame.stackSize() >= (op == Opcodes.SSTORE ? 2 : 1)) {
      UInt256 slot = frame.stackItem(0);
      UInt256 value = op == Opcodes.SSTORE ? frame.stackItem(1) : frame.storage(slot);
      Map<UInt256, UInt256> contract =
          storage.computeIfAbsent(frame.address(), a -> new LinkedHashMap<>());
      contract.put(slot, value);
      seen = new LinkedHashMap<>();
      for (Map.Entry<UInt256, UInt256> entry : contract.entrySet()) {
        seen.put(
            Hex.encode(Bytes32.leftPad(entry.getKey()).toArrayUnsafe()),
            Hex.encode(Bytes32.leftPad(entry.getValue()).toArrayUnsafe()));
      }
    }
    current =
        new Step(
            frame.pc(),
            op,
            frame.gasRemaining(),
            frame.depth(),
            stack,
            memory,
            returnData,
            seen,
            frame.refund(),
            new long[1],
            new String[1]);
  }

  @Override
  public void onStepEnd(FrameView frame, long gasCost, ExceptionalHalt halt) {
    if (current == null) {
      return;
    }
    current.gasCost()[0] = gasCost;
    if (halt != null) {
      current.error()[0] = halt.message();
    }
    steps.add(current);
    current = null;
  }

  @Override
  public void onTransactionEnd(TransactionResult transactionResult) {
    this.result = transactionResult;
  }

  @Override
  public JsonWritable result() {
    return out -> {
      out.writeStartObject();
      out.writeNumberField("gas", result == null ? 0 : result.gasUsed());
      out.writeBooleanField("failed", result != null && !result.isSuccess());
      out.writeStringField("returnValue", result == null ? "0x" : Hex.encode(result.output()));
      out.writeArrayFieldStart("structLogs");
      for (Step step : steps) {
        write(out, step);
      }
      out.writeEndArray();
      out.writeEndObject();
    };
  }

  private static void write(JsonGenerator out, Step step) throws IOException {
    out.writeStartObject();
    out.writeNumberField("pc", step.pc());
    out.writeStringField("op", Opcodes.name(step.op()));
    out.writeNumberField("gas", step.gas());
    out.writeNumberField("gasCost", step.gasCost()[0]);
    out.writeNumberField("depth", step.depth());
    if (step.stack() != null) {
      out.writeArrayFieldStart("stack");
      for (String item : step.stack()) {
        out.writeString(item);
      }
      out.writeEndArray();
    }
    if (step.memory() != null) {
      out.writeArrayFieldStart("memory");
      for (String word : step.memory()) {
        out.writeString(word);
      }
      out.writeEndArray();
    }
    if (step.returnData() != null) {
      out.writeStringField("returnData", step.returnData());
    }
    if (step.storage() != null) {
      out.writeObjectFieldStart("storage");
      for (Map.Entry<String, String> entry : step.storage().entrySet()) {
        out.writeStringField(entry.getKey(), entry.getValue());
      }
      out.writeEndObject();
    }
    if (step.refund() != 0) {
      out.writeNumberField("refund", step.refund());
    }
    if (step.error()[0] != null) {
      out.writeStringField("error", step.error()[0]);
    }
    out.writeEndObject();
  }
}
