package org.distli.trading;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Hex;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** {@link EthCall} through a node's JSON-RPC ({@code eth_call} at "latest"). */
public final class Web3jEthCall implements EthCall {
  private final Web3j web3j;

  public Web3jEthCall(Web3j web3j) {
    this.web3j = web3j;
  }

  @Override
  public Bytes call(Address to, Bytes data) {
    try {
      var response =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(null, to.toHexString(), Hex.encode(data)),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (response.hasError()) {
        String revertData = response.getError().getData();
        if (revertData != null && revertData.startsWith("0x")) {
          throw new CallRevertedException(Hex.decode(revertData));
        }
        throw new IllegalStateException("eth_call failed: " + response.getError().getMessage());
      }
      return Hex.decode(response.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException("eth_call failed", e);
    }
  }
}
