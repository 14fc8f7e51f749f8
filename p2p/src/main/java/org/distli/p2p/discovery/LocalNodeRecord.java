package org.distli.p2p.discovery;

import java.util.function.Consumer;
import org.distli.crypto.SecretKey;
import org.distli.p2p.discovery.enr.NodeRecord;

/**
 * Our own node record. Every change of an entry signs a new record with the next sequence number,
 * so that peers who see the higher enr-seq in our Ping or Pong fetch it again (EIP-868). The first
 * sequence number is the start time in milliseconds, as go-ethereum does without a database: a
 * restarted node publishes a higher number than it did before without storing it. Thread-safe.
 */
final class LocalNodeRecord {
  private final SecretKey key;
  private volatile NodeRecord current;

  LocalNodeRecord(SecretKey key, long initialSeq) {
    this.key = key;
    this.current = NodeRecord.builder().seq(initialSeq).sign(key);
  }

  NodeRecord record() {
    return current;
  }

  long seq() {
    return current.seq();
  }

  /** Applies {@code change} to the entries; signs a new record when they differ afterwards. */
  synchronized void update(Consumer<NodeRecord.Builder> change) {
    NodeRecord previous = current;
    NodeRecord.Builder next = previous.toBuilder();
    change.accept(next);
    if (next.entries().equals(previous.entries())) {
      return;
    }
    current = next.seq(previous.seq() + 1).sign(key);
  }
}
