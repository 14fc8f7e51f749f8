package org.distli.node.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.SecretKey;
import org.distli.primitives.Address;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;

/**
 * The validator's key in an encrypted keystore file: web3j's wallet format (the Web3 Secret Storage
 * format geth, MetaMask and Hardhat read), scrypt-derived AES-128-CTR encryption. Files are created
 * readable by their owner only. Neither the key nor the password ever reaches a log.
 */
public final class ValidatorKeystore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How hard the password is stretched: standard for real keys, light for tests. */
  public enum Strength {
    /** scrypt N = 2^18, as geth's default. */
    STANDARD,
    /** scrypt N = 2^12, for tests. */
    LIGHT
  }

  private ValidatorKeystore() {}

  /**
   * Decrypts the keystore at {@code file}.
   *
   * @throws KeystoreException when the file is missing or malformed, or the password is wrong
   */
  public static SecretKey load(Path file, String password) {
    WalletFile wallet = readWallet(file);
    try {
      ECKeyPair pair = Wallet.decrypt(password, wallet);
      return SecretKey.of(toBytes32(pair.getPrivateKey()));
    } catch (CipherException e) {
      throw new KeystoreException(
          "cannot decrypt keystore " + file + ": wrong password or damaged file");
    }
  }

  /**
   * Writes {@code key} encrypted with {@code password} to a new file.
   *
   * @throws KeystoreException when the file exists already or cannot be written
   */
  public static Address create(Path file, SecretKey key, String password, Strength strength) {
    if (password.isEmpty()) {
      throw new KeystoreException("refusing to encrypt a keystore with an empty password");
    }
    ECKeyPair pair = ECKeyPair.create(new BigInteger(1, key.toArrayUnsafe()));
    WalletFile wallet;
    try {
      wallet =
          strength == Strength.STANDARD
              ? Wallet.createStandard(password, pair)
              : Wallet.createLight(password, pair);
    } catch (CipherException e) {
      throw new KeystoreException("cannot encrypt the key: " + e.getMessage());
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(wallet);
      Files.write(file, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      restrictToOwner(file);
    } catch (FileAlreadyExistsException e) {
      throw new KeystoreException("keystore " + file + " exists already; refusing to overwrite it");
    } catch (IOException e) {
      throw new KeystoreException("cannot write keystore " + file + ": " + e.getMessage());
    }
    return key.address();
  }

  /** The address a keystore file holds the key of, read without decrypting it. */
  public static Address address(Path file) {
    WalletFile wallet = readWallet(file);
    if (wallet.getAddress() == null) {
      throw new KeystoreException("keystore " + file + " has no address field");
    }
    try {
      return Address.fromHex(wallet.getAddress());
    } catch (IllegalArgumentException e) {
      throw new KeystoreException(
          "keystore " + file + " has a malformed address: " + e.getMessage());
    }
  }

  /**
   * The keystore password: the first line of {@code passwordFile} when given, else {@code
   * fromEnvironment}.
   */
  public static Optional<String> password(
      Optional<Path> passwordFile, Optional<String> fromEnvironment) {
    if (passwordFile.isPresent()) {
      Path file = passwordFile.get();
      try {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
          throw new KeystoreException("password file " + file + " is empty");
        }
        return Optional.of(lines.get(0));
      } catch (IOException e) {
        throw new KeystoreException(
            "cannot read password file " + file + ": " + org.distli.node.IoErrors.describe(e));
      }
    }
    return fromEnvironment.filter(p -> !p.isEmpty());
  }

  private static WalletFile readWallet(Path file) {
    if (!Files.exists(file)) {
      throw new KeystoreException("keystore " + file + " does not exist");
    }
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      if (tree == null || !tree.isObject() || !tree.has("crypto") && !tree.has("Crypto")) {
        throw new KeystoreException("keystore " + file + " is not a web3 secret-storage file");
      }
      return JSON.treeToValue(tree, WalletFile.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Never echo the parser's message: it quotes the file's content, which may be a password
      // file named by mistake.
      throw new KeystoreException("keystore " + file + " is not a web3 secret-storage file");
    } catch (IOException e) {
      throw new KeystoreException(
          "cannot read keystore " + file + ": " + org.distli.node.IoErrors.describe(e));
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the folder's access list.
    }
  }

  private static byte[] toBytes32(BigInteger value) {
    return UInt256.valueOf(value).toArrayUnsafe();
  }
}
