package org.distli.rpc;

/** The reply of a plain HTTP route mounted beside JSON-RPC (GET /health, /api/trading/...). */
public record HttpReply(int status, String contentType, String body) {
  public static HttpReply json(int status, String body) {
    return new HttpReply(status, "application/json", body);
  }
}
