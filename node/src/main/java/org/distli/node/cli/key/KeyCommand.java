package org.distli.node.cli.key;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.distli.crypto.SecretKey;
import org.distli.node.config.Settings;
import org.distli.node.keystore.KeystoreException;
import org.distli.node.keystore.ValidatorKeystore;
import org.distli.primitives.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code distli key new|import|address}: the validator keystore. Passwords come from a file, the
 * {@code DISTLI_VALIDATOR_PASSWORD} environment variable, or a hidden prompt; never from an
 * argument, which other users could read in the process list.
 */
@Command(
    name = "key",
    description = "Create, import or inspect the validator's encrypted keystore.",
    mixinStandardHelpOptions = true,
    subcommands = {KeyCommand.New.class, KeyCommand.Import.class, KeyCommand.ShowAddress.class})
public final class KeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--keystore",
      paramLabel = "<file>",
      description = "The keystore file (default: ${DEFAULT-VALUE}).",
      defaultValue = "data/dev/keystore/validator.json",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  Path keystore;

  @Option(
      names = "--password-file",
      paramLabel = "<file>",
      description =
          "File holding the password (first line); else DISTLI_VALIDATOR_PASSWORD, else a prompt.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  Path passwordFile;

  /** For tests: the environment and whether the light scrypt parameters may be used. */
  Map<String, String> environment = System.getenv();

  ValidatorKeystore.Strength strength = ValidatorKeystore.Strength.STANDARD;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Sets the environment and key strength for tests. */
  public KeyCommand withEnvironment(Map<String, String> env, boolean lightKeys) {
    this.environment = env;
    this.strength =
        lightKeys ? ValidatorKeystore.Strength.LIGHT : ValidatorKeystore.Strength.STANDARD;
    return this;
  }

  String password(boolean confirm) {
    Optional<String> given =
        ValidatorKeystore.password(
            Optional.ofNullable(passwordFile),
            Optional.ofNullable(
                environment.get(Settings.VALIDATOR_PASSWORD.environmentVariable())));
    if (given.isPresent()) {
      return given.get();
    }
    Console console = System.console();
    if (console == null) {
      throw new KeystoreException(
          "no password: give --password-file or set "
              + Settings.VALIDATOR_PASSWORD.environmentVariable());
    }
    char[] first = console.readPassword("Keystore password: ");
    if (confirm) {
      char[] second = console.readPassword("Repeat the password: ");
      if (!Arrays.equals(first, second)) {
        throw new KeystoreException("the passwords differ");
      }
    }
    return new String(first);
  }

  private static int fail(PrintWriter err, RuntimeException e) {
    err.println("distli key: " + e.getMessage());
    return 1;
  }

  @Command(name = "new", description = "Generate a validator key into a new keystore.")
  static final class New implements Callable<Integer> {
    @ParentCommand KeyCommand parent;

    @Override
    public Integer call() {
      try {
        SecretKey key = SecretKey.random(new SecureRandom());
        Address address =
            ValidatorKeystore.create(parent.keystore, key, parent.password(true), parent.strength);
        parent.spec.commandLine().getOut().println("Address:  " + address.toChecksumString());
        parent.spec.commandLine().getOut().println("Keystore: " + parent.keystore);
        return 0;
      } catch (KeystoreException e) {
        return fail(parent.spec.commandLine().getErr(), e);
      }
    }
  }

  @Command(
      name = "import",
      description = "Encrypt an existing private key (hex) into a new keystore.")
  static final class Import implements Callable<Integer> {
    @ParentCommand KeyCommand parent;

    @Option(
        names = "--private-key-file",
        paramLabel = "<file>",
        description = "File holding the hex private key; without it the key is read from stdin.")
    Path privateKeyFile;

    @Override
    public Integer call() {
      try {
        String hex = readPrivateKey().trim();
        SecretKey key;
        try {
          key = SecretKey.fromHex(hex);
        } catch (IllegalArgumentException e) {
          throw new KeystoreException("not a secp256k1 private key (expected 32 bytes of hex)");
        }
        Address address =
            ValidatorKeystore.create(parent.keystore, key, parent.password(true), parent.strength);
        parent.spec.commandLine().getOut().println("Address:  " + address.toChecksumString());
        parent.spec.commandLine().getOut().println("Keystore: " + parent.keystore);
        return 0;
      } catch (KeystoreException e) {
        return fail(parent.spec.commandLine().getErr(), e);
      }
    }

    private String readPrivateKey() {
      try {
        if (privateKeyFile != null) {
          return Files.readString(privateKeyFile, StandardCharsets.UTF_8);
        }
        Console console = System.console();
        if (console != null) {
          return new String(console.readPassword("Private key (hex): "));
        }
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw new KeystoreException("no private key on standard input");
        }
        return line;
      } catch (IOException e) {
        throw new KeystoreException("cannot read the private key: " + e.getMessage());
      }
    }
  }

  @Command(name = "address", description = "Print the address a keystore holds the key of.")
  static final class ShowAddress implements Callable<Integer> {
    @ParentCommand KeyCommand parent;

    @Override
    public Integer call() {
      try {
        parent
            .spec
            .commandLine()
            .getOut()
            .println(ValidatorKeystore.address(parent.keystore).toChecksumString());
        return 0;
      } catch (KeystoreException e) {
        return fail(parent.spec.commandLine().getErr(), e);
      }
    }
  }
}
