package org.distli.rpc.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.ParamDecoder;
import org.distli.rpc.jsonrpc.ParamException;
import org.distli.state.WorldState;

/**
 * eth_call's state override set: per address a balance, nonce, code, and either the full storage
 * ({@code state}, replacing all slots) or some slots ({@code stateDiff}). Applied to a throw-away
 * world state before the call runs.
 */
public record StateOverrides(Map<Address, AccountOverride> accounts) {
  public static final StateOverrides NONE = new StateOverrides(Map.of());

  public record AccountOverride(
      Wei balance,
      Long nonce,
      Bytes code,
      Map<UInt256, UInt256> state,
      Map<UInt256, UInt256> stateDiff) {}

  public StateOverrides {
    accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
  }

  public static StateOverrides decode(JsonNode node) {
    if (node == null || node.isNull()) {
      return NONE;
    }
    if (!node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal non-object into Go value of type override.StateOverride");
    }
    Map<Address, AccountOverride> accounts = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      Address address =
          ParamDecoder.address(
              com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()));
      JsonNode account = entry.getValue();
      Map<UInt256, UInt256> state = slots(account.get("state"));
      Map<UInt256, UInt256> stateDiff = slots(account.get("stateDiff"));
      if (state != null && stateDiff != null) {
        throw new ParamException(
            "account " + address.toChecksumString() + " has both 'state' and 'stateDiff'");
      }
      accounts.put(
          address,
          new AccountOverride(
              has(account, "balance") ? Wei.of(ParamDecoder.uint256(account.get("balance"))) : null,
              has(account, "nonce") ? ParamDecoder.uint64(account.get("nonce")) : null,
              has(account, "code") ? ParamDecoder.bytes(account.get("code")) : null,
              state,
              stateDiff));
    }
    return new StateOverrides(accounts);
  }

  private static boolean has(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  private static Map<UInt256, UInt256> slots(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    Map<UInt256, UInt256> slots = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> slot = fields.next();
      Hash key =
          ParamDecoder.hash(com.fasterxml.jackson.databind.node.TextNode.valueOf(slot.getKey()));
      Hash value = ParamDecoder.hash(slot.getValue());
      slots.put(UInt256.fromBytes(key.toBytes()), UInt256.fromBytes(value.toBytes()));
    }
    return slots;
  }

  /** Writes the overrides into {@code state} (a world state used for this call only). */
  public void applyTo(WorldState state) {
    for (Map.Entry<Address, AccountOverride> entry : accounts.entrySet()) {
      Address address = entry.getKey();
      AccountOverride o = entry.getValue();
      if (o.state() != null) {
        // Replace every slot: a fresh account object has empty storage and keeps the balance.
        long nonce = state.getNonce(address);
        Bytes code = state.getCode(address);
        state.createAccount(address);
        state.setNonce(address, nonce);
        if (!code.isEmpty()) {
          state.setCode(address, code);
        }
        o.state().forEach((slot, value) -> state.setStorage(address, slot, value));
      }
      if (o.balance() != null) {
        state.setBalance(address, o.balance());
      }
      if (o.nonce() != null) {
        state.setNonce(address, o.nonce());
      }
      if (o.code() != null) {
        state.setCode(address, o.code());
      }
      if (o.stateDiff() != null) {
        o.stateDiff().forEach((slot, value) -> state.setStorage(address, slot, value));
      }
    }
  }
}
