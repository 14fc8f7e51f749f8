package org.distli.node.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.distli.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorKeystoreTest {
  @TempDir Path dir;

  @Test
  void aKeyComesBackWithTheRightPasswordOnly() throws Exception {
    SecretKey key = SecretKey.random(new SecureRandom());
    Path file = dir.resolve("keystore/validator.json");
    ValidatorKeystore.create(file, key, "correct horse", ValidatorKeystore.Strength.LIGHT);

    assertEquals(key, ValidatorKeystore.load(file, "correct horse"));
    assertEquals(key.address(), ValidatorKeystore.address(file));
    KeystoreException wrong =
        assertThrows(KeystoreException.class, () -> ValidatorKeystore.load(file, "battery staple"));
    assertTrue(wrong.getMessage().contains("wrong password"));
    String json = Files.readString(file);
    assertFalse(json.contains(key.toHexUnsafe().substring(2)), "the key is stored encrypted");
    assertTrue(json.contains("\"scrypt\""));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void anExistingKeystoreIsNeverOverwritten() {
    Path file = dir.resolve("validator.json");
    ValidatorKeystore.create(
        file, SecretKey.random(new SecureRandom()), "pw", ValidatorKeystore.Strength.LIGHT);
    KeystoreException error =
        assertThrows(
            KeystoreException.class,
            () ->
                ValidatorKeystore.create(
                    file,
                    SecretKey.random(new SecureRandom()),
                    "pw",
                    ValidatorKeystore.Strength.LIGHT));
    assertTrue(error.getMessage().contains("exists already"));
  }

  @Test
  void thePasswordFileWinsOverTheEnvironment() throws Exception {
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, "from-file\nignored second line\n");
    assertEquals(
        Optional.of("from-file"),
        ValidatorKeystore.password(Optional.of(passwordFile), Optional.of("from-env")));
    assertEquals(
        Optional.of("from-env"),
        ValidatorKeystore.password(Optional.empty(), Optional.of("from-env")));
    assertEquals(Optional.empty(), ValidatorKeystore.password(Optional.empty(), Optional.empty()));
  }

  @Test
  void aPasswordFileNamedAsTheKeystoreIsRefusedWithoutQuotingIt() throws Exception {
    Path notAKeystore = dir.resolve("password.txt");
    Files.writeString(notAKeystore, "hunter2secret\n");
    KeystoreException error =
        assertThrows(KeystoreException.class, () -> ValidatorKeystore.load(notAKeystore, "x"));
    assertTrue(
        error.getMessage().contains("is not a web3 secret-storage file"), error.getMessage());
    assertTrue(!error.getMessage().contains("hunter2"), error.getMessage());
  }

  @Test
  void aMissingKeystoreIsNamed() {
    Path file = dir.resolve("nope.json");
    assertEquals(
        "keystore " + file + " does not exist",
        assertThrows(KeystoreException.class, () -> ValidatorKeystore.address(file)).getMessage());
  }
}
