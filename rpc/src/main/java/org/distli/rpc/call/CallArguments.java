package org.distli.rpc.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.transaction.AccessListEntry;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.ParamDecoder;
import org.distli.rpc.jsonrpc.ParamException;

/**
 * The transaction object of eth_call, eth_estimateGas, eth_createAccessList, eth_sendTransaction
 * and debug_traceCall (go-ethereum's TransactionArgs). Absent fields are null; callers fill the
 * defaults that suit them. Both {@code input} and {@code data} are accepted.
 */
public record CallArguments(
    Address from,
    Address to,
    Long gas,
    Wei gasPrice,
    Wei maxFeePerGas,
    Wei maxPriorityFeePerGas,
    Wei maxFeePerBlobGas,
    Wei value,
    Long nonce,
    Bytes data,
    List<AccessListEntry> accessList,
    Long chainId,
    Integer type,
    List<Hash> blobVersionedHashes) {

  public static CallArguments decode(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal non-object into Go value of type ethapi.TransactionArgs");
    }
    Bytes input = bytes(node, "input");
    Bytes data = bytes(node, "data");
    if (input != null && data != null && !input.equals(data)) {
      throw new ParamException(
          "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass"
              + " transaction call data");
    }
    Wei gasPrice = wei(node, "gasPrice");
    Wei maxFee = wei(node, "maxFeePerGas");
    Wei maxTip = wei(node, "maxPriorityFeePerGas");
    if (gasPrice != null && (maxFee != null || maxTip != null)) {
      throw new ParamException(
          "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    if (maxFee != null && maxTip != null && maxTip.compareTo(maxFee) > 0) {
      throw new ParamException(
          "maxFeePerGas (" + maxFee + ") < maxPriorityFeePerGas (" + maxTip + ")");
    }
    Long typeValue = uint64(node, "type");
    return new CallArguments(
        address(node, "from"),
        address(node, "to"),
        uint64(node, "gas"),
        gasPrice,
        maxFee,
        maxTip,
        wei(node, "maxFeePerBlobGas"),
        wei(node, "value"),
        uint64(node, "nonce"),
        input != null ? input : data,
        accessList(node.get("accessList")),
        uint64(node, "chainId"),
        typeValue == null ? null : typeValue.intValue(),
        hashes(node.get("blobVersionedHashes")));
  }

  /** The call data, empty when absent. */
  public Bytes dataOrEmpty() {
    return data == null ? Bytes.EMPTY : data;
  }

  public Wei valueOrZero() {
    return value == null ? Wei.ZERO : value;
  }

  public Address fromOrZero() {
    return from == null ? Address.ZERO : from;
  }

  /** Whether any fee field is set: without fees, eth_call runs with no base fee (geth's rule). */
  public boolean hasFees() {
    return gasPrice != null || maxFeePerGas != null || maxPriorityFeePerGas != null;
  }

  /** A plain call of {@code to} with {@code data}: from the zero address, no value, no fees. */
  public static CallArguments call(Address to, Bytes data) {
    return new CallArguments(
        null, to, null, null, null, null, null, null, null, data, null, null, null, null);
  }

  /** Whether the fee fields given are all zero or absent. */
  public boolean feesAreZero() {
    return isZero(gasPrice) && isZero(maxFeePerGas) && isZero(maxPriorityFeePerGas);
  }

  private static boolean isZero(Wei value) {
    return value == null || value.isZero();
  }

  public CallArguments withGas(long newGas) {
    return new CallArguments(
        from,
        to,
        newGas,
        gasPrice,
        maxFeePerGas,
        maxPriorityFeePerGas,
        maxFeePerBlobGas,
        value,
        nonce,
        data,
        accessList,
        chainId,
        type,
        blobVersionedHashes);
  }

  public CallArguments withAccessList(List<AccessListEntry> list) {
    return new CallArguments(
        from,
        to,
        gas,
        gasPrice,
        maxFeePerGas,
        maxPriorityFeePerGas,
        maxFeePerBlobGas,
        value,
        nonce,
        data,
        list,
        chainId,
        type,
        blobVersionedHashes);
  }

  private static boolean present(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  private static Address address(JsonNode node, String field) {
    return present(node, field) ? ParamDecoder.address(node.get(field)) : null;
  }

  private static Bytes bytes(JsonNode node, String field) {
    return present(node, field) ? ParamDecoder.bytes(node.get(field)) : null;
  }

  private static Long uint64(JsonNode node, String field) {
    return present(node, field) ? ParamDecoder.uint64(node.get(field)) : null;
  }

  private static Wei wei(JsonNode node, String field) {
    return present(node, field) ? Wei.of(ParamDecoder.uint256(node.get(field))) : null;
  }

  private static List<AccessListEntry> accessList(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new ParamException(
          "json: cannot unmarshal non-array into Go value of type types.AccessList");
    }
    List<AccessListEntry> entries = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      Address address = ParamDecoder.address(item.get("address"));
      List<Hash> keys = new ArrayList<>();
      JsonNode storageKeys = item.get("storageKeys");
      if (storageKeys != null && storageKeys.isArray()) {
        for (JsonNode key : storageKeys) {
          keys.add(ParamDecoder.hash(key));
        }
      }
      entries.add(new AccessListEntry(address, keys));
    }
    return entries;
  }

  private static List<Hash> hashes(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<Hash> out = new ArrayList<>();
    for (JsonNode item : node) {
      out.add(ParamDecoder.hash(item));
    }
    return out;
  }
}
