package org.distli.rpc.jsonrpc;

import java.util.ArrayList;
import java.util.List;

/** One call being executed: its method name, parameters and the session it came from. */
public final class RpcCall {
  private final String method;
  private final RpcParams params;
  private final RpcSession session;
  private List<Runnable> afterResponse;

  public RpcCall(String method, RpcParams params, RpcSession session) {
    this.method = method;
    this.params = params;
    this.session = session;
  }

  public String method() {
    return method;
  }

  public RpcParams params() {
    return params;
  }

  public RpcSession session() {
    return session;
  }

  /**
   * Runs {@code action} once this call's response has been handed to the connection: a subscription
   * starts notifying only after the client has its id.
   */
  public void afterResponse(Runnable action) {
    if (afterResponse == null) {
      afterResponse = new ArrayList<>(1);
    }
    afterResponse.add(action);
  }

  List<Runnable> afterResponseActions() {
    return afterResponse == null ? List.of() : afterResponse;
  }
}
