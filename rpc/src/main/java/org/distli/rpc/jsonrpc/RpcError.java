package org.distli.rpc.jsonrpc;

/**
 * A JSON-RPC error object. Codes and messages follow go-ethereum, because libraries match on them:
 * ethers maps "nonce too low" to NONCE_EXPIRED, web3j surfaces the message, wallets show it.
 */
public record RpcError(int code, String message, Object data) {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** go-ethereum's code for transaction, state and "not found" errors. */
  public static final int SERVER_ERROR = -32000;

  /** go-ethereum's code for a limit being exceeded (busy server, too many results). */
  public static final int LIMIT_EXCEEDED = -32005;

  /** eth_call and eth_estimateGas report a REVERT with this code and the revert data. */
  public static final int EXECUTION_REVERTED = 3;

  public RpcError(int code, String message) {
    this(code, message, null);
  }

  public static RpcError parseError() {
    return new RpcError(PARSE_ERROR, "parse error");
  }

  public static RpcError invalidRequest(String message) {
    return new RpcError(INVALID_REQUEST, message);
  }

  public static RpcError methodNotFound(String method) {
    return new RpcError(
        METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
  }

  public static RpcError invalidParams(String message) {
    return new RpcError(INVALID_PARAMS, message);
  }

  public static RpcError server(String message) {
    return new RpcError(SERVER_ERROR, message);
  }

  public static RpcError internal(String message) {
    return new RpcError(INTERNAL_ERROR, message);
  }
}
