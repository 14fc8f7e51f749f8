package org.distli.rpc.web3;

import org.distli.crypto.Keccak256;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcMethod;

/** web3_sha3: Keccak-256 of the given data. */
public final class Web3Sha3 implements RpcMethod {
  @Override
  public String name() {
    return "web3_sha3";
  }

  @Override
  public Object execute(RpcCall call) {
    return Keccak256.hash(call.params().bytes(0));
  }
}
