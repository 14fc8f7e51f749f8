package org.distli.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * Decodes JSON-RPC parameter values with go-ethereum's rules (hexutil): quantities are {@code 0x}
 * hex without leading zeros, data is {@code 0x} hex of whole bytes, addresses and hashes have their
 * exact length. Failures throw {@link ParamException} with geth's wording.
 */
public final class ParamDecoder {
  private ParamDecoder() {}

  public static Address address(JsonNode node) {
    return Address.of(fixed(node, Address.SIZE, "common.Address"));
  }

  public static Hash hash(JsonNode node) {
    return Hash.of(fixed(node, Hash.SIZE, "common.Hash"));
  }

  /** hexutil.Bytes: {@code 0x}-prefixed hex of any whole number of bytes. */
  public static Bytes bytes(JsonNode node) {
    String text = string(node, "hexutil.Bytes");
    try {
      return decodeData(text);
    } catch (ParamException e) {
      throw typeError(e.getMessage(), "hexutil.Bytes");
    }
  }

  /** hexutil.Uint64: a {@code 0x} quantity of at most 64 bits, returned as an unsigned long. */
  public static long uint64(JsonNode node) {
    String text = string(node, "hexutil.Uint64");
    try {
      return decodeUint64(text);
    } catch (ParamException e) {
      throw typeError(e.getMessage(), "hexutil.Uint64");
    }
  }

  /** A quantity given as a hex string or a JSON number (math.HexOrDecimal64). */
  public static long uint64OrDecimal(JsonNode node) {
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong() || node.asLong() < 0) {
        throw new ParamException("number out of range: " + node);
      }
      return node.asLong();
    }
    if (node.isTextual() && !node.asText().startsWith("0x") && !node.asText().startsWith("0X")) {
      try {
        return Long.parseUnsignedLong(node.asText());
      } catch (NumberFormatException e) {
        throw new ParamException("invalid number " + node);
      }
    }
    return uint64(node);
  }

  /** hexutil.Big: a {@code 0x} quantity of at most 256 bits. */
  public static UInt256 uint256(JsonNode node) {
    String text = string(node, "*hexutil.Big");
    try {
      return UInt256.valueOf(decodeBig(text));
    } catch (ParamException e) {
      throw typeError(e.getMessage(), "*hexutil.Big");
    }
  }

  public static boolean bool(JsonNode node) {
    if (!node.isBoolean()) {
      throw new ParamException(
          "json: cannot unmarshal " + jsonKind(node) + " into Go value of type bool");
    }
    return node.booleanValue();
  }

  /** The hex digits of an unsigned 64-bit quantity, with geth's errors. */
  public static long decodeUint64(String text) {
    String digits = quantityDigits(text);
    if (digits.length() > 16) {
      throw new ParamException("hex number > 64 bits");
    }
    try {
      return Long.parseUnsignedLong(digits, 16);
    } catch (NumberFormatException e) {
      throw new ParamException("invalid hex string");
    }
  }

  public static BigInteger decodeBig(String text) {
    String digits = quantityDigits(text);
    if (digits.length() > 64) {
      throw new ParamException("hex number > 256 bits");
    }
    try {
      return new BigInteger(digits, 16);
    } catch (NumberFormatException e) {
      throw new ParamException("invalid hex string");
    }
  }

  /** {@code 0x}-prefixed data of whole bytes. */
  public static Bytes decodeData(String text) {
    if (text.isEmpty()) {
      throw new ParamException("empty hex string");
    }
    if (!hasPrefix(text)) {
      throw new ParamException("hex string without 0x prefix");
    }
    if (text.length() % 2 != 0) {
      throw new ParamException("hex string of odd length");
    }
    byte[] out = new byte[(text.length() - 2) / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(text.charAt(2 + 2 * i), 16);
      int lo = Character.digit(text.charAt(3 + 2 * i), 16);
      if (hi < 0 || lo < 0) {
        throw new ParamException("invalid hex string");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return Bytes.wrap(out);
  }

  private static String quantityDigits(String text) {
    if (text.isEmpty()) {
      throw new ParamException("empty hex string");
    }
    if (!hasPrefix(text)) {
      throw new ParamException("hex string without 0x prefix");
    }
    String digits = text.substring(2);
    if (digits.isEmpty()) {
      throw new ParamException("hex string \"0x\"");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new ParamException("hex number with leading zero digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new ParamException("invalid hex string");
      }
    }
    return digits;
  }

  private static Bytes fixed(JsonNode node, int size, String typeName) {
    String text = string(node, typeName);
    if (!hasPrefix(text)) {
      throw typeError("hex string without 0x prefix", typeName);
    }
    if (text.length() - 2 != size * 2) {
      throw new ParamException(
          "hex string has length "
              + (text.length() - 2)
              + ", want "
              + size * 2
              + " for "
              + typeName);
    }
    try {
      return decodeData(text);
    } catch (ParamException e) {
      throw typeError(e.getMessage(), typeName);
    }
  }

  private static String string(JsonNode node, String typeName) {
    if (node == null || !node.isTextual()) {
      throw typeError("non-string", typeName);
    }
    return node.textValue();
  }

  private static boolean hasPrefix(String text) {
    return text.length() >= 2
        && text.charAt(0) == '0'
        && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
  }

  private static ParamException typeError(String what, String typeName) {
    return new ParamException(
        "json: cannot unmarshal " + what + " into Go value of type " + typeName);
  }

  private static String jsonKind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isArray()) {
      return "array";
    }
    return node.isObject() ? "object" : "value";
  }
}
