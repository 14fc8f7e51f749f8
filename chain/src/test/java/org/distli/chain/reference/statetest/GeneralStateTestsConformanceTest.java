package org.distli.chain.reference.statetest;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.distli.fixtures.SharedFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ../shared/ethereum-tests/GeneralStateTests (Cancun and the older forks the files
 * name): one dynamic test per file, run on all processors, failing with the list of failed cases.
 */
class GeneralStateTestsConformanceTest {
  private static final String FOLDER = "ethereum-tests/GeneralStateTests";
  private static ExecutorService pool;

  @TestFactory
  Stream<DynamicTest> everyStateTestFilePasses() {
    Path root = SharedFixtures.find(FOLDER).orElse(null);
    Assumptions.assumeTrue(root != null, SharedFixtures.missingMessage(FOLDER));
    StateTestSuite suite = new StateTestSuite();
    pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    List<Path> files = StateTestSuite.files(List.of(root));
    List<Future<List<StateTestRunner.CaseResult>>> results =
        suite.submitLargestFirst(pool, files, null);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Future<List<StateTestRunner.CaseResult>> result = results.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              root.relativize(file).toString(),
              file.toUri(),
              () -> {
                List<String> failures = new ArrayList<>();
                for (StateTestRunner.CaseResult r : result.get()) {
                  if (!r.passed()) {
                    failures.add(r.describe());
                  }
                }
                if (!failures.isEmpty()) {
                  fail(failures.size() + " failed case(s):\n" + String.join("\n", failures));
                }
              }));
    }
    return tests.stream();
  }

  @AfterAll
  static void shutdown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
