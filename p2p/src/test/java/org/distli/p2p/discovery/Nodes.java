package org.distli.p2p.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.distli.crypto.Keccak256;
import org.distli.crypto.SecretKey;
import org.distli.p2p.Enode;

/** Discovery services on 127.0.0.1 for tests, and waiting on conditions with a deadline. */
final class Nodes implements AutoCloseable {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final List<DiscoveryService> started = new ArrayList<>();

  /** Quick timers, so that a test network settles in seconds; ephemeral ports on loopback. */
  static DiscoveryConfig.Builder config() {
    return DiscoveryConfig.builder()
        .bindAddress(LOOPBACK)
        .port(0)
        .tcpPort(30303)
        .responseTimeout(Duration.ofSeconds(1))
        .refreshInterval(Duration.ofSeconds(2))
        .livenessInterval(Duration.ofSeconds(1));
  }

  static SecretKey key(int seed) {
    return SecretKey.of(Keccak256.hash(new byte[] {7, (byte) seed, (byte) (seed >> 8)}).toArray());
  }

  DiscoveryService start(DiscoveryConfig config, SecretKey key) {
    DiscoveryService service = new DiscoveryService(config, key);
    started.add(service);
    service.start();
    return service;
  }

  DiscoveryService startBootnode(int seed) {
    return start(config().build(), key(seed));
  }

  DiscoveryService startWithBootnode(int seed, DiscoveryService bootnode) {
    return start(config().bootnodes(List.of(bootnode.localEnode())).build(), key(seed));
  }

  static boolean knows(DiscoveryService service, Enode node) {
    return service.liveNodes().stream()
        .anyMatch(n -> n.enode().publicKey().equals(node.publicKey()));
  }

  /** Polls {@code condition} every 50 ms until it holds; fails after {@code timeout}. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  @Override
  public void close() {
    started.forEach(DiscoveryService::close);
  }
}
