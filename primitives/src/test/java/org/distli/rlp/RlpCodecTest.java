package org.distli.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Hex;
import org.junit.jupiter.api.Test;

class RlpCodecTest {
  private static byte[] hex(String s) {
    return Hex.decode(s).toArray();
  }

  @Test
  void nestedListsRoundTrip() {
    byte[] longString = new byte[60];
    longString[0] = 7;
    byte[] encoded =
        new RlpWriter(4)
            .startList()
            .writeLong(0)
            .writeLong(127)
            .writeLong(128)
            .writeLong(-1L)
            .startList()
            .writeBytes(longString)
            .endList()
            .writeUInt256(UInt256.MAX_VALUE)
            .endList()
            .toByteArray();
    RlpReader r = RlpReader.of(encoded);
    r.enterList("outer");
    assertEquals(0, r.readLong("a"));
    assertEquals(127, r.readLong("b"));
    assertEquals(128, r.readLong("c"));
    assertEquals(-1L, r.readLong("d"));
    r.enterList("inner");
    assertArrayEquals(longString, r.readBytes("long string"));
    r.exitList("inner");
    assertEquals(UInt256.MAX_VALUE, r.readUInt256("e"));
    r.exitList("outer");
    r.expectEnd("test");
  }

  @Test
  void knownEncodings() {
    assertEquals("0x80", Hex.encode(new RlpWriter().writeLong(0).toByteArray()));
    assertEquals("0x820400", Hex.encode(new RlpWriter().writeLong(1024).toByteArray()));
    assertEquals("0xc0", Hex.encode(new RlpWriter().startList().endList().toByteArray()));
    assertEquals(
        "0xc88363617483646f67",
        Hex.encode(
            new RlpWriter()
                .startList()
                .writeBytes("cat".getBytes())
                .writeBytes("dog".getBytes())
                .endList()
                .toByteArray()));
  }

  @Test
  void singleByteWrappedInAStringIsRefused() {
    RlpException e =
        assertThrows(RlpException.class, () -> RlpReader.of(hex("0x8105")).readBytes("x"));
    assertTrue(e.getMessage().contains("non-canonical"), e.getMessage());
  }

  @Test
  void integerWithLeadingZeroIsRefused() {
    RlpException e =
        assertThrows(RlpException.class, () -> RlpReader.of(hex("0x820001")).readLong("nonce"));
    assertTrue(
        e.getMessage().contains("leading zero bytes in integer field nonce"), e.getMessage());
  }

  @Test
  void shortLengthInLongFormIsRefused() {
    assertThrows(RlpException.class, () -> RlpReader.of(hex("0xb80161")).readBytes("x"));
    assertThrows(RlpException.class, () -> RlpReader.of(hex("0xf90000")).enterList("x"));
  }

  @Test
  void integersWiderThanTheirFieldAreRefused() {
    RlpException e =
        assertThrows(
            RlpException.class, () -> RlpReader.of(hex("0x89010000000000000000")).readLong("gas"));
    assertTrue(e.getMessage().contains("gas overflows 64 bits"), e.getMessage());
  }

  @Test
  void trailingBytesAreRefused() {
    RlpReader r = RlpReader.of(hex("0xc00000"));
    r.enterList("list");
    r.exitList("list");
    assertThrows(RlpException.class, () -> r.expectEnd("value"));
  }

  @Test
  void sizeBeyondTheInputIsRefused() {
    assertThrows(RlpException.class, () -> RlpReader.of(hex("0x83aabb")).readBytes("x"));
    assertThrows(RlpException.class, () -> RlpReader.of(hex("0xb8")).readBytes("x"));
  }

  @Test
  void listWithExtraItemsIsRefusedOnExit() {
    RlpReader r = RlpReader.of(hex("0xc20102"));
    r.enterList("pair");
    r.readLong("first");
    RlpException e = assertThrows(RlpException.class, () -> r.exitList("pair"));
    assertTrue(e.getMessage().contains("too many elements in pair"));
  }
}
