package org.distli.rpc.jsonrpc;

/**
 * A parameter value that does not decode, with go-ethereum's reason ("hex string without 0x
 * prefix"). {@link RpcParams} turns it into "invalid argument N: reason" (-32602).
 */
public final class ParamException extends RuntimeException {
  public ParamException(String reason) {
    super(reason, null, false, false);
  }
}
