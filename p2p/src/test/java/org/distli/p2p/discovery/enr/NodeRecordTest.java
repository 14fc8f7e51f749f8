package org.distli.p2p.discovery.enr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Base64;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.SecretKey;
import org.distli.p2p.Enode;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class NodeRecordTest {
  // the example record of devp2p enr.md ("Test Vectors")
  private static final SecretKey KEY =
      SecretKey.fromHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291");
  private static final String EXAMPLE =
      "enr:-IS4QHCYrYZbAKWCBRlAy5zzaDZXJBGkcnh4MHcBFZntXNFrdvJjX04jRzjzCBOonrkTfj499SZuOh8R33Ls8RRcy5wBgmlkgnY0gmlwhH8AAAGJc2VjcDI1NmsxoQPKY0yuDUmstAHYpMa2_oxVtw0RW_QAdpzBQA8yWM0xOIN1ZHCCdl8";

  @Test
  void signingTheSpecExampleGivesItsTextForm() throws Exception {
    NodeRecord record =
        NodeRecord.builder().seq(1).ip(InetAddress.getByName("127.0.0.1")).udp(30303).sign(KEY);
    assertEquals(EXAMPLE, record.toText());
    assertEquals(
        "7098ad865b00a582051940cb9cf36836572411a47278783077011599ed5cd16b76f2635f4e234738f30813a89eb9137e3e3df5266e3a1f11df72ecf1145ccb9c",
        record.signature().toUnprefixedHexString());
  }

  @Test
  void decodesTheSpecExample() throws Exception {
    NodeRecord record = NodeRecord.fromText(EXAMPLE);
    assertEquals(1, record.seq());
    assertEquals(
        Hash.fromHex("a448f24c6d18e575453db13171562b71999873db5b286df957af199ec94617f7"),
        record.nodeId());
    assertEquals(KEY.publicKey(), record.publicKey());
    assertEquals(InetAddress.getByName("127.0.0.1"), record.ip().orElseThrow());
    assertEquals(30303, record.udp().getAsInt());
    assertTrue(record.tcp().isEmpty());
    assertEquals(
        Bytes.fromHexString("0x03ca634cae0d49acb401d8a4c6b6fe8c55b70d115bf400769cc1400f3258cd3138"),
        record.get("secp256k1").orElseThrow().slice(1));
    assertEquals(EXAMPLE, record.toText());
    assertEquals(
        new Enode(KEY.publicKey(), InetAddress.getByName("127.0.0.1"), 0, 30303),
        record.toEnode().orElseThrow());
  }

  @Test
  void carriesTheEthEntryAsAnOpaqueItem() throws Exception {
    // [[forkHash, forkNext]] (EIP-2124), as the RLPx side computes it
    Bytes eth = Bytes.fromHexString("0xc7c684fc64ec0480");
    NodeRecord record =
        NodeRecord.builder()
            .seq(7)
            .ip(InetAddress.getByName("10.0.0.1"))
            .tcp(30303)
            .udp(30301)
            .set("eth", eth)
            .sign(KEY);
    NodeRecord decoded = NodeRecord.decode(record.encoded());
    assertEquals(eth, decoded.eth().orElseThrow());
    assertEquals(record, decoded);
    assertEquals(30303, decoded.tcp().getAsInt());
    assertEquals(
        "enode://" + KEY.publicKey().toUnprefixedHexString() + "@10.0.0.1:30303?discport=30301",
        decoded.toEnode().orElseThrow().toString());
  }

  @Test
  void refusesATamperedRecord() {
    byte[] encoded = NodeRecord.fromText(EXAMPLE).encoded().toArray();
    // the udp port's last byte
    encoded[encoded.length - 1] ^= 1;
    InvalidRecordException e =
        assertThrows(InvalidRecordException.class, () -> NodeRecord.decode(Bytes.wrap(encoded)));
    assertEquals("invalid record signature", e.getMessage());
  }

  @Test
  void refusesUnsortedOrDuplicateKeys() {
    Bytes signature = Bytes.wrap(new byte[64]);
    Bytes unsorted =
        Bytes.wrap(
            new RlpWriter()
                .startList()
                .writeBytes(signature)
                .writeLong(1)
                .writeBytes("udp".getBytes())
                .writeLong(1)
                .writeBytes("id".getBytes())
                .writeBytes("v4".getBytes())
                .endList()
                .toByteArray());
    InvalidRecordException e =
        assertThrows(InvalidRecordException.class, () -> NodeRecord.decode(unsorted));
    assertTrue(e.getMessage().contains("not sorted and unique"), e.getMessage());
  }

  @Test
  void refusesRecordsOver300Bytes() {
    NodeRecord.Builder builder = NodeRecord.builder().seq(1);
    builder.set("big", Bytes.wrap(new RlpWriter().writeBytes(new byte[200]).toByteArray()));
    assertEquals(
        "record too large: 326 bytes (at most 300)",
        assertThrows(InvalidRecordException.class, () -> builder.sign(KEY)).getMessage());
    assertThrows(InvalidRecordException.class, () -> NodeRecord.decode(Bytes.wrap(new byte[301])));
  }

  @Test
  void refusesUnknownIdentitySchemesAndMissingKeys() {
    Bytes v5 =
        Bytes.wrap(
            new RlpWriter()
                .startList()
                .writeBytes(new byte[64])
                .writeLong(1)
                .writeBytes("id".getBytes())
                .writeBytes("v5".getBytes())
                .endList()
                .toByteArray());
    assertEquals(
        "unknown identity scheme \"v5\"",
        assertThrows(InvalidRecordException.class, () -> NodeRecord.decode(v5)).getMessage());
    Bytes noKey =
        Bytes.wrap(
            new RlpWriter()
                .startList()
                .writeBytes(new byte[64])
                .writeLong(1)
                .writeBytes("id".getBytes())
                .writeBytes("v4".getBytes())
                .endList()
                .toByteArray());
    assertEquals(
        "\"v4\" record has no \"secp256k1\" key",
        assertThrows(InvalidRecordException.class, () -> NodeRecord.decode(noKey)).getMessage());
  }

  @Test
  void refusesMalformedPredefinedEntriesAndText() {
    NodeRecord.Builder badIp =
        NodeRecord.builder()
            .seq(1)
            .set("ip", Bytes.wrap(new RlpWriter().writeBytes(new byte[5]).toByteArray()));
    assertEquals(
        "record entry \"ip\" must be 4 bytes, got 5",
        assertThrows(InvalidRecordException.class, () -> badIp.sign(KEY)).getMessage());
    assertThrows(InvalidRecordException.class, () -> NodeRecord.fromText("enr:!!!"));
    assertThrows(InvalidRecordException.class, () -> NodeRecord.fromText(EXAMPLE.substring(4)));
    byte[] truncated = Base64.getUrlDecoder().decode(EXAMPLE.substring(4));
    assertThrows(
        InvalidRecordException.class,
        () -> NodeRecord.decode(Bytes.wrap(truncated, 0, truncated.length - 1)));
  }

  @Test
  void refusesEntriesThatAreNotOneRlpItem() {
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeRecord.builder().set("eth", Bytes.fromHexString("0xc7c684fc64ec048001")));
  }
}
