package org.distli.chain.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.distli.chain.reference.BlockchainTestRunner;
import org.distli.fixtures.SharedFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ethereum/tests BlockchainTests (ValidBlocks and InvalidBlocks, all Cancun, NoProof): every test
 * must pass, through the same runner as {@code distli evm block-test}.
 */
class BlockchainConformanceTest {
  private static final String FOLDER = "ethereum-tests/BlockchainTests";

  @TestFactory
  Stream<DynamicTest> blockchainTests() throws IOException {
    Path root = SharedFixtures.find(FOLDER).orElse(null);
    Assumptions.assumeTrue(root != null, SharedFixtures.missingMessage(FOLDER));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : BlockchainTestRunner.testFiles(root)) {
      tests.add(
          DynamicTest.dynamicTest(
              root.relativize(file).toString(),
              () -> {
                List<String> failures = new ArrayList<>();
                for (BlockchainTestRunner.Outcome outcome : BlockchainTestRunner.runFile(file)) {
                  if (!outcome.passed()) {
                    failures.add(outcome.name() + ": " + outcome.failure());
                  }
                }
                assertTrue(failures.isEmpty(), String.join("\n", failures));
              }));
    }
    return tests.stream();
  }
}
