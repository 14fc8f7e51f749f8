package org.distli.rpc.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;

/**
 * Writes method results: JSON scalars, lists and maps (insertion-ordered maps keep geth's field
 * order), Jackson trees, {@link JsonWritable}s, and the chain's value types in Ethereum's hex
 * conventions (addresses and hashes as lower-case data, amounts as minimal quantities).
 */
public final class JsonOutput {
  private JsonOutput() {}

  public static void write(JsonGenerator out, Object value) throws IOException {
    switch (value) {
      case null -> out.writeNull();
      case String s -> out.writeString(s);
      case Boolean b -> out.writeBoolean(b);
      case JsonWritable w -> w.writeJson(out);
      case Address a -> out.writeString(a.toHexString());
      case Hash h -> out.writeString(h.toHexString());
      case Wei w -> out.writeString(w.toHexQuantity());
      case UInt256 u -> out.writeString(quantity(u));
      case Bytes b -> out.writeString(Hex.encode(b));
      case Integer i -> out.writeNumber(i);
      case Long l -> out.writeNumber(l);
      case Double d -> out.writeNumber(d);
      case BigInteger b -> out.writeNumber(b);
      case JsonNode node -> out.writeTree(node);
      case Optional<?> o -> write(out, o.orElse(null));
      case Map<?, ?> map -> {
        out.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.writeFieldName(String.valueOf(e.getKey()));
          write(out, e.getValue());
        }
        out.writeEndObject();
      }
      case Collection<?> list -> {
        out.writeStartArray();
        for (Object item : list) {
          write(out, item);
        }
        out.writeEndArray();
      }
      default ->
          throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON-RPC");
    }
  }

  /** A minimal hex quantity: {@code 0x0}, {@code 0x1a}. */
  public static String quantity(UInt256 value) {
    return value.isZero() ? "0x0" : value.toShortHexString();
  }

  public static String quantity(long value) {
    return Hex.quantity(value);
  }

  public static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }
}
