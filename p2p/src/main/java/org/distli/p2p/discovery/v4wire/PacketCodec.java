package org.distli.p2p.discovery.v4wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.p2p.Enode;
import org.distli.p2p.discovery.enr.InvalidRecordException;
import org.distli.p2p.discovery.enr.NodeRecord;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * The discovery v4 wire format (devp2p discv4.md):
 *
 * <pre>
 * packet    = hash || signature || packet-type || packet-data
 * hash      = keccak256(signature || packet-type || packet-data)
 * signature = sign(keccak256(packet-type || packet-data))    65 bytes: r || s || recovery id
 * </pre>
 *
 * <p>Decoding checks the size (at most 1280 bytes), the hash and the signature, recovering the
 * sender's public key (its node id) from it, then reads packet-data with the strict RLP reader. As
 * EIP-8 requires for forward compatibility, extra elements at the end of packet-data are skipped,
 * data after packet-data is ignored (it is still covered by the hash and signature), and a Ping's
 * version is not checked. Expiration is not checked here: it is behaviour, and the specification's
 * test vectors are long expired.
 */
public final class PacketCodec {
  /** The largest datagram the protocol allows. */
  public static final int MAX_PACKET_SIZE = 1280;

  /**
   * Nodes per Neighbors packet: 12 entries with 16-byte IPs, the largest ports and the largest
   * expiration still fit in 1280 bytes; 13 do not.
   */
  public static final int MAX_NEIGHBORS = 12;

  private static final int HASH_SIZE = 32;
  private static final int SIGNATURE_SIZE = 65;
  private static final int HEADER_SIZE = HASH_SIZE + SIGNATURE_SIZE;

  private PacketCodec() {}

  /**
   * Signs and frames a packet.
   *
   * @throws IllegalArgumentException when the packet would exceed 1280 bytes
   */
  public static EncodedPacket encode(Packet packet, SecretKey key) {
    RlpWriter writer = new RlpWriter(256);
    writer.writeByteUnframed(packet.type());
    writeData(writer, packet);
    byte[] body = writer.toByteArray();
    int size = HEADER_SIZE + body.length;
    if (size > MAX_PACKET_SIZE) {
      throw new IllegalArgumentException(
          "discovery packet too large: " + size + " bytes (at most " + MAX_PACKET_SIZE + ")");
    }
    Signature signature = Secp256k1.sign(Keccak256.hash(body), key);
    byte[] datagram = new byte[size];
    System.arraycopy(signature.toCompact(), 0, datagram, HASH_SIZE, 64);
    datagram[HASH_SIZE + 64] = (byte) signature.recoveryId();
    System.arraycopy(body, 0, datagram, HEADER_SIZE, body.length);
    byte[] hash = Keccak256.digest(datagram, HASH_SIZE, size - HASH_SIZE);
    System.arraycopy(hash, 0, datagram, 0, HASH_SIZE);
    return new EncodedPacket(Bytes.wrap(datagram), Hash.wrap(hash));
  }

  /**
   * Checks and decodes a datagram.
   *
   * @throws InvalidPacketException with the reason the datagram is refused
   */
  public static DecodedPacket decode(byte[] datagram) {
    if (datagram.length > MAX_PACKET_SIZE) {
      throw new InvalidPacketException(
          InvalidPacketException.Reason.TOO_LARGE,
          "packet too large: " + datagram.length + " bytes");
    }
    if (datagram.length < HEADER_SIZE + 1) {
      throw new InvalidPacketException(
          InvalidPacketException.Reason.TOO_SMALL,
          "packet too small: " + datagram.length + " bytes");
    }
    byte[] expectedHash = Keccak256.digest(datagram, HASH_SIZE, datagram.length - HASH_SIZE);
    if (!Bytes.wrap(datagram, 0, HASH_SIZE).equals(Bytes.wrap(expectedHash))) {
      throw new InvalidPacketException(InvalidPacketException.Reason.BAD_HASH, "bad packet hash");
    }
    Bytes sender = recoverSender(datagram);
    int type = datagram[HEADER_SIZE] & 0xff;
    RlpReader reader = RlpReader.of(datagram, HEADER_SIZE + 1, datagram.length - HEADER_SIZE - 1);
    Packet packet;
    try {
      packet =
          switch (type) {
            case Ping.TYPE -> readPing(reader);
            case Pong.TYPE -> readPong(reader);
            case FindNode.TYPE -> readFindNode(reader);
            case Neighbors.TYPE -> readNeighbors(reader);
            case EnrRequest.TYPE -> readEnrRequest(reader);
            case EnrResponse.TYPE -> readEnrResponse(reader);
            default ->
                throw new InvalidPacketException(
                    InvalidPacketException.Reason.UNKNOWN_TYPE, "unknown packet type " + type);
          };
    } catch (RlpException | InvalidRecordException | IllegalArgumentException e) {
      throw new InvalidPacketException(
          InvalidPacketException.Reason.MALFORMED,
          "malformed packet of type " + type + ": " + e.getMessage(),
          e);
    }
    return new DecodedPacket(packet, sender, Hash.wrap(expectedHash));
  }

  private static Bytes recoverSender(byte[] datagram) {
    int recoveryId = datagram[HASH_SIZE + 64] & 0xff;
    if (recoveryId > 1) {
      throw new InvalidPacketException(
          InvalidPacketException.Reason.BAD_SIGNATURE, "invalid signature recovery id");
    }
    Signature signature =
        new Signature(
            UInt256.fromBytes(Bytes.wrap(datagram, HASH_SIZE, 32)),
            UInt256.fromBytes(Bytes.wrap(datagram, HASH_SIZE + 32, 32)),
            recoveryId);
    Hash signed = Keccak256.hash(Bytes.wrap(datagram, HEADER_SIZE, datagram.length - HEADER_SIZE));
    Optional<byte[]> key = Secp256k1.recoverPublicKey(signed, signature);
    if (key.isEmpty()) {
      throw new InvalidPacketException(
          InvalidPacketException.Reason.BAD_SIGNATURE, "invalid packet signature");
    }
    return Bytes.wrap(key.get());
  }

  // ---- packet-data

  private static void writeData(RlpWriter writer, Packet packet) {
    writer.startList();
    switch (packet) {
      case Ping ping -> {
        writer.writeLong(ping.version());
        Wire.writeEndpoint(writer, ping.from());
        Wire.writeEndpoint(writer, ping.to());
        writer.writeLong(ping.expiration());
        ping.enrSeq().ifPresent(writer::writeLong);
      }
      case Pong pong -> {
        Wire.writeEndpoint(writer, pong.to());
        writer.writeHash(pong.pingHash());
        writer.writeLong(pong.expiration());
        pong.enrSeq().ifPresent(writer::writeLong);
      }
      case FindNode findNode -> {
        writer.writeBytes(findNode.target());
        writer.writeLong(findNode.expiration());
      }
      case Neighbors neighbors -> {
        writer.startList();
        for (Enode node : neighbors.nodes()) {
          writer.startList();
          writer.writeBytes(node.ip().getAddress());
          writer.writeLong(node.udpPort());
          writer.writeLong(node.tcpPort());
          writer.writeBytes(node.publicKey());
          writer.endList();
        }
        writer.endList();
        writer.writeLong(neighbors.expiration());
      }
      case EnrRequest request -> writer.writeLong(request.expiration());
      case EnrResponse response -> {
        writer.writeHash(response.requestHash());
        writer.writeRaw(response.record().encoded().toArrayUnsafe());
      }
    }
    writer.endList();
  }

  private static Ping readPing(RlpReader reader) {
    reader.enterList("ping");
    long version = reader.readLong("version");
    Endpoint from = Wire.readEndpoint(reader, "from");
    Endpoint to = Wire.readEndpoint(reader, "to");
    long expiration = reader.readLong("expiration");
    OptionalLong enrSeq = readOptionalEnrSeq(reader);
    Wire.skipRest(reader, "ping");
    reader.exitList("ping");
    return new Ping(version, from, to, expiration, enrSeq);
  }

  private static Pong readPong(RlpReader reader) {
    reader.enterList("pong");
    Endpoint to = Wire.readEndpoint(reader, "to");
    Hash pingHash = reader.readHash("ping-hash");
    long expiration = reader.readLong("expiration");
    OptionalLong enrSeq = readOptionalEnrSeq(reader);
    Wire.skipRest(reader, "pong");
    reader.exitList("pong");
    return new Pong(to, pingHash, expiration, enrSeq);
  }

  /**
   * EIP-868's optional {@code enr-seq}. Packets from before EIP-868 may carry other extra elements
   * in that position (EIP-8's vectors put a list there): a list is such an element, not a sequence
   * number.
   */
  private static OptionalLong readOptionalEnrSeq(RlpReader reader) {
    if (!reader.hasNext() || reader.nextIsList()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(reader.readLong("enr-seq"));
  }

  private static FindNode readFindNode(RlpReader reader) {
    reader.enterList("findnode");
    Bytes target = Bytes.wrap(reader.readFixed("target", Wire.NODE_ID_SIZE));
    long expiration = reader.readLong("expiration");
    Wire.skipRest(reader, "findnode");
    reader.exitList("findnode");
    return new FindNode(target, expiration);
  }

  private static Neighbors readNeighbors(RlpReader reader) {
    reader.enterList("neighbors");
    reader.enterList("nodes");
    List<Enode> nodes = new ArrayList<>();
    while (reader.hasNext()) {
      reader.enterList("node");
      var ip = Wire.address(reader.readBytes("node.ip"), "node.ip");
      int udp = Wire.readPort(reader, "node.udp-port");
      int tcp = Wire.readPort(reader, "node.tcp-port");
      Bytes id = Bytes.wrap(reader.readFixed("node.node-id", Wire.NODE_ID_SIZE));
      reader.exitList("node");
      nodes.add(new Enode(id, ip, tcp, udp));
    }
    reader.exitList("nodes");
    long expiration = reader.readLong("expiration");
    Wire.skipRest(reader, "neighbors");
    reader.exitList("neighbors");
    return new Neighbors(nodes, expiration);
  }

  private static EnrRequest readEnrRequest(RlpReader reader) {
    reader.enterList("enrrequest");
    long expiration = reader.readLong("expiration");
    Wire.skipRest(reader, "enrrequest");
    reader.exitList("enrrequest");
    return new EnrRequest(expiration);
  }

  private static EnrResponse readEnrResponse(RlpReader reader) {
    reader.enterList("enrresponse");
    Hash requestHash = reader.readHash("request-hash");
    NodeRecord record = NodeRecord.decode(Bytes.wrap(reader.readRaw("ENR")));
    Wire.skipRest(reader, "enrresponse");
    reader.exitList("enrresponse");
    return new EnrResponse(requestHash, record);
  }
}
