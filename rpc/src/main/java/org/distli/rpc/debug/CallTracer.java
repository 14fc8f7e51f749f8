package org.distli.rpc.debug;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.ExceptionalHalt;
import org.distli.evm.TransactionResult;
import org.distli.evm.tracing.CallFrame;
import org.distli.evm.tracing.CallType;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.rpc.call.RevertReason;
import org.distli.rpc.jsonrpc.JsonWritable;

/**
 * go-ethereum's callTracer: the tree of call frames with type, from, to, gas, gas used, input,
 * output, error and decoded revert reason; with {@code onlyTopCall} only the transaction's own
 * frame, with {@code withLog} the logs each frame emitted (dropped with a reverted frame) and their
 * position among its subcalls.
 */
public final class CallTracer implements ResultTracer {
  private final boolean onlyTopCall;
  private final boolean withLog;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private Frame root;
  private long gasLimit;

  private static final class Frame {
    final CallType type;
    final Address from;
    Address to;
    final Bytes input;
    final long gas;
    final Wei value;
    long gasUsed;
    Bytes output = Bytes.EMPTY;
    String error;
    String revertReason;
    final List<Frame> calls = new ArrayList<>();
    final List<LogAt> logs = new ArrayList<>();

    Frame(CallFrame frame) {
      this.type = frame.type();
      this.from = frame.from();
      this.to = frame.to();
      this.input = frame.input();
      this.gas = frame.gas();
      this.value = frame.value();
    }

    void clearLogs() {
      logs.clear();
      for (Frame call : calls) {
        call.clearLogs();
      }
    }
  }

  private record LogAt(Log log, int position) {}

  public CallTracer(boolean onlyTopCall, boolean withLog) {
    this.onlyTopCall = onlyTopCall;
    this.withLog = withLog;
  }

  @Override
  public boolean tracesSteps() {
    return false;
  }

  @Override
  public void onTransactionStart(EvmTransaction transaction, BlockContext block, long gasLimit) {
    this.gasLimit = gasLimit;
  }

  @Override
  public void onEnter(CallFrame frame) {
    if (frame.depth() > 1 && (onlyTopCall || stack.isEmpty())) {
      return;
    }
    Frame call = new Frame(frame);
    if (frame.depth() == 1) {
      root = call;
    } else {
      stack.peek().calls.add(call);
    }
    stack.push(call);
  }

  @Override
  public void onExit(
      int depth, Bytes output, long gasUsed, ExceptionalHalt halt, boolean reverted) {
    if (stack.isEmpty() || (depth > 1 && onlyTopCall)) {
      return;
    }
    Frame call = stack.pop();
    call.gasUsed = gasUsed;
    if (halt == null && !reverted) {
      call.output = output;
      return;
    }
    call.error = halt != null ? halt.message() : "execution reverted";
    if (call.type.isCreate()) {
      call.to = null;
    }
    call.clearLogs();
    if (reverted && !output.isEmpty()) {
      call.output = output;
      call.revertReason = RevertReason.decode(output);
    }
  }

  @Override
  public void onLog(Log log) {
    if (withLog && !stack.isEmpty()) {
      Frame call = stack.peek();
      call.logs.add(new LogAt(log, call.calls.size()));
    }
  }

  @Override
  public void onTransactionEnd(TransactionResult result) {
    if (root != null) {
      root.gasUsed = result.gasUsed();
    }
  }

  @Override
  public JsonWritable result() {
    return out -> {
      if (root == null) {
        out.writeNull();
      } else {
        write(out, root, true);
      }
    };
  }

  private void write(JsonGenerator out, Frame call, boolean top) throws IOException {
    out.writeStartObject();
    out.writeStringField("from", call.from.toHexString());
    out.writeStringField("gas", Hex.quantity(top ? gasLimit : call.gas));
    out.writeStringField("gasUsed", Hex.quantity(call.gasUsed));
    if (call.to != null) {
      out.writeStringField("to", call.to.toHexString());
    }
    out.writeStringField("input", Hex.encode(call.input));
    if (!call.output.isEmpty()) {
      out.writeStringField("output", Hex.encode(call.output));
    }
    if (call.error != null) {
      out.writeStringField("error", call.error);
    }
    if (call.revertReason != null) {
      out.writeStringField("revertReason", call.revertReason);
    }
    if (!call.calls.isEmpty()) {
      out.writeArrayFieldStart("calls");
      for (Frame inner : call.calls) {
        write(out, inner, false);
      }
      out.writeEndArray();
    }
    if (!call.logs.isEmpty()) {
      out.writeArrayFieldStart("logs");
      for (LogAt at : call.logs) {
        out.writeStartObject();
        out.writeStringField("address", at.log().address().toHexString());
        out.writeArrayFieldStart("topics");
        for (Hash topic : at.log().topics()) {
          out.writeString(topic.toHexString());
        }
        out.writeEndArray();
        out.writeStringField("data", Hex.encode(at.log().data()));
        out.writeStringField("position", Hex.quantity(at.position()));
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    if (call.type != CallType.STATICCALL) {
      out.writeStringField("value", call.value.toHexQuantity());
    }
    out.writeStringField("type", call.type.name());
    out.writeEndObject();
  }
}
