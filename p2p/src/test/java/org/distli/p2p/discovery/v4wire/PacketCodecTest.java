package org.distli.p2p.discovery.v4wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.crypto.SecretKey;
import org.distli.p2p.Enode;
import org.distli.p2p.discovery.enr.NodeRecord;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class PacketCodecTest {
  /** The key that signed EIP-8's discovery test vectors. */
  private static final SecretKey VECTOR_KEY =
      SecretKey.fromHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291");

  private static final SecretKey KEY =
      SecretKey.fromHex("49a7b37aa6f6645917e7b807e9d1c00d4fa71f18343b0d4122a4d2df64dd6fee");

  private static final long EXPIRATION = 1136239445L; // 0x43b9a355, the vectors' expiration

  // EIP-8, "RLPx Discovery Protocol": packets that must be accepted as valid
  private static final String PING_V4_EXTRA_ELEMENTS =
      "e9614ccfd9fc3e74360018522d30e1419a143407ffcce748de3e22116b7e8dc92ff74788c0b6663a"
          + "aa3d67d641936511c8f8d6ad8698b820a7cf9e1be7155e9a241f556658c55428ec0563514365799a"
          + "4be2be5a685a80971ddcfa80cb422cdd0101ec04cb847f000001820cfa8215a8d790000000000000"
          + "000000000000000000018208ae820d058443b9a3550102";

  private static final String PING_V555_EXTRA_ELEMENTS_AND_DATA =
      "577be4349c4dd26768081f58de4c6f375a7a22f3f7adda654d1428637412c3d7fe917cadc56d4e5e"
          + "7ffae1dbe3efffb9849feb71b262de37977e7c7a44e677295680e9e38ab26bee2fcbae207fba3ff3"
          + "d74069a50b902a82c9903ed37cc993c50001f83e82022bd79020010db83c4d001500000000abcdef"
          + "12820cfa8215a8d79020010db885a308d313198a2e037073488208ae82823a8443b9a355c5010203"
          + "040531b9019afde696e582a78fa8d95ea13ce3297d4afb8ba6433e4154caa5ac6431af1b80ba7602"
          + "3fa4090c408f6b4bc3701562c031041d4702971d102c9ab7fa5eed4cd6bab8f7af956f7d565ee191"
          + "7084a95398b6a21eac920fe3dd1345ec0a7ef39367ee69ddf092cbfe5b93e5e568ebc491983c09c7"
          + "6d922dc3";

  private static final String PONG_EXTRA_ELEMENTS_AND_DATA =
      "09b2428d83348d27cdf7064ad9024f526cebc19e4958f0fdad87c15eb598dd61d08423e0bf66b206"
          + "9869e1724125f820d851c136684082774f870e614d95a2855d000f05d1648b2d5945470bc187c2d2"
          + "216fbe870f43ed0909009882e176a46b0102f846d79020010db885a308d313198a2e037073488208"
          + "ae82823aa0fbc914b16819237dcd8801d7e53f69e9719adecb3cc0e790c57e91ca4461c9548443b9"
          + "a355c6010203c2040506a0c969a58f6f9095004c0177a6b47f451530cab38966a25cca5cb58f0555"
          + "42124e";

  private static final String FINDNODE_EXTRA_ELEMENTS_AND_DATA =
      "c7c44041b9f7c7e41934417ebac9a8e1a4c6298f74553f2fcfdcae6ed6fe53163eb3d2b52e39fe91"
          + "831b8a927bf4fc222c3902202027e5e9eb812195f95d20061ef5cd31d502e47ecb61183f74a504fe"
          + "04c51e73df81f25c4d506b26db4517490103f84eb840ca634cae0d49acb401d8a4c6b6fe8c55b70d"
          + "115bf400769cc1400f3258cd31387574077f301b421bc84df7266c44e9e6d569fc56be0081290476"
          + "7bf5ccd1fc7f8443b9a35582999983999999280dc62cc8255c73471e0a61da0c89acdc0e035e260a"
          + "dd7fc0c04ad9ebf3919644c91cb247affc82b69bd2ca235c71eab8e49737c937a2c396";

  private static final String NEIGHBOURS_EXTRA_ELEMENTS_AND_DATA =
      "c679fc8fe0b8b12f06577f2e802d34f6fa257e6137a995f6f4cbfc9ee50ed3710faf6e66f932c4c8"
          + "d81d64343f429651328758b47d3dbc02c4042f0fff6946a50f4a49037a72bb550f3a7872363a83e1"
          + "b9ee6469856c24eb4ef80b7535bcf99c0004f9015bf90150f84d846321163782115c82115db84031"
          + "55e1427f85f10a5c9a7755877748041af1bcd8d474ec065eb33df57a97babf54bfd2103575fa8291"
          + "15d224c523596b401065a97f74010610fce76382c0bf32f84984010203040101b840312c55512422"
          + "cf9b8a4097e9a6ad79402e87a15ae909a4bfefa22398f03d20951933beea1e4dfa6f968212385e82"
          + "9f04c2d314fc2d4e255e0d3bc08792b069dbf8599020010db83c4d001500000000abcdef12820d05"
          + "820d05b84038643200b172dcfef857492156971f0e6aa2c538d8b74010f8e140811d53b98c765dd2"
          + "d96126051913f44582e8c199ad7c6d6819e9a56483f637feaac9448aacf8599020010db885a308d3"
          + "13198a2e037073488203e78203e8b8408dcab8618c3253b558d459da53bd8fa68935a719aff8b811"
          + "197101a4b2b47dd2d47295286fc00cc081bb542d760717d1bdd6bec2c37cd72eca367d6dd3b9df73"
          + "8443b9a355010203b525a138aa34383fec3d2719a0";

  @Test
  void acceptsEip8PingWithAdditionalListElements() throws Exception {
    DecodedPacket decoded = decodeVector(PING_V4_EXTRA_ELEMENTS);
    Ping ping = assertInstanceOf(Ping.class, decoded.packet());
    assertEquals(4, ping.version());
    assertEquals(new Endpoint(ip("127.0.0.1"), 3322, 5544), ping.from());
    assertEquals(new Endpoint(ip("::1"), 2222, 3333), ping.to());
    assertEquals(EXPIRATION, ping.expiration());
    assertEquals(OptionalLong.of(1), ping.enrSeq());
  }

  @Test
  void acceptsEip8PingWithAnotherVersionAndTrailingData() throws Exception {
    Ping ping =
        assertInstanceOf(Ping.class, decodeVector(PING_V555_EXTRA_ELEMENTS_AND_DATA).packet());
    assertEquals(555, ping.version());
    assertEquals(new Endpoint(ip("2001:db8:3c4d:15::abcd:ef12"), 3322, 5544), ping.from());
    assertEquals(new Endpoint(ip("2001:db8:85a3:8d3:1319:8a2e:370:7348"), 2222, 33338), ping.to());
    assertEquals(EXPIRATION, ping.expiration());
    // a list where EIP-868 later put enr-seq is an extra element, not a sequence number
    assertTrue(ping.enrSeq().isEmpty());
  }

  @Test
  void acceptsEip8PongWithAdditionalListElementsAndTrailingData() throws Exception {
    Pong pong = assertInstanceOf(Pong.class, decodeVector(PONG_EXTRA_ELEMENTS_AND_DATA).packet());
    assertEquals(new Endpoint(ip("2001:db8:85a3:8d3:1319:8a2e:370:7348"), 2222, 33338), pong.to());
    assertEquals(
        Hash.fromHex("0xfbc914b16819237dcd8801d7e53f69e9719adecb3cc0e790c57e91ca4461c954"),
        pong.pingHash());
    assertEquals(EXPIRATION, pong.expiration());
    assertTrue(pong.enrSeq().isEmpty());
  }

  @Test
  void acceptsEip8FindNodeWithAdditionalListElementsAndTrailingData() {
    FindNode findNode =
        assertInstanceOf(FindNode.class, decodeVector(FINDNODE_EXTRA_ELEMENTS_AND_DATA).packet());
    assertEquals(
        Bytes.fromHexString(
            "0xca634cae0d49acb401d8a4c6b6fe8c55b70d115bf400769cc1400f3258cd31387574077f301b421bc84df7266c44e9e6d569fc56be00812904767bf5ccd1fc7f"),
        findNode.target());
    assertEquals(EXPIRATION, findNode.expiration());
  }

  @Test
  void acceptsEip8NeighborsWithAdditionalListElementsAndTrailingData() throws Exception {
    Neighbors neighbors =
        assertInstanceOf(
            Neighbors.class, decodeVector(NEIGHBOURS_EXTRA_ELEMENTS_AND_DATA).packet());
    assertEquals(EXPIRATION, neighbors.expiration());
    List<Enode> nodes = neighbors.nodes();
    assertEquals(4, nodes.size());
    assertEquals(
        new Enode(
            Bytes.fromHexString(
                "0x3155e1427f85f10a5c9a7755877748041af1bcd8d474ec065eb33df57a97babf54bfd2103575fa829115d224c523596b401065a97f74010610fce76382c0bf32"),
            ip("99.33.22.55"),
            4445,
            4444),
        nodes.get(0));
    assertEquals(ip("1.2.3.4"), nodes.get(1).ip());
    assertEquals(1, nodes.get(1).udpPort());
    assertEquals(ip("2001:db8:3c4d:15::abcd:ef12"), nodes.get(2).ip());
    assertEquals(3333, nodes.get(2).tcpPort());
    assertEquals(ip("2001:db8:85a3:8d3:1319:8a2e:370:7348"), nodes.get(3).ip());
    assertEquals(999, nodes.get(3).udpPort());
    assertEquals(1000, nodes.get(3).tcpPort());
  }

  @Test
  void everyPacketTypeRoundTripsAndNamesItsSender() throws Exception {
    Endpoint from = new Endpoint(ip("10.1.2.3"), 30303, 30304);
    Endpoint to = new Endpoint(ip("::1"), 30305, 0);
    NodeRecord record =
        NodeRecord.builder().seq(3).ip(ip("10.1.2.3")).tcp(30304).udp(30303).sign(KEY);
    List<Packet> packets =
        List.of(
            new Ping(4, from, to, 1_800_000_000L, OptionalLong.of(42)),
            new Ping(4, from, to, 1_800_000_000L, OptionalLong.empty()),
            new Pong(to, Keccak256.hash(new byte[] {1}), 1_800_000_000L, OptionalLong.of(7)),
            new FindNode(KEY.publicKey(), -1L), // the largest unsigned expiration
            new Neighbors(List.of(enode(1, "10.0.0.1"), enode(2, "2001:db8::1")), 1_800_000_000L),
            new Neighbors(List.of(), 1_800_000_000L),
            new EnrRequest(1_800_000_000L),
            new EnrResponse(Keccak256.hash(new byte[] {2}), record));
    for (Packet packet : packets) {
      EncodedPacket encoded = PacketCodec.encode(packet, KEY);
      DecodedPacket decoded = PacketCodec.decode(encoded.datagram().toArray());
      assertEquals(packet, decoded.packet());
      assertEquals(KEY.publicKey(), decoded.sender());
      assertEquals(encoded.hash(), decoded.hash());
      assertEquals(Keccak256.hash(encoded.datagram().slice(32)), encoded.hash());
    }
  }

  @Test
  void twelveWorstCaseNeighborsFitInOnePacketAndThirteenDoNot() throws Exception {
    List<Enode> nodes = new ArrayList<>();
    for (int i = 0; i < PacketCodec.MAX_NEIGHBORS + 1; i++) {
      nodes.add(
          new Enode(
              Bytes.wrap(new byte[64]).or(Bytes.repeat((byte) 0xff, 64)),
              ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff" + (i % 10)),
              65535,
              65535));
    }
    PacketCodec.encode(new Neighbors(nodes.subList(0, PacketCodec.MAX_NEIGHBORS), -1L), KEY);
    assertThrows(
        IllegalArgumentException.class, () -> PacketCodec.encode(new Neighbors(nodes, -1L), KEY));
  }

  @Test
  void refusesWhatIsNotAValidPacket() {
    byte[] valid = PacketCodec.encode(new EnrRequest(1_800_000_000L), KEY).datagram().toArray();
    assertReason(InvalidPacketException.Reason.TOO_SMALL, new byte[97]);
    assertReason(InvalidPacketException.Reason.TOO_LARGE, new byte[1281]);

    byte[] badHash = valid.clone();
    badHash[0] ^= 1;
    assertReason(InvalidPacketException.Reason.BAD_HASH, badHash);

    // a changed signature with a recomputed hash: recovers another key or none
    byte[] badRecoveryId = rehash(valid, 32 + 64, (byte) 5);
    assertReason(InvalidPacketException.Reason.BAD_SIGNATURE, badRecoveryId);
    byte[] zeroSignature = valid.clone();
    java.util.Arrays.fill(zeroSignature, 32, 97, (byte) 0);
    assertReason(InvalidPacketException.Reason.BAD_SIGNATURE, rehash(zeroSignature, 96, (byte) 0));

    byte[] unknownType = signed(0x07, new RlpWriter().startList().writeLong(1).endList());
    assertReason(InvalidPacketException.Reason.UNKNOWN_TYPE, unknownType);

    // a FindNode whose target is 65 bytes; a Ping whose 'from' is not a list; no list at all
    byte[] longTarget =
        signed(
            FindNode.TYPE,
            new RlpWriter().startList().writeBytes(new byte[65]).writeLong(1).endList());
    assertReason(InvalidPacketException.Reason.MALFORMED, longTarget);
    byte[] flatFrom =
        signed(
            Ping.TYPE,
            new RlpWriter().startList().writeLong(4).writeLong(1).writeLong(2).endList());
    assertReason(InvalidPacketException.Reason.MALFORMED, flatFrom);
    assertReason(InvalidPacketException.Reason.MALFORMED, signed(Ping.TYPE, new RlpWriter()));
    // a port wider than 16 bits
    byte[] widePort =
        signed(
            Neighbors.TYPE,
            new RlpWriter()
                .startList()
                .startList()
                .startList()
                .writeBytes(new byte[] {10, 0, 0, 1})
                .writeLong(70000)
                .writeLong(1)
                .writeBytes(new byte[64])
                .endList()
                .endList()
                .writeLong(1)
                .endList());
    assertReason(InvalidPacketException.Reason.MALFORMED, widePort);
  }

  @Test
  void aTamperedEnrResponseRecordIsRefused() {
    NodeRecord record = NodeRecord.builder().seq(3).udp(1).sign(KEY);
    byte[] encoded = record.encoded().toArray();
    encoded[encoded.length - 1] ^= 1; // the udp port, under the record's signature
    byte[] response =
        signed(
            EnrResponse.TYPE,
            new RlpWriter().startList().writeHash(Hash.ZERO).writeRaw(encoded).endList());
    assertReason(InvalidPacketException.Reason.MALFORMED, response);
  }

  @Test
  void expirationIsAnUnsignedUnixTime() {
    assertTrue(new EnrRequest(99).isExpired(100));
    assertFalse(new EnrRequest(100).isExpired(100));
    assertFalse(new EnrRequest(-1L).isExpired(100)); // 2^64-1: far in the future
  }

  // ---- helpers

  private static DecodedPacket decodeVector(String hex) {
    DecodedPacket decoded = PacketCodec.decode(Bytes.fromHexString(hex).toArray());
    assertEquals(VECTOR_KEY.publicKey(), decoded.sender());
    return decoded;
  }

  private static void assertReason(InvalidPacketException.Reason reason, byte[] datagram) {
    InvalidPacketException e =
        assertThrows(InvalidPacketException.class, () -> PacketCodec.decode(datagram));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  /** A correctly hashed and signed datagram around arbitrary packet-data. */
  private static byte[] signed(int type, RlpWriter data) {
    byte[] rlp = data.toByteArray();
    byte[] body = new byte[rlp.length + 1];
    body[0] = (byte) type;
    System.arraycopy(rlp, 0, body, 1, rlp.length);
    var signature = org.distli.crypto.Secp256k1.sign(Keccak256.hash(body), KEY);
    byte[] datagram = new byte[97 + body.length];
    System.arraycopy(signature.toCompact(), 0, datagram, 32, 64);
    datagram[96] = (byte) signature.recoveryId();
    System.arraycopy(body, 0, datagram, 97, body.length);
    System.arraycopy(Keccak256.digest(datagram, 32, datagram.length - 32), 0, datagram, 0, 32);
    return datagram;
  }

  private static byte[] rehash(byte[] datagram, int index, byte value) {
    byte[] copy = datagram.clone();
    copy[index] = value;
    System.arraycopy(Keccak256.digest(copy, 32, copy.length - 32), 0, copy, 0, 32);
    return copy;
  }

  private static Enode enode(int seed, String address) throws Exception {
    SecretKey key = SecretKey.of(Keccak256.hash(new byte[] {(byte) seed}).toArray());
    return new Enode(key.publicKey(), ip(address), 30303 + seed, 30403 + seed);
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }
}
