package org.distli.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;

/**
 * One value of a JSON document with its path ({@code validators[0].stake}), so that every error
 * names the field it is about. Numbers may be JSON integers, decimal strings or 0x hex strings, as
 * go-ethereum's genesis format allows.
 */
final class JsonField {
  private final JsonNode node;
  private final String path;

  JsonField(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  /** Present and not {@code null}. */
  boolean present() {
    return node != null && !node.isMissingNode() && !node.isNull();
  }

  JsonField get(String name) {
    JsonNode child = node == null ? null : node.get(name);
    return new JsonField(child, path.isEmpty() ? name : path + "." + name);
  }

  GenesisException fail(String reason) {
    return new GenesisException(path, reason);
  }

  JsonField required() {
    if (!present()) {
      throw fail("missing");
    }
    return this;
  }

  List<JsonField> elements() {
    required();
    if (!node.isArray()) {
      throw fail("expected a list, got " + describe());
    }
    List<JsonField> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonField(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** The members of an object, in document order, as (key, field) pairs. */
  List<Map.Entry<String, JsonField>> members() {
    requireObject();
    List<Map.Entry<String, JsonField>> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> member = it.next();
      String childPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
      out.add(Map.entry(member.getKey(), new JsonField(member.getValue(), childPath)));
    }
    return out;
  }

  void requireObject() {
    required();
    if (!node.isObject()) {
      throw fail("expected an object, got " + describe());
    }
  }

  /** Refuses members outside {@code known}: a misspelt field must not be silently ignored. */
  void rejectUnknownMembers(Set<String> known) {
    requireObject();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw get(name).fail("unknown field (known: " + String.join(", ", known) + ")");
      }
    }
  }

  String asText() {
    required();
    if (!node.isTextual()) {
      throw fail("expected a string, got " + describe());
    }
    return node.asText();
  }

  /** A non-negative integer: a JSON number, a decimal string or a 0x hex string. */
  BigInteger asBigInteger() {
    required();
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isNumber()) {
      throw fail("not a whole number: " + node.asText());
    } else if (node.isTextual()) {
      String text = node.asText().trim();
      try {
        if (text.startsWith("0x") || text.startsWith("0X")) {
          value = text.length() == 2 ? BigInteger.ZERO : new BigInteger(text.substring(2), 16);
        } else {
          value = new BigInteger(text);
        }
      } catch (NumberFormatException e) {
        throw fail("not a number: \"" + node.asText() + "\"");
      }
    } else {
      throw fail("not a number: " + describe());
    }
    if (value.signum() < 0) {
      throw fail("must not be negative: " + value);
    }
    return value;
  }

  long asLong() {
    BigInteger value = asBigInteger();
    if (value.bitLength() > 63) {
      throw fail("too large: " + value);
    }
    return value.longValue();
  }

  /** A 64-bit unsigned quantity (nonces, timestamps), held in a long. */
  long asUnsignedLong() {
    BigInteger value = asBigInteger();
    if (value.bitLength() > 64) {
      throw fail("too large for 64 bits: " + value);
    }
    return value.longValue();
  }

  Wei asWei() {
    BigInteger value = asBigInteger();
    if (value.bitLength() > 256) {
      throw fail("too large for 256 bits");
    }
    return Wei.of(value);
  }

  UInt256 asUInt256() {
    return asWei().toUInt256();
  }

  /** Seconds as a JSON number (fractions allowed) or a numeric string. */
  BigDecimal asDecimal() {
    required();
    try {
      if (node.isNumber()) {
        return node.decimalValue();
      }
      if (node.isTextual()) {
        return new BigDecimal(node.asText().trim());
      }
    } catch (NumberFormatException e) {
      throw fail("not a number: \"" + node.asText() + "\"");
    }
    throw fail("not a number: " + describe());
  }

  Bytes asBytes() {
    String text = asText();
    try {
      return Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage());
    }
  }

  Address asAddress() {
    Bytes value = asBytes();
    if (value.size() != Address.SIZE) {
      throw fail("an address has 20 bytes, got " + value.size());
    }
    return Address.of(value);
  }

  Hash asHash() {
    Bytes value = asBytes();
    if (value.size() != Hash.SIZE) {
      throw fail("a hash has 32 bytes, got " + value.size());
    }
    return Hash.of(value);
  }

  /** A storage key or value: hex of up to 32 bytes, left-padded, or a number. */
  UInt256 asWord() {
    required();
    if (node.isTextual() && (node.asText().startsWith("0x") || node.asText().startsWith("0X"))) {
      String digits = node.asText().substring(2);
      if (digits.length() > 64) {
        throw fail("a storage word has at most 32 bytes, got " + (digits.length() + 1) / 2);
      }
      String padded = digits.length() % 2 == 0 ? digits : "0" + digits;
      try {
        return UInt256.fromBytes(Bytes32.leftPad(Hex.decode(padded)));
      } catch (IllegalArgumentException e) {
        throw fail(e.getMessage());
      }
    }
    return asUInt256();
  }

  /** Parses a key of this object (an address or a storage slot) with errors naming the member. */
  static UInt256 wordKey(String key, JsonField member) {
    return new JsonField(com.fasterxml.jackson.databind.node.TextNode.valueOf(key), member.path)
        .asWord();
  }

  private String describe() {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.toString();
  }
}
