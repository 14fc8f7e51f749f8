package org.distli.evm.precompile;

import static org.distli.evm.precompile.TestHex.bytes;
import static org.distli.evm.precompile.TestHex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModExpTest {
  private final ModExp byzantium = new ModExp(ModExp.EIP_198);
  private final ModExp berlin = new ModExp(ModExp.EIP_2565);

  private static String word(long value) {
    return String.format("%064x", value);
  }

  private static byte[] call(String base, String exponent, String modulus) {
    return bytes(
        word(base.length() / 2)
            + word(exponent.length() / 2)
            + word(modulus.length() / 2)
            + base
            + exponent
            + modulus);
  }

  // EIP-198's first example: Fermat's little theorem for the secp256k1 field prime.
  private static final byte[] FERMAT =
      call(
          "03",
          "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e",
          "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");

  @Test
  void computesFermatsLittleTheoremExampleOfEip198() {
    assertEquals(
        "0x0000000000000000000000000000000000000000000000000000000000000001",
        hex(berlin.execute(FERMAT)));
  }

  @Test
  void pricesTheFermatExampleUnderBothSchedules() {
    // complexity 32^2 = 1024, adjusted exponent length 255: 1024 * 255 / 20.
    assertEquals(13056, byzantium.gasCost(FERMAT));
    // four 64-bit words: 16 * 255 / 3.
    assertEquals(1360, berlin.gasCost(FERMAT));
  }

  @Test
  void pricesEip2565ReferenceCases() {
    // nagydani-1-square: 64-byte base and modulus, exponent 2.
    byte[] square = call("aa".repeat(64), "02", "bb".repeat(64));
    assertEquals(204, byzantium.gasCost(square));
    assertEquals(200, berlin.gasCost(square), "EIP-2565 charges at least 200");
    // nagydani-5-pow0x10001: 1024-byte base and modulus, exponent 65537.
    byte[] rsa8192 = call("aa".repeat(1024), "010001", "bb".repeat(1024));
    assertEquals(285900, byzantium.gasCost(rsa8192));
    assertEquals(87381, berlin.gasCost(rsa8192));
  }

  @Test
  void zeroBaseWithEmptyBaseLengthGivesZero() {
    // EIP-198's second example: the base is absent, so it is zero.
    byte[] input =
        call(
            "",
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e",
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertEquals("0x" + "00".repeat(32), hex(berlin.execute(input)));
  }

  @Test
  void zeroModulusGivesZerosOfTheModulusLength() {
    assertEquals("0x" + "00".repeat(4), hex(berlin.execute(call("05", "03", "00000000"))));
    assertEquals("0x", hex(berlin.execute(call("05", "03", ""))));
  }

  @Test
  void zeroToTheZeroIsOne() {
    assertEquals("0x0001", hex(berlin.execute(call("00", "00", "0007"))));
    assertEquals("0x00", hex(berlin.execute(call("00", "00", "01"))));
  }

  @Test
  void readsMissingInputAsZerosAndIgnoresExtraBytes() {
    // base 2, exponent 5 (given), modulus length 2 but only one byte present: 0x6400 = 25600.
    byte[] input = bytes(word(1) + word(1) + word(2) + "02" + "05" + "64");
    assertEquals("0x0020", hex(berlin.execute(input)));
    byte[] extra = bytes(word(1) + word(1) + word(1) + "02" + "05" + "64" + "ffff");
    assertEquals("0x20", hex(berlin.execute(extra)));
  }

  @Test
  void matchesBigIntegerOnRandomRsaSizedInputs() {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      int length = 1 + random.nextInt(300);
      BigInteger base = new BigInteger(length * 8, random);
      BigInteger exponent = new BigInteger(1 + random.nextInt(300), random);
      BigInteger modulus = new BigInteger(length * 8, random);
      String b = String.format("%0" + (2 * length) + "x", base);
      String e = exponent.toString(16);
      e = e.length() % 2 == 1 ? "0" + e : e;
      String m = String.format("%0" + (2 * length) + "x", modulus);
      byte[] out = berlin.execute(call(b, e, m));
      BigInteger expected =
          modulus.signum() == 0 ? BigInteger.ZERO : base.modPow(exponent, modulus);
      assertEquals(length, out.length);
      assertEquals(expected, new BigInteger(1, out));
    }
  }

  @Test
  void hugeLengthsSaturateTheGasInsteadOfOverflowing() {
    String huge = "ff".repeat(32);
    byte[] input = bytes(huge + huge + huge);
    assertEquals(Long.MAX_VALUE, byzantium.gasCost(input));
    assertEquals(Long.MAX_VALUE, berlin.gasCost(input));
    byte[] longExponent = bytes(word(1) + word(0x7fffffffL) + word(1) + "02");
    assertEquals(
        ((0x7fffffffL - 32) * 8) / 3, berlin.gasCost(longExponent), "only the length counts");
  }

  @Test
  void emptyBaseAndModulusCostNothingBeforeBerlinWhateverTheExponentLength() {
    byte[] input = bytes(word(0) + "ff".repeat(32) + word(0));
    assertEquals(0, byzantium.gasCost(input));
    assertEquals(200, berlin.gasCost(input));
    assertArrayEquals(new byte[0], berlin.execute(input));
  }

  @Test
  void exponentHeadBeyondTheInputCountsAsZero() {
    // 33-byte exponent, all missing: 8 * (33 - 32) + 0 = 8 iterations, 1 word -> 8 / 3 = 2 -> 200.
    byte[] input = bytes(word(1) + word(33) + word(1));
    assertEquals(200, berlin.gasCost(input));
    // EIP-198: complexity 1 * 8 / 20 = 0.
    assertEquals(0, byzantium.gasCost(input));
  }
}
