package org.distli.rpc.personal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.jsonrpc.ParamDecoder;
import org.distli.rpc.jsonrpc.ParamException;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;

/**
 * personal_sign(message, address): an EIP-191 signature, with eth_sign's arguments swapped. The
 * message is hex data; like MetaMask, text that is not hex is signed as its UTF-8 bytes.
 */
public final class PersonalSign implements RpcMethod {
  private final UnlockedAccounts accounts;

  public PersonalSign(UnlockedAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "personal_sign";
  }

  @Override
  public Object execute(RpcCall call) {
    JsonNode raw = call.params().raw(0);
    if (raw == null || !raw.isTextual()) {
      throw RpcException.invalidArgument(
          0, "json: cannot unmarshal non-string into Go value of type hexutil.Bytes");
    }
    Address address = call.params().address(1);
    Bytes message;
    try {
      message = ParamDecoder.decodeData(raw.textValue());
    } catch (ParamException notHex) {
      message = Bytes.wrap(raw.textValue().getBytes(StandardCharsets.UTF_8));
    }
    return accounts.sign(address, UnlockedAccounts.personalMessageHash(message));
  }
}
