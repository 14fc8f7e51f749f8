package org.distli.node.cli.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeyCommandTest {
  private static final String HARDHAT_KEY_1 =
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new KeyCommand().withEnvironment(env, true));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void importThenAddressShowsTheImportedKeysAddressAndNeverTheKey() throws Exception {
    Path keyFile = dir.resolve("key.hex");
    Files.writeString(keyFile, HARDHAT_KEY_1 + "\n");
    Path keystore = dir.resolve("validator.json");
    Map<String, String> env = Map.of("DISTLI_VALIDATOR_PASSWORD", "s3cret");

    assertEquals(
        0,
        run(
            env,
            "import",
            "--keystore",
            keystore.toString(),
            "--private-key-file",
            keyFile.toString()),
        err.toString());
    assertTrue(
        out.toString().contains("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), out.toString());
    assertFalse(out.toString().contains(HARDHAT_KEY_1.substring(2)));

    out.getBuffer().setLength(0);
    assertEquals(0, run(Map.of(), "address", "--keystore", keystore.toString()));
    assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", out.toString().trim());
  }

  @Test
  void newWithoutAPasswordSourceFailsAndWritesNothing() {
    Path keystore = dir.resolve("validator.json");
    assertEquals(1, run(Map.of(), "new", "--keystore", keystore.toString()));
    assertTrue(err.toString().contains("no password"), err.toString());
    assertFalse(Files.exists(keystore));
  }

  @Test
  void newCreatesAKeystoreFromAPasswordFile() throws Exception {
    Path password = dir.resolve("pw");
    Files.writeString(password, "pw\n");
    Path keystore = dir.resolve("k/validator.json");
    assertEquals(
        0,
        run(
            Map.of(),
            "new",
            "--keystore",
            keystore.toString(),
            "--password-file",
            password.toString()),
        err.toString());
    assertTrue(Files.exists(keystore));
    assertTrue(out.toString().startsWith("Address:  0x"), out.toString());
  }
}
