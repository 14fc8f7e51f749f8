package org.distli.evm.precompile;

import static org.distli.evm.precompile.TestHex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.distli.fixtures.SharedFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Drives the precompile with the inputs of the execution-spec-tests point-evaluation state tests
 * (the transaction data is the precompile input; the case name says whether it verifies).
 */
class PointEvaluationTest {
  private static final String FIXTURES =
      "ethereum-tests/GeneralStateTests/Pyspecs/cancun/eip4844_blobs";

  private final PointEvaluation precompile = new PointEvaluation();

  private record Case(String name, byte[] input, boolean valid) {}

  private static List<Case> cases(String file) throws IOException {
    Path folder = SharedFixtures.find(FIXTURES).orElse(null);
    Assumptions.assumeTrue(folder != null, SharedFixtures.missingMessage(FIXTURES));
    JsonNode root = new ObjectMapper().readTree(folder.resolve(file).toFile());
    List<Case> cases = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey().substring(entry.getKey().indexOf("state_test-"));
      boolean valid =
          name.contains("success_True")
              || (name.contains("case_correct_proof") && !name.contains("incorrect"));
      for (JsonNode data : entry.getValue().path("transaction").path("data")) {
        cases.add(new Case(name, bytes(data.asText()), valid));
      }
    }
    return cases;
  }

  @Test
  void agreesWithEveryExternalVectorOfTheReferenceTests() throws IOException {
    List<Case> cases = new ArrayList<>(cases("point_evaluation_precompile_external_vectors.json"));
    cases.addAll(cases("valid_precompile_calls.json"));
    cases.addAll(cases("invalid_precompile_calls.json"));
    int valid = 0;
    for (Case c : cases) {
      byte[] out = precompile.execute(c.input());
      if (c.valid()) {
        valid++;
        assertArrayEquals(expectedOutput(), out, c.name());
      } else {
        assertNull(out, c.name());
      }
    }
    assertTrue(cases.size() > 100, "read " + cases.size() + " cases");
    assertTrue(valid > 40, "of which valid " + valid);
  }

  @Test
  void outputIsBlobSizeThenBlsModulus() {
    byte[] out = expectedOutput();
    assertEquals(BigInteger.valueOf(4096), new BigInteger(1, Arrays.copyOfRange(out, 0, 32)));
    assertEquals(
        "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001",
        new BigInteger(1, Arrays.copyOfRange(out, 32, 64)).toString(16));
    assertEquals(50_000, precompile.gasCost(new byte[0]));
  }

  @Test
  void rejectsAWrongVersionedHashBeforeCheckingTheProof() {
    // A commitment to the zero polynomial (the point at infinity) opens to 0 everywhere.
    byte[] input = new byte[192];
    input[96] = (byte) 0xc0;
    input[144] = (byte) 0xc0;
    byte[] hash = PointEvaluation.versionedHash(Arrays.copyOfRange(input, 96, 144));
    System.arraycopy(hash, 0, input, 0, 32);
    assertArrayEquals(expectedOutput(), precompile.execute(input));
    input[31] ^= 1;
    assertNull(precompile.execute(input));
    input[31] ^= 1;
    input[95] = 1; // y = 1 at z = 0: wrong for the zero polynomial
    assertNull(precompile.execute(input));
    assertNull(precompile.execute(Arrays.copyOf(input, 191)));
  }

  private static byte[] expectedOutput() {
    byte[] out = new byte[64];
    out[30] = 0x10;
    byte[] modulus = bytes("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
    System.arraycopy(modulus, 0, out, 32, 32);
    return out;
  }
}
