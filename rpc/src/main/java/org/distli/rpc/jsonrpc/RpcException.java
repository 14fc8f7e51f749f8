package org.distli.rpc.jsonrpc;

/** Ends a method call with a JSON-RPC error; thrown by methods and parameter parsing. */
public final class RpcException extends RuntimeException {
  private final RpcError error;

  public RpcException(RpcError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public RpcError error() {
    return error;
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(RpcError.invalidParams(message));
  }

  /** go-ethereum's wording for a parameter that does not decode: "invalid argument 0: ...". */
  public static RpcException invalidArgument(int index, String reason) {
    return invalidParams("invalid argument " + index + ": " + reason);
  }

  /** A -32000 error: transaction validation, missing state, unknown transaction. */
  public static RpcException server(String message) {
    return new RpcException(RpcError.server(message));
  }
}
