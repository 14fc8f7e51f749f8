package org.distli.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.eth.EthAccounts;
import org.distli.rpc.eth.EthSign;
import org.distli.rpc.eth.EthSignTypedDataV4;
import org.distli.rpc.personal.PersonalSign;
import org.junit.jupiter.api.Test;

class SigningMethodsTest {
  /** The key of EIP-712's example: keccak256("cow"). */
  private static final SecretKey COW =
      SecretKey.of(Keccak256.digest("cow".getBytes(StandardCharsets.US_ASCII)));

  private static final String MAIL =
      """
      {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
      {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
      "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
      "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},
      {"name":"contents","type":"string"}]},"primaryType":"Mail",
      "domain":{"name":"Ether Mail","version":"1","chainId":1,
      "verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
      "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
      "to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
      "contents":"Hello, Bob!"}}
      """;

  private final UnlockedAccounts accounts = new UnlockedAccounts(List.of(COW));
  private final InProcessRpc rpc =
      InProcessRpc.of(
          new EthAccounts(accounts),
          new EthSign(accounts),
          new PersonalSign(accounts),
          new EthSignTypedDataV4(accounts));

  @Test
  void listsTheUnlockedAccounts() {
    assertEquals(
        "[\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"]",
        rpc.result("eth_accounts", "[]").toString());
  }

  @Test
  void typedDataV4MatchesTheEip712Example() {
    assertEquals(
        Hash.fromHex("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"),
        UnlockedAccounts.typedDataHash(MAIL));
    String asString = RpcTestServer.JSON.valueToTree(MAIL).toString();
    String signature =
        rpc.result(
                "eth_signTypedData_v4",
                "[\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"," + asString + "]")
            .asText();
    assertEquals(
        "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
            + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"
            + "1c",
        signature);
    String asObject =
        rpc.result(
                "eth_signTypedData_v4",
                "[\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"," + MAIL + "]")
            .asText();
    assertEquals(signature, asObject);
  }

  @Test
  void typedDataWithAnUndefinedTypeOrAMissingFieldIsRefusedByName() {
    String noDomainType = MAIL.replaceFirst("\"EIP712Domain\"", "\"Domain\"");
    JsonNode undefined =
        rpc.reply(
            "eth_signTypedData_v4",
            "[\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"," + noDomainType + "]");
    assertEquals(-32602, undefined.at("/error/code").asInt());
    assertEquals(
        "invalid typed data: type 'EIP712Domain' is not defined in types",
        undefined.at("/error/message").asText());
    String noContents = MAIL.replace(",\n\"contents\":\"Hello, Bob!\"", "");
    JsonNode missing =
        rpc.reply(
            "eth_signTypedData_v4",
            "[\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"," + noContents + "]");
    assertEquals(
        "invalid typed data: message is missing field 'contents' of type 'Mail'",
        missing.at("/error/message").asText());
    String noWallet =
        MAIL.replace(",\"wallet\":\"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\"", "");
    assertEquals(
        "invalid typed data: message.to is missing field 'wallet' of type 'Person'",
        rpc.reply(
                "eth_signTypedData_v4",
                "[\"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826\"," + noWallet + "]")
            .at("/error/message")
            .asText());
  }

  @Test
  void personalSignAndEthSignSignTheSamePrefixedMessage() {
    assertEquals(
        Hash.fromHex("0xa1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2"),
        UnlockedAccounts.personalMessageHash(
            Bytes.wrap("Hello World".getBytes(StandardCharsets.UTF_8))));
    String hello = Hex.encode("Hello World".getBytes(StandardCharsets.UTF_8));
    String personal =
        rpc.result("personal_sign", "[\"" + hello + "\",\"" + COW.address().toHexString() + "\"]")
            .asText();
    String eth =
        rpc.result("eth_sign", "[\"" + COW.address().toHexString() + "\",\"" + hello + "\"]")
            .asText();
    assertEquals(personal, eth);
    assertEquals(COW.address(), recover("Hello World", personal));
    String text =
        rpc.result("personal_sign", "[\"Hello World\",\"" + COW.address().toHexString() + "\"]")
            .asText();
    assertEquals(personal, text, "non-hex text is signed as UTF-8, as MetaMask does");
  }

  @Test
  void refusesAccountsThatAreNotUnlocked() {
    JsonNode reply =
        rpc.reply("eth_sign", "[\"0x0000000000000000000000000000000000000001\",\"0x00\"]");
    assertEquals(-32000, reply.at("/error/code").asInt());
    assertEquals("unknown account", reply.at("/error/message").asText());
  }

  private static Address recover(String message, String signatureHex) {
    Bytes sig = Hex.decode(signatureHex);
    Signature signature =
        new Signature(
            UInt256.fromBytes(sig.slice(0, 32)),
            UInt256.fromBytes(sig.slice(32, 32)),
            sig.get(64) - 27);
    return Secp256k1.recoverAddress(
            UnlockedAccounts.personalMessageHash(
                Bytes.wrap(message.getBytes(StandardCharsets.UTF_8))),
            signature)
        .orElseThrow();
  }
}
