package org.distli.rpc.net;

import java.util.function.IntSupplier;
import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** net_peerCount: connected peers as a hex quantity. */
public final class NetPeerCount implements RpcMethod {
  private final IntSupplier peers;

  public NetPeerCount(IntSupplier peers) {
    this.peers = peers;
  }

  @Override
  public String name() {
    return "net_peerCount";
  }

  @Override
  public Object execute(RpcCall call) {
    return JsonOutput.quantity(peers.getAsInt());
  }
}
