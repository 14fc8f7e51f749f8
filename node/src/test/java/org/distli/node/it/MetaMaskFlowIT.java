package org.distli.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The calls MetaMask makes to send ETH on a custom network, in its order, over plain JSON-RPC:
 * chain id, the latest block's base fee, gas price, a gas estimate, the nonce at a block number, an
 * EIP-1559 transaction signed in the wallet, then receipt and block polling until status 0x1.
 */
class MetaMaskFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Credentials WALLET =
      Credentials.create("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
  private static final String RECIPIENT = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955";

  @TempDir Path work;

  private static JsonNode result(NodeProcess node, String method, String params) throws Exception {
    JsonNode reply = JSON.readTree(node.call(method, params));
    assertFalse(reply.has("error"), () -> method + " failed: " + reply.get("error"));
    return reply.get("result");
  }

  private static BigInteger quantity(JsonNode node) {
    return Numeric.decodeQuantity(node.asText());
  }

  @Test
  void sendsEthLikeMetaMask() throws Exception {
    try (NodeProcess node = NodeProcess.dev(work).start()) {
      String from = WALLET.getAddress();
      assertEquals("0x539", result(node, "eth_chainId", "[]").asText());
      assertEquals("1337", result(node, "net_version", "[]").asText());
      JsonNode latest = result(node, "eth_getBlockByNumber", "[\"latest\",false]");
      BigInteger baseFee = quantity(latest.get("baseFeePerGas"));
      assertTrue(baseFee.signum() > 0, "the latest block has a base fee");
      BigInteger gasPrice = quantity(result(node, "eth_gasPrice", "[]"));
      assertTrue(gasPrice.compareTo(baseFee) > 0, "gas price covers the base fee");
      BigInteger tip = quantity(result(node, "eth_maxPriorityFeePerGas", "[]"));
      assertEquals(
          "0x", result(node, "eth_getCode", "[\"" + RECIPIENT + "\",\"latest\"]").asText());
      BigInteger value = BigInteger.TEN.pow(17);
      String call =
          "{\"from\":\""
              + from
              + "\",\"to\":\""
              + RECIPIENT
              + "\",\"value\":\""
              + Numeric.toHexStringWithPrefix(value)
              + "\"}";
      BigInteger gas = quantity(result(node, "eth_estimateGas", "[" + call + "]"));
      assertEquals(BigInteger.valueOf(21_000), gas);
      String blockNumber = result(node, "eth_blockNumber", "[]").asText();
      BigInteger nonce =
          quantity(
              result(
                  node, "eth_getTransactionCount", "[\"" + from + "\",\"" + blockNumber + "\"]"));
      BigInteger balanceBefore =
          quantity(result(node, "eth_getBalance", "[\"" + RECIPIENT + "\",\"latest\"]"));

      BigInteger maxFee = baseFee.multiply(BigInteger.TWO).add(tip);
      RawTransaction tx =
          RawTransaction.createEtherTransaction(1337, nonce, gas, RECIPIENT, value, tip, maxFee);
      String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, WALLET));
      String hash = result(node, "eth_sendRawTransaction", "[\"" + signed + "\"]").asText();

      JsonNode receipt = null;
      for (int i = 0; i < 300 && (receipt == null || receipt.isNull()); i++) {
        receipt = result(node, "eth_getTransactionReceipt", "[\"" + hash + "\"]");
        if (receipt.isNull()) {
          Thread.sleep(100);
        }
      }
      assertFalse(receipt == null || receipt.isNull(), "the transaction was mined");
      assertEquals("0x1", receipt.get("status").asText());
      assertEquals("0x2", receipt.get("type").asText());
      assertEquals(gas, quantity(receipt.get("gasUsed")));
      JsonNode block =
          result(
              node, "eth_getBlockByHash", "[\"" + receipt.get("blockHash").asText() + "\",false]");
      assertTrue(block.get("transactions").toString().contains(hash));
      assertEquals(receipt.get("blockNumber").asText(), block.get("number").asText());
      assertEquals(
          balanceBefore.add(value),
          quantity(result(node, "eth_getBalance", "[\"" + RECIPIENT + "\",\"latest\"]")));
    }
  }
}
