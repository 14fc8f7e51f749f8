package org.distli.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.distli.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DistliCommandOptionsTest {
  @TempDir Path dir;
  private final AtomicReference<NodeConfig> started = new AtomicReference<>();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli =
        DistliCommand.commandLine(
            env,
            (config, commandLine) -> {
              started.set(config);
              return 0;
            });
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void noArgumentsStartTheDevChain() {
    assertEquals(0, run(Map.of()));
    assertTrue(started.get().dev());
    assertEquals(8545, started.get().rpc().port());
  }

  @Test
  void optionsBeatTheEnvironmentWhichBeatsTheConfigFile() throws Exception {
    Path yaml = dir.resolve("distli.yaml");
    Files.writeString(yaml, "rpc:\n  port: 1000\n  host: 0.0.0.0\nmetrics:\n  port: 3000\n");
    assertEquals(
        0,
        run(
            Map.of("DISTLI_RPC_PORT", "2000", "DISTLI_METRICS_PORT", "4000"),
            "--config",
            yaml.toString(),
            "--rpc-port",
            "5000"));
    NodeConfig config = started.get();
    assertEquals(5000, config.rpc().port());
    assertEquals("0.0.0.0", config.rpc().host());
    assertEquals(4000, config.metrics().port());
  }

  @Test
  void theConfigFileMayComeFromTheEnvironment() throws Exception {
    Path yaml = dir.resolve("distli.yaml");
    Files.writeString(yaml, "rpc:\n  port: 1234\n");
    assertEquals(0, run(Map.of("DISTLI_CONFIG", yaml.toString())));
    assertEquals(1234, started.get().rpc().port());
  }

  @Test
  void booleanFlagsWorkBareAndWithAValue() {
    assertEquals(0, run(Map.of(), "--genesis", "g.json", "--dev"));
    assertTrue(started.get().dev());
    assertEquals(0, run(Map.of(), "--metrics-enabled=false"));
    assertFalse(started.get().metrics().enabled());
  }

  @Test
  void aBadValueIsAUsageErrorNamingTheOption() {
    assertEquals(2, run(Map.of(), "--rpc-port", "eighty"));
    assertTrue(err.toString().contains("--rpc-port: not a number: \"eighty\""), err.toString());
  }

  @Test
  void aMissingConfigFileIsNamed() {
    assertEquals(2, run(Map.of(), "--config", dir.resolve("nope.yaml").toString()));
    assertTrue(err.toString().contains("cannot read config file"), err.toString());
  }
}
