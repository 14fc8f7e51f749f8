package org.distli.p2p;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;

/**
 * A node's address as an enode URL: {@code enode://<public key>@<ip>:<tcp port>?discport=<udp
 * port>}, the format of go-ethereum's bootnodes and static nodes. The public key is the 64-byte
 * uncompressed secp256k1 key without its 0x04 prefix, which is also the node's id on the wire; the
 * discovery table orders nodes by {@link #distanceId()}, keccak256 of that key.
 */
public record Enode(Bytes publicKey, InetAddress ip, int tcpPort, int udpPort) {
  public Enode {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(ip, "ip");
    if (publicKey.size() != 64) {
      throw new IllegalArgumentException(
          "a node id is a 64-byte public key, got " + publicKey.size() + " bytes");
    }
    checkPort(tcpPort, "port");
    checkPort(udpPort, "discport");
  }

  /**
   * Parses an enode URL. Host names are not accepted (as in go-ethereum's static nodes): the host
   * must be an IPv4 or IPv6 literal. Without {@code discport} the UDP port is the TCP port.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Enode parse(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an enode URL: " + url);
    }
    if (!"enode".equals(uri.getScheme())) {
      throw new IllegalArgumentException("not an enode URL (enode://<id>@<ip>:<port>): " + url);
    }
    String id = uri.getUserInfo();
    if (id == null || id.length() != 128) {
      throw new IllegalArgumentException(
          "an enode URL needs a node id of 128 hex digits before '@': " + url);
    }
    Bytes key;
    try {
      key = Hex.decode(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid node id in enode URL: " + url);
    }
    String host = uri.getHost();
    if (host == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("an enode URL needs <ip>:<port> after '@': " + url);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException(
          "an enode URL needs an IP address, not a host name: " + url);
    }
    InetAddress ip;
    try {
      ip = InetAddress.getByName(host); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid IP address in enode URL: " + url);
    }
    int udp = uri.getPort();
    String query = uri.getQuery();
    if (query != null && !query.isEmpty()) {
      for (String part : query.split("&")) {
        if (part.startsWith("discport=")) {
          try {
            udp = Integer.parseInt(part.substring("discport=".length()));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid discport in enode URL: " + url);
          }
        }
      }
    }
    return new Enode(key, ip, uri.getPort(), udp);
  }

  /** keccak256 of the public key: the id discovery's XOR distance works on. */
  public Hash distanceId() {
    return Keccak256.hash(publicKey);
  }

  /** The public key in hex without 0x, as enode URLs and admin_peers show it. */
  public String idHex() {
    return publicKey.toUnprefixedHexString();
  }

  @Override
  public String toString() {
    String host = ip.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    String url = "enode://" + idHex() + "@" + host + ":" + tcpPort;
    return udpPort == tcpPort ? url : url + "?discport=" + udpPort;
  }

  private static void checkPort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " out of range: " + port);
    }
  }
}
