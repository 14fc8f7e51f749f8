package org.distli.rpc.debug;

import org.distli.evm.tracing.Tracer;
import org.distli.rpc.jsonrpc.JsonWritable;

/** A tracer of one transaction that produces the JSON a debug_trace* method returns. */
public interface ResultTracer extends Tracer {
  JsonWritable result();
}
