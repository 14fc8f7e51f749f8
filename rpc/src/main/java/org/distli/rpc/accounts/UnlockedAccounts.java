package org.distli.rpc.accounts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.rpc.jsonrpc.RpcException;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * The accounts the node signs for (eth_accounts, eth_sendTransaction, eth_sign, personal_sign,
 * eth_signTypedData_v4): the dev chain's funded accounts, none on a production node. Keys never
 * leave this class.
 */
public final class UnlockedAccounts {
  public static final UnlockedAccounts NONE = new UnlockedAccounts(List.of());

  private final Map<Address, SecretKey> keys;

  public UnlockedAccounts(List<SecretKey> keys) {
    Map<Address, SecretKey> byAddress = new LinkedHashMap<>();
    for (SecretKey key : keys) {
      byAddress.put(key.address(), key);
    }
    this.keys = java.util.Collections.unmodifiableMap(byAddress);
  }

  /** In the order they were given, as eth_accounts lists them. */
  public List<Address> addresses() {
    return List.copyOf(keys.keySet());
  }

  public boolean contains(Address address) {
    return keys.containsKey(address);
  }

  /**
   * The key of {@code address}.
   *
   * @throws RpcException "unknown account" (go-ethereum's wording) when it is not unlocked
   */
  public SecretKey key(Address address) {
    SecretKey key = keys.get(address);
    if (key == null) {
      throw RpcException.server("unknown account");
    }
    return key;
  }

  /** EIP-191 version 0x45: keccak256("\x19Ethereum Signed Message:\n" + len + message). */
  public static Hash personalMessageHash(Bytes message) {
    byte[] prefix =
        ("\u0019Ethereum Signed Message:\n" + message.size()).getBytes(StandardCharsets.UTF_8);
    return Keccak256.hash(Bytes.concatenate(Bytes.wrap(prefix), message));
  }

  /** EIP-712: keccak256("\x19\x01" ‖ domainSeparator ‖ hashStruct(message)). */
  public static Hash typedDataHash(String typedDataJson) {
    try {
      TypedDataShape.check(typedDataJson);
      return Hash.wrap(new StructuredDataEncoder(typedDataJson).hashStructuredData());
    } catch (java.io.IOException | RuntimeException e) {
      throw RpcException.invalidParams(
          "invalid typed data: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** The 65-byte signature r ‖ s ‖ v with v = 27 + recovery id, as wallets return it. */
  public Bytes sign(Address address, Hash digest) {
    Signature signature = Secp256k1.sign(digest, key(address));
    byte[] out = new byte[65];
    System.arraycopy(signature.r().toArrayUnsafe(), 0, out, 0, 32);
    System.arraycopy(signature.s().toArrayUnsafe(), 0, out, 32, 32);
    out[64] = (byte) (27 + signature.recoveryId());
    return Bytes.wrap(out);
  }
}
