package org.distli.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import org.distli.rpc.call.BlockOverrides;
import org.distli.rpc.call.StateOverrides;
import org.distli.rpc.jsonrpc.ParamException;

/**
 * The options object of the debug_trace* methods (go-ethereum's TraceConfig): which tracer
 * ("callTracer", or none for the struct logger), its settings, and for debug_traceCall the state
 * and block overrides.
 */
public record TraceOptions(
    String tracer,
    boolean disableStack,
    boolean disableStorage,
    boolean enableMemory,
    boolean enableReturnData,
    int limit,
    boolean onlyTopCall,
    boolean withLog,
    StateOverrides stateOverrides,
    BlockOverrides blockOverrides) {

  public static final String CALL_TRACER = "callTracer";
  public static final TraceOptions DEFAULT =
      new TraceOptions(
          null,
          false,
          false,
          false,
          false,
          0,
          false,
          false,
          StateOverrides.NONE,
          BlockOverrides.NONE);

  public static TraceOptions decode(JsonNode node) {
    if (node == null || node.isNull()) {
      return DEFAULT;
    }
    if (!node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal non-object into Go value of type tracers.TraceConfig");
    }
    String tracer = node.hasNonNull("tracer") ? node.get("tracer").asText() : null;
    if (tracer != null && !tracer.equals(CALL_TRACER) && !tracer.equals("structLogger")) {
      throw new ParamException(
          "unsupported tracer \"" + tracer + "\": use callTracer or none (struct logs)");
    }
    JsonNode config = node.path("tracerConfig");
    return new TraceOptions(
        "structLogger".equals(tracer) ? null : tracer,
        node.path("disableStack").asBoolean(false),
        node.path("disableStorage").asBoolean(false),
        node.path("enableMemory").asBoolean(false),
        node.path("enableReturnData").asBoolean(false),
        node.path("limit").asInt(0),
        config.path("onlyTopCall").asBoolean(false),
        config.path("withLog").asBoolean(false),
        StateOverrides.decode(node.get("stateOverrides")),
        BlockOverrides.decode(node.get("blockOverrides")));
  }

  /** A fresh tracer for one transaction. */
  public ResultTracer newTracer() {
    return CALL_TRACER.equals(tracer)
        ? new CallTracer(onlyTopCall, withLog)
        : new StructLogTracer(this);
  }
}
