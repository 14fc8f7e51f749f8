package org.distli.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;

/** The filter or subscription id argument: a string (geth's rpc.ID). */
final class FilterIds {
  private FilterIds() {}

  static String id(RpcCall call) {
    JsonNode id = call.params().raw(0);
    if (id == null) {
      throw RpcException.invalidParams("missing value for required argument 0");
    }
    if (!id.isTextual()) {
      throw RpcException.invalidArgument(
          0, "json: cannot unmarshal non-string into Go value of type rpc.ID");
    }
    return id.textValue();
  }
}
