package org.distli.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.BlockHeader;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.JsonOutput;
import org.distli.rpc.jsonrpc.RpcCall;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.jsonrpc.RpcMethod;
import org.distli.rpc.query.ChainQueries;
import org.distli.state.StateProof;

/**
 * eth_getProof(address, storageKeys, block) (EIP-1186): the account with the trie nodes from the
 * state root to it, and each storage slot with the nodes from the account's storage root. Keys are
 * echoed as go-ethereum does: 32-byte keys in full, shorter ones as quantities.
 */
public final class EthGetProof implements RpcMethod {
  private final ChainQueries chain;

  public EthGetProof(ChainQueries chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getProof";
  }

  @Override
  public Object execute(RpcCall call) {
    Address address = call.params().address(0);
    JsonNode keys = call.params().raw(1);
    if (keys != null && !keys.isArray()) {
      throw RpcException.invalidArgument(
          1, "json: cannot unmarshal non-array into Go value of type []string");
    }
    List<UInt256> slots = new ArrayList<>();
    List<String> echoed = new ArrayList<>();
    if (keys != null) {
      for (JsonNode key : keys) {
        UInt256 slot = EthGetStorageAt.slot(key, 1);
        slots.add(slot);
        String text = key.textValue();
        int digits =
            text.startsWith("0x") || text.startsWith("0X") ? text.length() - 2 : text.length();
        echoed.add(digits == 64 ? Hex.encode(slot.toArrayUnsafe()) : JsonOutput.quantity(slot));
      }
    }
    BlockHeader header = chain.requireHeader(call.params().blockOrLatest(2));
    StateProof proof = chain.proof(header, address, slots);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("address", address);
    result.put("accountProof", proof.accountProof());
    result.put("balance", proof.account() == null ? Wei.ZERO : proof.account().balance());
    result.put("codeHash", proof.account() == null ? Hash.ZERO : proof.account().codeHash());
    result.put("nonce", JsonOutput.quantity(proof.account() == null ? 0 : proof.account().nonce()));
    // An absent account has zero hashes, as go-ethereum answers (its proof shows the absence).
    result.put("storageHash", proof.account() == null ? Hash.ZERO : proof.storageRoot());
    List<Object> storage = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      StateProof.StorageProof slot = proof.storageProofs().get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", echoed.get(i));
      entry.put("value", slot.value());
      entry.put("proof", slot.proof());
      storage.add(entry);
    }
    result.put("storageProof", storage);
    return result;
  }
}
