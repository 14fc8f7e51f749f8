package org.distli.p2p.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.distli.p2p.Enode;

/**
 * Settings of discovery v4.
 *
 * @param enabled false for a fixed set of peers (static nodes only): nothing is bound or sent
 * @param bindAddress the UDP socket's address (0.0.0.0 for all interfaces)
 * @param port the UDP port; by default the RLPx TCP port ({@code network.port}, 30303), which UDP
 *     can share; 0 picks a free port (tests)
 * @param tcpPort the RLPx port advertised in pings and the node record; 0 for none
 * @param advertisedIp the address other nodes should use, put in the node record; without it the
 *     bind address is advertised unless it is 0.0.0.0, in which case the record carries no address
 *     (peers use the address our packets come from)
 * @param bootnodes nodes to ask first, as enode URLs
 * @param responseTimeout how long a request waits for its reply (go-ethereum: 500 ms)
 * @param refreshInterval how often the table is refreshed by lookups of our own id and of random
 *     ids (go-ethereum: 30 minutes); an empty table retries its bootnodes every 10 seconds
 * @param livenessInterval how often the least recently seen node of a random bucket is pinged
 * @param packetsPerSecondPerAddress incoming datagrams allowed per source address and second
 * @param packetsPerSecond incoming datagrams allowed in total per second
 * @param maxPendingReplies requests that may wait for replies at once
 */
public record DiscoveryConfig(
    boolean enabled,
    InetAddress bindAddress,
    int port,
    int tcpPort,
    Optional<InetAddress> advertisedIp,
    List<Enode> bootnodes,
    Duration responseTimeout,
    Duration refreshInterval,
    Duration livenessInterval,
    int packetsPerSecondPerAddress,
    int packetsPerSecond,
    int maxPendingReplies) {

  public static final int DEFAULT_PORT = 30303;

  public DiscoveryConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(advertisedIp, "advertisedIp");
    bootnodes = List.copyOf(bootnodes);
    checkPort(port, "port");
    checkPort(tcpPort, "tcpPort");
    checkPositive(responseTimeout, "responseTimeout");
    checkPositive(refreshInterval, "refreshInterval");
    checkPositive(livenessInterval, "livenessInterval");
    if (packetsPerSecondPerAddress < 1 || packetsPerSecond < 1 || maxPendingReplies < 1) {
      throw new IllegalArgumentException("discovery limits must be positive");
    }
  }

  /** Discovery on UDP 30303 of all interfaces, advertising RLPx on TCP 30303, no bootnodes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Discovery turned off. */
  public static DiscoveryConfig disabled() {
    return builder().enabled(false).build();
  }

  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .bindAddress(bindAddress)
        .port(port)
        .tcpPort(tcpPort)
        .advertisedIp(advertisedIp.orElse(null))
        .bootnodes(bootnodes)
        .responseTimeout(responseTimeout)
        .refreshInterval(refreshInterval)
        .livenessInterval(livenessInterval)
        .packetsPerSecondPerAddress(packetsPerSecondPerAddress)
        .packetsPerSecond(packetsPerSecond)
        .maxPendingReplies(maxPendingReplies);
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " out of range: " + port);
    }
  }

  private static void checkPositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  public static final class Builder {
    private boolean enabled = true;
    private InetAddress bindAddress = anyLocal();
    private int port = DEFAULT_PORT;
    private int tcpPort = DEFAULT_PORT;
    private InetAddress advertisedIp;
    private List<Enode> bootnodes = List.of();
    private Duration responseTimeout = Duration.ofMillis(500);
    private Duration refreshInterval = Duration.ofMinutes(30);
    private Duration livenessInterval = Duration.ofSeconds(10);
    private int packetsPerSecondPerAddress = 100;
    private int packetsPerSecond = 2000;
    private int maxPendingReplies = 1024;

    private Builder() {}

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder bindAddress(InetAddress bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder tcpPort(int tcpPort) {
      this.tcpPort = tcpPort;
      return this;
    }

    /** null for none. */
    public Builder advertisedIp(InetAddress advertisedIp) {
      this.advertisedIp = advertisedIp;
      return this;
    }

    public Builder bootnodes(List<Enode> bootnodes) {
      this.bootnodes = bootnodes;
      return this;
    }

    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = responseTimeout;
      return this;
    }

    public Builder refreshInterval(Duration refreshInterval) {
      this.refreshInterval = refreshInterval;
      return this;
    }

    public Builder livenessInterval(Duration livenessInterval) {
      this.livenessInterval = livenessInterval;
      return this;
    }

    public Builder packetsPerSecondPerAddress(int packetsPerSecondPerAddress) {
      this.packetsPerSecondPerAddress = packetsPerSecondPerAddress;
      return this;
    }

    public Builder packetsPerSecond(int packetsPerSecond) {
      this.packetsPerSecond = packetsPerSecond;
      return this;
    }

    public Builder maxPendingReplies(int maxPendingReplies) {
      this.maxPendingReplies = maxPendingReplies;
      return this;
    }

    public DiscoveryConfig build() {
      return new DiscoveryConfig(
          enabled,
          bindAddress,
          port,
          tcpPort,
          Optional.ofNullable(advertisedIp),
          bootnodes,
          responseTimeout,
          refreshInterval,
          livenessInterval,
          packetsPerSecondPerAddress,
          packetsPerSecond,
          maxPendingReplies);
    }

    private static InetAddress anyLocal() {
      try {
        return InetAddress.getByAddress(new byte[4]);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
