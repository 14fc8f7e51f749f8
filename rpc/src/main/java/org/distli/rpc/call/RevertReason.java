package org.distli.rpc.call;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hex;
import org.distli.rpc.jsonrpc.RpcError;
import org.distli.rpc.jsonrpc.RpcException;

/**
 * The JSON-RPC error of a reverted eth_call or eth_estimateGas, as go-ethereum reports it: code 3,
 * "execution reverted" with ": reason" when the data is a Solidity Error(string) or Panic(uint256),
 * and the raw revert data (also when empty) in {@code data}, where libraries decode custom errors.
 */
public final class RevertReason {
  private static final Bytes ERROR_SELECTOR = Bytes.fromHexString("0x08c379a0");
  private static final Bytes PANIC_SELECTOR = Bytes.fromHexString("0x4e487b71");

  /** Solidity's panic codes, worded as go-ethereum's abi package words them. */
  private static final Map<Integer, String> PANICS =
      Map.of(
          0x00, "generic panic",
          0x01, "assert(false)",
          0x11, "arithmetic underflow or overflow",
          0x12, "division or modulo by zero",
          0x21, "enum overflow",
          0x22, "invalid encoded storage byte array accessed",
          0x31, "out-of-bounds array access; popping on an empty array",
          0x32, "out-of-bounds access of an array or bytesN",
          0x41, "out of memory",
          0x51, "uninitialized function");

  private RevertReason() {}

  public static RpcException error(Bytes revertData) {
    String reason = decode(revertData);
    String message = reason == null ? "execution reverted" : "execution reverted: " + reason;
    return new RpcException(
        new RpcError(RpcError.EXECUTION_REVERTED, message, Hex.encode(revertData)));
  }

  /** The human-readable reason, or null when the data is not Error(string) or Panic(uint256). */
  public static String decode(Bytes data) {
    if (data.size() < 4) {
      return null;
    }
    Bytes selector = data.slice(0, 4);
    if (selector.equals(ERROR_SELECTOR)) {
      return decodeString(data.slice(4));
    }
    if (selector.equals(PANIC_SELECTOR) && data.size() == 36) {
      BigInteger code = data.slice(4).toUnsignedBigInteger();
      String known = code.bitLength() <= 31 ? PANICS.get(code.intValue()) : null;
      return known != null ? known : "unknown panic code: 0x" + code.toString(16);
    }
    return null;
  }

  /** ABI-decodes a single dynamic string argument; null when malformed. */
  private static String decodeString(Bytes args) {
    if (args.size() < 64) {
      return null;
    }
    BigInteger offset = args.slice(0, 32).toUnsignedBigInteger();
    if (offset.compareTo(BigInteger.valueOf(args.size() - 32L)) > 0) {
      return null;
    }
    int at = offset.intValue();
    BigInteger length = args.slice(at, 32).toUnsignedBigInteger();
    if (length.compareTo(BigInteger.valueOf(args.size() - at - 32L)) > 0) {
      return null;
    }
    byte[] text = args.slice(at + 32, length.intValue()).toArrayUnsafe();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(text))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
