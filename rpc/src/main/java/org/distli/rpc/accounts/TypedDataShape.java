package org.distli.rpc.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the shape of EIP-712 typed data before web3j hashes it: web3j answers a missing type with
 * a NullPointerException and hashes a missing field as if it were zero, where wallets refuse to
 * sign. Each problem is named ("message is missing field 'amount' of type 'Order'").
 */
final class TypedDataShape {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TypedDataShape() {}

  /**
   * @throws IllegalArgumentException naming the first problem
   */
  static void check(String typedDataJson) {
    JsonNode root;
    try {
      root = JSON.readTree(typedDataJson);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "expected an object with types, primaryType, domain and message");
    }
    JsonNode types = object(root, "types");
    String primaryType = root.path("primaryType").asText(null);
    if (primaryType == null || !root.get("primaryType").isTextual()) {
      throw new IllegalArgumentException("missing primaryType");
    }
    requireType(types, "EIP712Domain");
    requireType(types, primaryType);
    checkStruct(types, "EIP712Domain", object(root, "domain"), "domain", 0);
    checkStruct(types, primaryType, object(root, "message"), "message", 0);
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("missing object '" + field + "'");
    }
    return node;
  }

  private static JsonNode requireType(JsonNode types, String name) {
    JsonNode fields = types.get(name);
    if (fields == null || !fields.isArray()) {
      throw new IllegalArgumentException("type '" + name + "' is not defined in types");
    }
    return fields;
  }

  private static void checkStruct(
      JsonNode types, String typeName, JsonNode value, String where, int depth) {
    if (depth > 64) {
      throw new IllegalArgumentException("types nest deeper than 64 levels at " + where);
    }
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException(where + " is not an object of type '" + typeName + "'");
    }
    for (JsonNode field : requireType(types, typeName)) {
      String name = field.path("name").asText(null);
      String type = field.path("type").asText(null);
      if (name == null || type == null) {
        throw new IllegalArgumentException(
            "type '" + typeName + "' has a field without name or type");
      }
      JsonNode fieldValue = value.get(name);
      if (fieldValue == null || fieldValue.isNull()) {
        throw new IllegalArgumentException(
            where + " is missing field '" + name + "' of type '" + typeName + "'");
      }
      checkValue(types, type, fieldValue, where + "." + name, depth + 1);
    }
  }

  private static void checkValue(
      JsonNode types, String type, JsonNode value, String where, int depth) {
    if (type.endsWith("]")) {
      if (!value.isArray()) {
        throw new IllegalArgumentException(where + " is not an array of " + type);
      }
      String element = type.substring(0, type.lastIndexOf('['));
      for (int i = 0; i < value.size(); i++) {
        checkValue(types, element, value.get(i), where + "[" + i + "]", depth + 1);
      }
    } else if (types.has(type)) {
      checkStruct(types, type, value, where, depth);
    }
  }
}
