package org.distli.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.distli.primitives.Hash;

/**
 * Which block a call refers to: a tag ("latest", "pending", "safe", "finalized", "earliest"), a
 * number, or (EIP-1898) a block hash with an optional requirement that it be canonical.
 */
public record BlockParameter(Kind kind, long number, Hash hash, boolean requireCanonical) {
  public enum Kind {
    LATEST,
    PENDING,
    SAFE,
    FINALIZED,
    EARLIEST,
    NUMBER,
    HASH
  }

  public static final BlockParameter LATEST = new BlockParameter(Kind.LATEST, -1, null, false);
  public static final BlockParameter PENDING = new BlockParameter(Kind.PENDING, -1, null, false);
  public static final BlockParameter SAFE = new BlockParameter(Kind.SAFE, -1, null, false);
  public static final BlockParameter FINALIZED =
      new BlockParameter(Kind.FINALIZED, -1, null, false);
  public static final BlockParameter EARLIEST = new BlockParameter(Kind.EARLIEST, 0, null, false);

  public static BlockParameter number(long number) {
    return new BlockParameter(Kind.NUMBER, number, null, false);
  }

  public static BlockParameter hash(Hash hash, boolean requireCanonical) {
    return new BlockParameter(Kind.HASH, -1, hash, requireCanonical);
  }

  public boolean isHash() {
    return kind == Kind.HASH;
  }

  /** rpc.BlockNumber: a tag or a hex number. */
  public static BlockParameter decodeNumber(JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new ParamException(
          "json: cannot unmarshal non-string into Go value of type rpc.BlockNumber");
    }
    return decodeNumberText(node.textValue());
  }

  /** rpc.BlockNumberOrHash: a tag, a hex number, a block hash, or an EIP-1898 object. */
  public static BlockParameter decodeNumberOrHash(JsonNode node) {
    if (node != null && node.isObject()) {
      JsonNode hash = node.get("blockHash");
      JsonNode number = node.get("blockNumber");
      boolean hasHash = hash != null && !hash.isNull();
      boolean hasNumber = number != null && !number.isNull();
      if (hasHash && hasNumber) {
        throw new ParamException(
            "cannot specify both BlockHash and BlockNumber, choose one or the other");
      }
      if (hasHash) {
        JsonNode canonical = node.get("requireCanonical");
        return hash(
            ParamDecoder.hash(hash),
            canonical != null && canonical.isBoolean() && canonical.asBoolean());
      }
      if (hasNumber) {
        return decodeNumber(number);
      }
      throw new ParamException("either block number or hash must be specified");
    }
    if (node != null && node.isTextual() && node.textValue().length() == 66) {
      return hash(ParamDecoder.hash(node), false);
    }
    return decodeNumber(node);
  }

  private static BlockParameter decodeNumberText(String text) {
    switch (text) {
      case "latest":
        return LATEST;
      case "pending":
        return PENDING;
      case "safe":
        return SAFE;
      case "finalized":
        return FINALIZED;
      case "earliest":
        return EARLIEST;
      default:
        long value = ParamDecoder.decodeUint64(text);
        if (value < 0) {
          throw new ParamException("block number larger than int64");
        }
        return number(value);
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NUMBER -> "0x" + Long.toHexString(number);
      case HASH -> hash.toHexString();
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
