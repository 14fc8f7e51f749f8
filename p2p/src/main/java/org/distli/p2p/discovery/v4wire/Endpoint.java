package org.distli.p2p.discovery.v4wire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A node's network endpoint as Ping and Pong carry it: {@code [ip, udp-port, tcp-port]}, the IP as
 * 4 or 16 bytes. A recipient learns the sender's UDP address from the datagram itself; the
 * endpoint's TCP port is what it cannot learn otherwise.
 */
public record Endpoint(InetAddress ip, int udpPort, int tcpPort) {
  public Endpoint {
    Objects.requireNonNull(ip, "ip");
    Wire.checkPort(udpPort, "udp-port");
    Wire.checkPort(tcpPort, "tcp-port");
  }

  public static Endpoint of(InetSocketAddress udpAddress, int tcpPort) {
    return new Endpoint(udpAddress.getAddress(), udpAddress.getPort(), tcpPort);
  }
}
