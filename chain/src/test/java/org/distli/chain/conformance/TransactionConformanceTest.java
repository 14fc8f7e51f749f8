package org.distli.chain.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.IntrinsicGas;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionError;
import org.distli.chain.transaction.TransactionValidator;
import org.distli.evm.Fork;
import org.distli.fixtures.SharedFixtures;
import org.distli.genesis.ChainConfig;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;
import org.distli.rlp.RlpException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ethereum/tests TransactionTests at their Cancun results (mainnet chain id 1). The tests without a
 * Cancun entry (ttWrongRLP, two of ttSignature) are checked against their latest fork, whose
 * decoding rules are the same.
 *
 * <p>A valid transaction must decode, recover the expected sender, hash as expected and have the
 * expected intrinsic gas. An invalid one must be refused, and for the exceptions whose cause is
 * unambiguous the refusal must be of the matching kind (a decoding error, a signature error, ...).
 */
class TransactionConformanceTest {
  private static final String FOLDER = "ethereum-tests/TransactionTests";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ChainSpec MAINNET =
      ChainSpec.ethereum(ChainConfig.allFromGenesis(1, Fork.CANCUN));

  /** What kind of refusal each expected exception stands for. */
  private enum Kind {
    DECODING,
    SIGNATURE,
    INTRINSIC_GAS,
    INIT_CODE,
    NONCE,
    FEES,
    ANY
  }

  private static final Map<String, Kind> KINDS =
      Map.ofEntries(
          Map.entry("INVALID_CHAINID", Kind.SIGNATURE),
          Map.entry("INVALID_SIGNATURE_VRS", Kind.SIGNATURE),
          Map.entry("EC_RECOVERY_FAIL", Kind.SIGNATURE),
          Map.entry("INTRINSIC_GAS_TOO_LOW", Kind.INTRINSIC_GAS),
          Map.entry("INITCODE_SIZE_EXCEEDED", Kind.INIT_CODE),
          Map.entry("NONCE_TOO_BIG", Kind.NONCE),
          Map.entry("PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2", Kind.FEES),
          Map.entry("GASLIMIT_PRICE_PRODUCT_OVERFLOW", Kind.FEES),
          // 33-byte integers and wrong-sized addresses are refused by decoding
          Map.entry("NONCE_OVERFLOW", Kind.DECODING),
          Map.entry("GASLIMIT_OVERFLOW", Kind.DECODING),
          Map.entry("GASPRICE_OVERFLOW", Kind.DECODING),
          Map.entry("PRIORITY_OVERFLOW", Kind.DECODING),
          Map.entry("VALUE_OVERFLOW", Kind.DECODING),
          Map.entry("ADDRESS_TOO_LONG", Kind.DECODING),
          Map.entry("ADDRESS_TOO_SHORT", Kind.DECODING));

  private static final Set<TransactionError> SIGNATURE_ERRORS =
      Set.of(TransactionError.INVALID_SIGNATURE, TransactionError.INVALID_CHAIN_ID);

  @TestFactory
  Stream<DynamicTest> transactionTests() throws IOException {
    Path root = SharedFixtures.find(FOLDER).orElse(null);
    Assumptions.assumeTrue(root != null, SharedFixtures.missingMessage(FOLDER));
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode document = JSON.readTree(file.toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = document.properties().iterator();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> test = it.next();
          String name = root.relativize(file) + ":" + test.getKey();
          tests.add(DynamicTest.dynamicTest(name, () -> run(test.getValue())));
        }
      }
    }
    return tests.stream();
  }

  private static void run(JsonNode test) {
    JsonNode result = test.path("result").get("Cancun");
    Fork fork = Fork.CANCUN;
    if (result == null) {
      String latest = null;
      for (Iterator<String> names = test.path("result").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (latest == null || Fork.parse(name).compareTo(Fork.parse(latest)) > 0) {
          latest = name;
        }
      }
      result = test.path("result").get(latest);
      fork = Fork.parse(latest);
    }
    byte[] bytes = Hex.decode(test.path("txbytes").asText()).toArrayUnsafe();
    if (result.has("exception")) {
      expectRefusal(bytes, fork, result.path("exception").asText());
      return;
    }
    Transaction tx = Transaction.decode(bytes);
    long intrinsic = TransactionValidator.validateIntrinsic(tx, MAINNET, fork);
    assertEquals(Address.fromHex(result.path("sender").asText()), tx.sender(), "sender");
    assertEquals(Hash.fromHex(result.path("hash").asText()), tx.hash(), "hash");
    assertEquals(Long.decode(result.path("intrinsicGas").asText()), intrinsic, "intrinsic gas");
    assertEquals(IntrinsicGas.of(tx, fork), intrinsic);
    assertEquals(Hex.encode(bytes), tx.encoded().toHexString(), "re-encoding");
  }

  private static void expectRefusal(byte[] bytes, Fork fork, String exception) {
    String name = exception.substring(exception.indexOf('.') + 1);
    Kind kind = name.startsWith("RLP_") ? Kind.DECODING : KINDS.getOrDefault(name, Kind.ANY);
    Transaction tx;
    try {
      tx = Transaction.decode(bytes);
    } catch (RlpException decoding) {
      // r and s wider than 256 bits are out of range for any signature; we refuse them at decoding
      boolean oversizedSignature = decoding.getMessage().matches("rlp: [rs] overflows.*");
      assertTrue(
          kind == Kind.DECODING
              || kind == Kind.ANY
              || (kind == Kind.SIGNATURE && oversizedSignature),
          "expected " + name + " but decoding failed: " + decoding.getMessage());
      return;
    } catch (InvalidTransactionException unsupported) {
      assertEquals(TransactionError.TX_TYPE_NOT_SUPPORTED, unsupported.error());
      assertTrue(kind == Kind.DECODING || kind == Kind.ANY, "expected " + name);
      return;
    }
    try {
      TransactionValidator.validateIntrinsic(tx, MAINNET, fork);
    } catch (InvalidTransactionException invalid) {
      TransactionError error = invalid.error();
      boolean matches =
          switch (kind) {
            case DECODING -> false;
            case SIGNATURE -> SIGNATURE_ERRORS.contains(error);
            case INTRINSIC_GAS -> error == TransactionError.INTRINSIC_GAS_TOO_LOW;
            case INIT_CODE -> error == TransactionError.MAX_INIT_CODE_SIZE_EXCEEDED;
            case NONCE -> error == TransactionError.NONCE_MAX;
            case FEES ->
                error == TransactionError.TIP_ABOVE_FEE_CAP
                    || error == TransactionError.INSUFFICIENT_FUNDS;
            case ANY -> true;
          };
      assertTrue(matches, "expected " + name + " but refused with: " + invalid.getMessage());
      return;
    }
    fail("expected " + name + " but the transaction was accepted");
  }
}
