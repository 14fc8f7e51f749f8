package org.distli.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;

/**
 * eth_getStorageAt(address, slot, block): the slot's value as 32 bytes. Like go-ethereum, the slot
 * may be given short, odd-length or without 0x; it is left-padded to 32 bytes.
 */
public final class EthGetStorageAt implements RpcMethod {
  private final ChainQueries chain;

  public EthGetStorageAt(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getStorageAt";
  }

  @Override
  public Object execute(RpcCall call) {
    Address address = call.params().address(0);
    UInt256 slot = slot(call.params().raw(1), 1);
    UInt256 value = chain.state(call.params().blockOrLatest(2)).storage(address, slot);
    return Hex.encode(value.toArrayUnsafe());
  }

  /** A storage key with go-ethereum's lenient rules and its error messages. */
  static UInt256 slot(JsonNode node, int argument) {
    if (node == null) {
      throw RpcException.invalidParams("missing value for required argument " + argument);
    }
    if (!node.isTextual()) {
      throw RpcException.invalidArgument(
          argument, "json: cannot unmarshal non-string into Go value of type string");
    }
    String text = node.textValue();
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw RpcException.invalidParams("invalid hex in storage key: \"" + text + "\"");
      }
    }
    if ((digits.length() + 1) / 2 > 32) {
      throw RpcException.invalidParams(
          "storage key too long (want at most 32 bytes): \"" + text + "\"");
    }
    return digits.isEmpty() ? UInt256.ZERO : UInt256.fromHexString(digits);
  }
}
