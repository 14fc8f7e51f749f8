package org.distli.evm.precompile;

import static org.distli.evm.precompile.TestHex.bytes;
import static org.distli.evm.precompile.TestHex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.primitives.Hash;
import org.junit.jupiter.api.Test;

class SimplePrecompilesTest {
  // The classic ecrecover vector of the reference tests (CallEcrecover0): its s is in the upper
  // half of the order, which ecrecover accepts although transactions may not use it (EIP-2).
  private static final String HASH =
      "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c";
  private static final String V28 =
      "000000000000000000000000000000000000000000000000000000000000001c";
  private static final String R =
      "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f";
  private static final String S =
      "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
  private static final String SIGNER =
      "0x000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

  private final EcRecover ecRecover = new EcRecover();

  @Test
  void ecrecoverReturnsTheSignerLeftPaddedAndAcceptsHighS() {
    byte[] out = ecRecover.execute(bytes(HASH + V28 + R + S));
    assertEquals(SIGNER, hex(out));
    assertEquals(3000, ecRecover.gasCost(new byte[0]));
  }

  @Test
  void ecrecoverIgnoresBytesBeyond128AndPadsShortInput() {
    assertEquals(SIGNER, hex(ecRecover.execute(bytes(HASH + V28 + R + S + "ffff"))));
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + V28 + R))));
    assertEquals("0x", hex(ecRecover.execute(new byte[0])));
  }

  @Test
  void ecrecoverRecoversFreshSignaturesWithEitherRecoveryId() {
    SecureRandom random = new SecureRandom(new byte[] {1});
    for (int i = 0; i < 8; i++) {
      SecretKey key = SecretKey.random(random);
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      Signature signature = Secp256k1.sign(Hash.wrap(digest), key);
      byte[] input = new byte[128];
      System.arraycopy(digest, 0, input, 0, 32);
      input[63] = (byte) (27 + signature.recoveryId());
      System.arraycopy(signature.toCompact(), 0, input, 64, 64);
      byte[] expected = new byte[32];
      key.address().copyTo(expected, 12);
      assertArrayEquals(expected, ecRecover.execute(input));
    }
  }

  @Test
  void ecrecoverReturnsEmptyForBadVOrOutOfRangeROrS() {
    String n = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    String zero = "00".repeat(32);
    String v27Dirty = "010000000000000000000000000000000000000000000000000000000000001b";
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + V28.replace("1c", "1d") + R + S))));
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + V28.replace("1c", "01") + R + S))));
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + v27Dirty + R + S))));
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + V28 + zero + S))));
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + V28 + R + zero))));
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + V28 + n + S))));
    assertEquals("0x", hex(ecRecover.execute(bytes(HASH + V28 + R + n))));
  }

  @Test
  void sha256HashesAndChargesPerWord() {
    Sha256Hash sha = new Sha256Hash();
    assertEquals(
        "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        hex(sha.execute(new byte[0])));
    assertEquals(
        "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        hex(sha.execute("abc".getBytes())));
    assertEquals(60, sha.gasCost(new byte[0]));
    assertEquals(72, sha.gasCost(new byte[32]));
    assertEquals(84, sha.gasCost(new byte[33]));
  }

  @Test
  void ripemd160ReturnsTheDigestLeftPaddedTo32Bytes() {
    Ripemd160Hash ripemd = new Ripemd160Hash();
    assertEquals(
        "0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31",
        hex(ripemd.execute(new byte[0])));
    assertEquals(
        "0x0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        hex(ripemd.execute("abc".getBytes())));
    assertEquals(600, ripemd.gasCost(new byte[0]));
    assertEquals(840, ripemd.gasCost(new byte[64]));
  }

  @Test
  void identityCopiesItsInput() {
    Identity identity = new Identity();
    byte[] input = bytes("0x0102030405");
    byte[] out = identity.execute(input);
    assertArrayEquals(input, out);
    out[0] = 9;
    assertEquals(1, input[0], "the output is a copy");
    assertEquals(15, identity.gasCost(new byte[0]));
    assertEquals(18, identity.gasCost(new byte[1]));
    assertEquals(21, identity.gasCost(new byte[64]));
  }
}
