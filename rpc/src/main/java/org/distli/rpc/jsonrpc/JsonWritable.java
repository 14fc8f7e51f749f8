package org.distli.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A result that writes itself with Jackson's streaming generator: blocks, transactions, receipts
 * and logs go straight to the output buffer without an intermediate tree.
 */
@FunctionalInterface
public interface JsonWritable {
  void writeJson(JsonGenerator out) throws IOException;
}
