package org.distli.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.JsonOutput;

/** Field writers in Ethereum's JSON conventions: quantities are minimal hex, data is full hex. */
final class Fields {
  private Fields() {}

  static void quantity(JsonGenerator out, String name, long value) throws IOException {
    out.writeStringField(name, Hex.quantity(value));
  }

  static void quantity(JsonGenerator out, String name, UInt256 value) throws IOException {
    out.writeStringField(name, JsonOutput.quantity(value));
  }

  static void quantity(JsonGenerator out, String name, Wei value) throws IOException {
    out.writeStringField(name, value.toHexQuantity());
  }

  static void data(JsonGenerator out, String name, Bytes value) throws IOException {
    out.writeStringField(name, Hex.encode(value));
  }

  static void hash(JsonGenerator out, String name, Hash value) throws IOException {
    if (value == null) {
      out.writeNullField(name);
    } else {
      out.writeStringField(name, value.toHexString());
    }
  }

  static void address(JsonGenerator out, String name, Address value) throws IOException {
    if (value == null) {
      out.writeNullField(name);
    } else {
      out.writeStringField(name, value.toHexString());
    }
  }

  /** A 64-bit value as 8 bytes of data, as the block nonce is written. */
  static void fixed8(JsonGenerator out, String name, long value) throws IOException {
    byte[] bytes = new byte[8];
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    out.writeStringField(name, Hex.encode(bytes));
  }
}
