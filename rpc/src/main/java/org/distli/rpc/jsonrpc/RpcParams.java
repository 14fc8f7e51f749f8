package org.distli.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * The positional parameters of a call, decoded on demand with go-ethereum's rules and messages:
 * "missing value for required argument 1", "invalid argument 0: hex string without 0x prefix".
 */
public final class RpcParams {
  private static final JsonNode[] NONE = new JsonNode[0];
  public static final RpcParams EMPTY = new RpcParams(NONE);

  private final JsonNode[] values;

  private RpcParams(JsonNode[] values) {
    this.values = values;
  }

  public static RpcParams of(ArrayNode array) {
    JsonNode[] values = new JsonNode[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i);
    }
    return new RpcParams(values);
  }

  public static RpcParams of(JsonNode... values) {
    return new RpcParams(values.clone());
  }

  public int size() {
    return values.length;
  }

  /** True when the argument is present and not JSON null (geth treats null as absent). */
  public boolean has(int index) {
    return index < values.length && values[index] != null && !values[index].isNull();
  }

  /** The raw JSON of an argument, or null when absent. */
  public JsonNode raw(int index) {
    return has(index) ? values[index] : null;
  }

  /** Decodes a required argument; decoding errors become "invalid argument N: ...". */
  public <T> T required(int index, Function<JsonNode, T> decoder) {
    if (!has(index)) {
      throw RpcException.invalidParams("missing value for required argument " + index);
    }
    return decode(index, decoder);
  }

  /** Decodes an optional argument, or returns {@code fallback} when absent or null. */
  public <T> T optional(int index, Function<JsonNode, T> decoder, T fallback) {
    return has(index) ? decode(index, decoder) : fallback;
  }

  /** Refuses extra arguments as geth does: "too many arguments, want at most N". */
  public RpcParams atMost(int count) {
    if (values.length > count) {
      throw RpcException.invalidParams("too many arguments, want at most " + count);
    }
    return this;
  }

  public Address address(int index) {
    return required(index, ParamDecoder::address);
  }

  public Hash hash(int index) {
    return required(index, ParamDecoder::hash);
  }

  public Bytes bytes(int index) {
    return required(index, ParamDecoder::bytes);
  }

  public long uint64(int index) {
    return required(index, ParamDecoder::uint64);
  }

  public UInt256 uint256(int index) {
    return required(index, ParamDecoder::uint256);
  }

  public boolean bool(int index, boolean fallback) {
    return optional(index, ParamDecoder::bool, fallback);
  }

  public ObjectNode object(int index) {
    return required(index, RpcParams::asObject);
  }

  /** A block number or tag (rpc.BlockNumber). */
  public BlockParameter blockNumber(int index) {
    return required(index, BlockParameter::decodeNumber);
  }

  /** A block number, tag, hash or EIP-1898 object; "latest" when absent, as geth defaults. */
  public BlockParameter blockOrLatest(int index) {
    return optional(index, BlockParameter::decodeNumberOrHash, BlockParameter.LATEST);
  }

  private <T> T decode(int index, Function<JsonNode, T> decoder) {
    try {
      return decoder.apply(values[index]);
    } catch (ParamException e) {
      throw RpcException.invalidArgument(index, e.getMessage());
    }
  }

  private static ObjectNode asObject(JsonNode node) {
    if (!node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + " into Go value of type object");
    }
    return (ObjectNode) node;
  }
}
