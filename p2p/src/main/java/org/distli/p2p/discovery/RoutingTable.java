package org.distli.p2p.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.tuweni.bytes.Bytes;
import org.distli.p2p.Enode;
import org.distli.primitives.Hash;

/**
 * The Kademlia table of discv4.md: for each log distance 1..256 from our own id (distances taken
 * between keccak256 of the public keys) a bucket of at most {@code k = 16} nodes, least recently
 * seen first, plus a short list of replacements for when one of them dies.
 *
 * <p>Only nodes that answered a ping enter it. A full bucket keeps its nodes (old, proven nodes are
 * the ones most likely to stay, and a flood of newcomers cannot push them out); the newcomer waits
 * in the replacements while the caller checks the least recently seen node. As an eclipse-attack
 * limit, at most 2 nodes of a bucket and 10 of the table may share a /24 (IPv4) or /64 (IPv6)
 * network, except loopback and private addresses.
 *
 * <p>Not thread-safe: the discovery thread owns it.
 */
final class RoutingTable {
  static final int BUCKET_COUNT = 256;
  static final int BUCKET_SIZE = 16;
  static final int MAX_REPLACEMENTS = 10;
  static final int BUCKET_SUBNET_LIMIT = 2;
  static final int TABLE_SUBNET_LIMIT = 10;

  /** What {@link #addVerified} did with a node. */
  enum AddResult {
    /** a new entry of its bucket */
    ADDED,
    /** already there: endpoint updated, moved to the most recently seen end */
    UPDATED,
    /** its bucket is full: kept as a replacement; the bucket's oldest node needs a check */
    REPLACEMENT,
    /** our own id, or too many nodes from its network */
    REFUSED
  }

  private final Hash self;
  private final Bucket[] buckets = new Bucket[BUCKET_COUNT];
  private final Map<Bytes, TableNode> byId = new HashMap<>();
  private final Map<Bytes, Integer> subnetCounts = new HashMap<>();

  RoutingTable(Hash self) {
    this.self = self;
    for (int i = 0; i < BUCKET_COUNT; i++) {
      buckets[i] = new Bucket();
    }
  }

  /** The bit length of {@code a XOR b}: 0 for equal ids, 256 for ids differing in the top bit. */
  static int logDistance(Hash a, Hash b) {
    for (int i = 0; i < Hash.SIZE; i++) {
      int x = (a.get(i) ^ b.get(i)) & 0xff;
      if (x != 0) {
        return (Hash.SIZE - i) * 8 - (Integer.numberOfLeadingZeros(x) - 24);
      }
    }
    return 0;
  }

  /** Orders ids by XOR distance to {@code target}, closest first. */
  static Comparator<Hash> byDistanceTo(Hash target) {
    return (a, b) -> {
      for (int i = 0; i < Hash.SIZE; i++) {
        int da = (a.get(i) ^ target.get(i)) & 0xff;
        int db = (b.get(i) ^ target.get(i)) & 0xff;
        if (da != db) {
          return Integer.compare(da, db);
        }
      }
      return 0;
    };
  }

  AddResult addVerified(Enode enode, long nowMillis) {
    Hash id = enode.distanceId();
    if (id.equals(self)) {
      return AddResult.REFUSED;
    }
    TableNode existing = byId.get(enode.publicKey());
    Bucket bucket = bucketOf(id);
    if (existing != null) {
      if (!existing.enode().ip().equals(enode.ip())) {
        Bytes oldSubnet = subnet(existing.enode().ip());
        Bytes newSubnet = subnet(enode.ip());
        if (newSubnet != null
            && !newSubnet.equals(oldSubnet)
            && !subnetHasRoom(bucket, newSubnet)) {
          return AddResult.REFUSED;
        }
        countSubnet(oldSubnet, -1);
        countSubnet(newSubnet, 1);
      }
      existing.enode(enode);
      existing.verified(nowMillis);
      bucket.entries.remove(existing);
      bucket.entries.add(existing);
      return AddResult.UPDATED;
    }
    Bytes subnet = subnet(enode.ip());
    if (subnet != null && !subnetHasRoom(bucket, subnet)) {
      return AddResult.REFUSED;
    }
    if (bucket.entries.size() < BUCKET_SIZE) {
      TableNode node = new TableNode(enode, nowMillis);
      bucket.entries.add(node);
      byId.put(enode.publicKey(), node);
      countSubnet(subnet, 1);
      bucket.replacements.removeIf(r -> r.enode().publicKey().equals(enode.publicKey()));
      return AddResult.ADDED;
    }
    bucket.replacements.removeIf(r -> r.enode().publicKey().equals(enode.publicKey()));
    bucket.replacements.addFirst(new TableNode(enode, nowMillis));
    if (bucket.replacements.size() > MAX_REPLACEMENTS) {
      bucket.replacements.removeLast();
    }
    return AddResult.REPLACEMENT;
  }

  Optional<TableNode> get(Bytes publicKey) {
    return Optional.ofNullable(byId.get(publicKey));
  }

  boolean contains(Bytes publicKey) {
    return byId.containsKey(publicKey);
  }

  /** Whether a node with this id would find its bucket full. */
  boolean isBucketFull(Hash id) {
    return bucketOf(id).entries.size() >= BUCKET_SIZE;
  }

  /** The least recently seen node of {@code id}'s bucket. */
  Optional<TableNode> oldestInBucketOf(Hash id) {
    List<TableNode> entries = bucketOf(id).entries;
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getFirst());
  }

  /**
   * Removes a node and moves the most recent replacement of its bucket into its place.
   *
   * @return the promoted replacement, if there was one
   */
  Optional<TableNode> remove(Bytes publicKey) {
    TableNode node = byId.remove(publicKey);
    if (node == null) {
      return Optional.empty();
    }
    Bucket bucket = bucketOf(node.distanceId());
    bucket.entries.remove(node);
    countSubnet(subnet(node.enode().ip()), -1);
    while (!bucket.replacements.isEmpty()) {
      TableNode replacement = bucket.replacements.removeFirst();
      Bytes subnet = subnet(replacement.enode().ip());
      if (subnet == null || subnetHasRoom(bucket, subnet)) {
        bucket.entries.add(replacement);
        byId.put(replacement.enode().publicKey(), replacement);
        countSubnet(subnet, 1);
        return Optional.of(replacement);
      }
    }
    return Optional.empty();
  }

  /** The {@code count} nodes closest to {@code target}, closest first. */
  List<TableNode> closest(Hash target, int count) {
    Comparator<Hash> order = byDistanceTo(target);
    return byId.values().stream()
        .sorted((a, b) -> order.compare(a.distanceId(), b.distanceId()))
        .limit(count)
        .toList();
  }

  /** The least recently seen node of a random non-empty bucket: the next liveness check. */
  Optional<TableNode> livenessCandidate(RandomGenerator random) {
    List<Bucket> nonEmpty = Arrays.stream(buckets).filter(b -> !b.entries.isEmpty()).toList();
    if (nonEmpty.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(nonEmpty.get(random.nextInt(nonEmpty.size())).entries.getFirst());
  }

  List<TableNode> nodes() {
    return new ArrayList<>(byId.values());
  }

  int size() {
    return byId.size();
  }

  private Bucket bucketOf(Hash id) {
    int distance = logDistance(self, id);
    return buckets[Math.max(distance, 1) - 1];
  }

  private boolean subnetHasRoom(Bucket bucket, Bytes subnet) {
    if (subnetCounts.getOrDefault(subnet, 0) >= TABLE_SUBNET_LIMIT) {
      return false;
    }
    long inBucket =
        bucket.entries.stream().filter(n -> subnet.equals(subnet(n.enode().ip()))).count();
    return inBucket < BUCKET_SUBNET_LIMIT;
  }

  private void countSubnet(Bytes subnet, int delta) {
    if (subnet != null) {
      subnetCounts.merge(subnet, delta, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  /** The /24 or /64 network of a public address; null for addresses the limits exempt. */
  static Bytes subnet(InetAddress ip) {
    if (ip.isLoopbackAddress()
        || ip.isSiteLocalAddress()
        || ip.isLinkLocalAddress()
        || ip.isAnyLocalAddress()
        || isUniqueLocal(ip)) {
      return null;
    }
    byte[] address = ip.getAddress();
    return Bytes.wrap(address, 0, ip instanceof Inet4Address ? 3 : 8);
  }

  private static boolean isUniqueLocal(InetAddress ip) {
    return !(ip instanceof Inet4Address) && (ip.getAddress()[0] & 0xfe) == 0xfc;
  }

  private static final class Bucket {
    /** least recently seen first */
    final List<TableNode> entries = new ArrayList<>(BUCKET_SIZE);

    /** most recently verified first */
    final List<TableNode> replacements = new ArrayList<>(MAX_REPLACEMENTS + 1);
  }
}
