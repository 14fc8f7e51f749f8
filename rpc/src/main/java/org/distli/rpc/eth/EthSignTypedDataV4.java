package org.distli.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.distli.primitives.Address;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * eth_signTypedData_v4(address, typedData): an EIP-712 signature. MetaMask passes the typed data as
 * a JSON string, other clients as an object; both are accepted.
 */
public final class EthSignTypedDataV4 implements RpcMethod {
  private final UnlockedAccounts accounts;

  public EthSignTypedDataV4(UnlockedAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "eth_signTypedData_v4";
  }

  @Override
  public Object execute(RpcCall call) {
    Address address = call.params().address(0);
    JsonNode typedData = call.params().raw(1);
    if (typedData == null || !(typedData.isTextual() || typedData.isObject())) {
      throw RpcException.invalidParams("missing value for required argument 1");
    }
    String json = typedData.isTextual() ? typedData.textValue() : typedData.toString();
    return accounts.sign(address, UnlockedAccounts.typedDataHash(json));
  }
}
