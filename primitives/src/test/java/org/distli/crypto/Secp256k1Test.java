package org.distli.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.distli.fixtures.SharedFixtures;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  // The first account of the "test test ... junk" mnemonic used by Hardhat and Anvil.
  private static final SecretKey HARDHAT_0 =
      SecretKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  @Test
  void derivesTheWellKnownHardhatAddress() {
    assertEquals(
        Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), HARDHAT_0.address());
  }

  @Test
  void signatureRecoversToTheSigner() {
    Hash message = Keccak256.hash("hello".getBytes());
    Signature signature = Secp256k1.sign(message, HARDHAT_0);
    assertTrue(signature.isCanonical());
    assertEquals(Optional.of(HARDHAT_0.address()), Secp256k1.recoverAddress(message, signature));
  }

  @Test
  void invalidSignaturesRecoverNothing() {
    Hash message = Keccak256.hash("hello".getBytes());
    Signature signature = Secp256k1.sign(message, HARDHAT_0);
    Signature zeroR = new Signature(org.apache.tuweni.units.bigints.UInt256.ZERO, signature.s(), 0);
    Signature highS = new Signature(signature.r(), Signature.CURVE_ORDER, 0);
    assertTrue(Secp256k1.recoverAddress(message, zeroR).isEmpty());
    assertTrue(Secp256k1.recoverAddress(message, highS).isEmpty());
  }

  @Test
  void highSSignatureStillRecoversButIsNotCanonical() {
    Hash message = Keccak256.hash("hello".getBytes());
    Signature low = Secp256k1.sign(message, HARDHAT_0);
    Signature high =
        new Signature(low.r(), Signature.CURVE_ORDER.subtract(low.s()), 1 - low.recoveryId());
    assertFalse(high.isCanonical());
    assertEquals(Optional.of(HARDHAT_0.address()), Secp256k1.recoverAddress(message, high));
  }

  @Test
  void secretKeyNeverPrintsItself() {
    assertFalse(HARDHAT_0.toString().contains("ac0974bec39a17e36ba4a6b4d238ff944bacb478"));
  }

  @Test
  void keyAddressReferenceVectors() throws IOException {
    Optional<Path> file = SharedFixtures.find("ethereum-tests/BasicTests/keyaddrtest.json");
    Assumptions.assumeTrue(
        file.isPresent(), SharedFixtures.missingMessage("ethereum-tests/BasicTests"));
    JsonNode cases = new ObjectMapper().readTree(file.get().toFile());
    for (JsonNode c : cases) {
      SecretKey key = SecretKey.fromHex(c.get("key").asText());
      assertEquals(Address.fromHex(c.get("addr").asText()), key.address(), c.get("seed").asText());
    }
  }
}
