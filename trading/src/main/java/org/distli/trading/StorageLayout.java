package org.distli.trading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Where solc placed a contract's state variables (its {@code storageLayout} output): for each
 * variable and struct member, the slot, the byte offset inside the slot (counted from the low-order
 * end, as Solidity packs) and the size.
 */
public final class StorageLayout {

  /**
   * A variable or struct member. For a struct member, {@code slot} is relative to the struct's
   * first slot.
   */
  public record Entry(String label, UInt256 slot, int offset, String type, int numberOfBytes) {}

  private final Map<String, Entry> variables;
  private final Map<String, Map<String, Entry>> structMembers;

  private StorageLayout(Map<String, Entry> variables, Map<String, Map<String, Entry>> members) {
    this.variables = variables;
    this.structMembers = members;
  }

  static StorageLayout parse(JsonNode layout) {
    JsonNode types = layout.path("types");
    Map<String, Entry> variables = entries(layout.path("storage"), types);
    Map<String, Map<String, Entry>> members = new LinkedHashMap<>();
    types
        .properties()
        .forEach(
            type -> {
              if (type.getValue().has("members")) {
                members.put(
                    type.getValue().path("label").asText(),
                    entries(type.getValue().path("members"), types));
              }
            });
    return new StorageLayout(Map.copyOf(variables), Map.copyOf(members));
  }

  private static Map<String, Entry> entries(JsonNode list, JsonNode types) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (JsonNode node : list) {
      String type = node.path("type").asText();
      entries.put(
          node.path("label").asText(),
          new Entry(
              node.path("label").asText(),
              UInt256.valueOf(new java.math.BigInteger(node.path("slot").asText())),
              node.path("offset").asInt(),
              type,
              Integer.parseInt(types.path(type).path("numberOfBytes").asText())));
    }
    return entries;
  }

  /**
   * @throws IllegalArgumentException when the contract has no such state variable
   */
  public Entry variable(String label) {
    Entry entry = variables.get(label);
    if (entry == null) {
      throw new IllegalArgumentException("no state variable '" + label + "' in the layout");
    }
    return entry;
  }

  /**
   * A member of a struct type, by the type's label as solc prints it ({@code struct
   * OrderBook.Market}).
   *
   * @throws IllegalArgumentException when there is no such struct or member
   */
  public Entry member(String structLabel, String label) {
    Map<String, Entry> members = structMembers.get(structLabel);
    if (members == null || !members.containsKey(label)) {
      throw new IllegalArgumentException("no member '" + label + "' in " + structLabel);
    }
    return members.get(label);
  }
}
