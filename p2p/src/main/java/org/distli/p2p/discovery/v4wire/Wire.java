package org.distli.p2p.discovery.v4wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/** Field codecs shared by the packet types. */
final class Wire {
  static final int NODE_ID_SIZE = 64;

  private static final InetAddress UNSPECIFIED = unspecified();

  private Wire() {}

  static void checkPort(int port, String field) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(field + " out of range: " + port);
    }
  }

  static void writeEndpoint(RlpWriter writer, Endpoint endpoint) {
    writer.startList();
    writer.writeBytes(endpoint.ip().getAddress());
    writer.writeLong(endpoint.udpPort());
    writer.writeLong(endpoint.tcpPort());
    writer.endList();
  }

  /**
   * {@code [ip, udp-port, tcp-port]}. An empty IP reads as 0.0.0.0: Ping's {@code from} address is
   * informational (the datagram's source address is what counts), and some implementations leave it
   * empty when they do not know their own address.
   */
  static Endpoint readEndpoint(RlpReader reader, String field) {
    reader.enterList(field);
    byte[] ip = reader.readBytes(field + ".ip");
    InetAddress address = ip.length == 0 ? UNSPECIFIED : address(ip, field + ".ip");
    int udp = readPort(reader, field + ".udp-port");
    int tcp = readPort(reader, field + ".tcp-port");
    reader.exitList(field);
    return new Endpoint(address, udp, tcp);
  }

  static InetAddress address(byte[] ip, String field) {
    if (ip.length != 4 && ip.length != 16) {
      throw new RlpException(field + " must be 4 or 16 bytes, got " + ip.length);
    }
    try {
      return InetAddress.getByAddress(ip);
    } catch (UnknownHostException e) {
      throw new RlpException(field + " is not an IP address");
    }
  }

  static int readPort(RlpReader reader, String field) {
    long port = reader.readLong(field);
    if (port < 0 || port > 65535) {
      throw new RlpException(field + " exceeds 16 bits");
    }
    return (int) port;
  }

  /** Skips the elements a later protocol version may add to a list (EIP-8). */
  static void skipRest(RlpReader reader, String field) {
    while (reader.hasNext()) {
      reader.skip(field);
    }
  }

  private static InetAddress unspecified() {
    try {
      return InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
