package org.distli.rpc.call;

import com.fasterxml.jackson.databind.JsonNode;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.ParamDecoder;
import org.distli.rpc.jsonrpc.ParamException;

/**
 * eth_call's block overrides (go-ethereum's BlockOverrides): the block context fields a call sees,
 * each null when not overridden.
 */
public record BlockOverrides(
    Long number,
    Long time,
    Long gasLimit,
    Address feeRecipient,
    Hash prevRandao,
    Wei baseFeePerGas,
    Wei blobBaseFee) {
  public static final BlockOverrides NONE =
      new BlockOverrides(null, null, null, null, null, null, null);

  public static BlockOverrides decode(JsonNode node) {
    if (node == null || node.isNull()) {
      return NONE;
    }
    if (!node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal non-object into Go value of type override.BlockOverrides");
    }
    return new BlockOverrides(
        node.hasNonNull("number") ? ParamDecoder.uint64(node.get("number")) : null,
        node.hasNonNull("time") ? ParamDecoder.uint64(node.get("time")) : null,
        node.hasNonNull("gasLimit") ? ParamDecoder.uint64(node.get("gasLimit")) : null,
        node.hasNonNull("feeRecipient")
            ? ParamDecoder.address(node.get("feeRecipient"))
            : node.hasNonNull("coinbase") ? ParamDecoder.address(node.get("coinbase")) : null,
        node.hasNonNull("prevRandao")
            ? ParamDecoder.hash(node.get("prevRandao"))
            : node.hasNonNull("random") ? ParamDecoder.hash(node.get("random")) : null,
        node.hasNonNull("baseFeePerGas")
            ? Wei.of(ParamDecoder.uint256(node.get("baseFeePerGas")))
            : null,
        node.hasNonNull("blobBaseFee")
            ? Wei.of(ParamDecoder.uint256(node.get("blobBaseFee")))
            : null);
  }

  public boolean isEmpty() {
    return this.equals(NONE);
  }
}
