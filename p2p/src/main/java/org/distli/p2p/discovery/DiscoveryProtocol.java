package org.distli.p2p.discovery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.crypto.SecretKey;
import org.distli.p2p.Enode;
import org.distli.p2p.discovery.DiscoveryStats.Drop;
import org.distli.p2p.discovery.enr.NodeRecord;
import org.distli.p2p.discovery.v4wire.DecodedPacket;
import org.distli.p2p.discovery.v4wire.EncodedPacket;
import org.distli.p2p.discovery.v4wire.Endpoint;
import org.distli.p2p.discovery.v4wire.EnrRequest;
import org.distli.p2p.discovery.v4wire.EnrResponse;
import org.distli.p2p.discovery.v4wire.FindNode;
import org.distli.p2p.discovery.v4wire.InvalidPacketException;
import org.distli.p2p.discovery.v4wire.Neighbors;
import org.distli.p2p.discovery.v4wire.Packet;
import org.distli.p2p.discovery.v4wire.PacketCodec;
import org.distli.p2p.discovery.v4wire.Ping;
import org.distli.p2p.discovery.v4wire.Pong;
import org.distli.primitives.Hash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The behaviour of discovery v4, apart from sockets: answering packets, the endpoint proof
 * ("bond"), requests and their replies, the table, lookups, liveness checks and refreshes.
 *
 * <p>Everything runs on one thread, the {@code loop} (the UDP channel's event loop): datagrams
 * arrive on it, reply deadlines and maintenance are scheduled on it, and the futures it returns
 * complete on it. So the table, the proofs and the pending replies need no locks, and the order of
 * events is the order they happened in.
 */
final class DiscoveryProtocol {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryProtocol.class);

  /** Seconds a sent packet stays valid (go-ethereum: 20). */
  static final long EXPIRATION_SECONDS = 20;

  /** FindNode failures after which a table node is dropped (go-ethereum: 5). */
  static final int MAX_FINDNODE_FAILURES = 5;

  /** Pings of nodes heard of in Neighbors replies, at once, on top of the requests. */
  static final int MAX_CANDIDATE_PINGS = 32;

  /** How soon an empty table asks its bootnodes again. */
  static final long RESEED_MILLIS = 10_000;

  /** Sends a datagram; called on the loop. */
  interface Transport {
    void send(Bytes datagram, InetSocketAddress to);
  }

  private final SecretKey key;
  private final Bytes selfKey;
  private final DiscoveryConfig config;
  private final LocalNodeRecord local;
  private final Transport transport;
  private final ScheduledExecutorService loop;
  private final Clock clock;
  private final Consumer<DiscoveredNode> found;
  private final Consumer<Enode> dropped;
  private final DiscoveryStats stats;
  private final RoutingTable table;
  private final EndpointProofs proofs;
  private final ReplyMatcher matcher;
  private final RateLimiter limiter;
  private final Random random = new Random();
  private final Map<Bytes, CompletableFuture<Pong>> pingsInFlight = new HashMap<>();
  private Endpoint localEndpoint;
  private int candidatePings;
  private boolean stopped;

  DiscoveryProtocol(
      SecretKey key,
      DiscoveryConfig config,
      LocalNodeRecord local,
      Endpoint localEndpoint,
      Transport transport,
      ScheduledExecutorService loop,
      Clock clock,
      DiscoveryStats stats,
      Consumer<DiscoveredNode> found,
      Consumer<Enode> dropped) {
    this.key = key;
    this.selfKey = key.publicKey();
    this.config = config;
    this.local = local;
    this.localEndpoint = localEndpoint;
    this.transport = transport;
    this.loop = loop;
    this.clock = clock;
    this.stats = stats;
    this.found = found;
    this.dropped = dropped;
    this.table = new RoutingTable(Keccak256.hash(selfKey));
    this.proofs = new EndpointProofs(10_000);
    this.matcher = new ReplyMatcher(loop, config.maxPendingReplies());
    this.limiter =
        new RateLimiter(
            config.packetsPerSecondPerAddress(),
            config.packetsPerSecond(),
            10_000,
            System.nanoTime());
  }

  // ---- maintenance

  /** Seeds the table from the bootnodes and schedules refreshes and liveness checks. */
  void start() {
    refresh();
    scheduleLivenessCheck();
  }

  void stop() {
    stopped = true;
  }

  private void refresh() {
    if (stopped) {
      return;
    }
    lookup(selfKey)
        .thenCompose(ignored -> lookup(randomKey()))
        .thenCompose(ignored -> lookup(randomKey()))
        .thenCompose(ignored -> lookup(randomKey()))
        .whenComplete(
            (ignored, failure) -> {
              long next =
                  table.size() == 0 && !config.bootnodes().isEmpty()
                      ? RESEED_MILLIS
                      : config.refreshInterval().toMillis();
              if (!stopped) {
                loop.schedule(this::refresh, next, TimeUnit.MILLISECONDS);
              }
            });
  }

  private void scheduleLivenessCheck() {
    if (stopped) {
      return;
    }
    // jittered between half and one and a half intervals, so that nodes started together spread
    long interval = config.livenessInterval().toMillis();
    long delay = interval / 2 + (long) (random.nextDouble() * interval);
    loop.schedule(
        () -> {
          checkLiveness();
          scheduleLivenessCheck();
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  /** Pings the least recently seen node of a random bucket; removes it when it does not answer. */
  void checkLiveness() {
    table
        .livenessCandidate(random)
        .ifPresent(
            node ->
                ping(node.enode())
                    .whenComplete(
                        (pong, failure) -> {
                          if (failure == null) {
                            table
                                .get(node.enode().publicKey())
                                .ifPresent(TableNode::passedLivenessCheck);
                          } else {
                            removeDead(node.enode());
                          }
                        }));
  }

  private void removeDead(Enode node) {
    if (!table.contains(node.publicKey())) {
      return;
    }
    LOG.debug("Discovery: {} stopped answering, removed", node);
    table.remove(node.publicKey()).ifPresent(promoted -> found.accept(promoted.toDiscovered()));
    dropped.accept(node);
  }

  // ---- queries for the service

  /** A lookup of {@code target} (a 64-byte key), seeded from the table or else the bootnodes. */
  CompletableFuture<List<Enode>> lookup(Bytes target) {
    Lookup lookup = new Lookup(target, selfKey, this::findNode, this::findNodeFailed);
    List<Enode> seeds = new ArrayList<>();
    table.closest(lookup.target(), RoutingTable.BUCKET_SIZE).forEach(n -> seeds.add(n.enode()));
    if (seeds.size() < Lookup.ALPHA) {
      seeds.addAll(config.bootnodes());
    }
    return lookup.start(seeds);
  }

  List<DiscoveredNode> liveNodes() {
    return table.nodes().stream().map(TableNode::toDiscovered).toList();
  }

  int tableSize() {
    return table.size();
  }

  int pendingReplies() {
    return matcher.size();
  }

  /** Our record changed: peers learn it from the enr-seq of our next Ping or Pong. */
  void localEndpoint(Endpoint endpoint) {
    this.localEndpoint = endpoint;
  }

  private Bytes randomKey() {
    byte[] bytes = new byte[64];
    random.nextBytes(bytes);
    return Bytes.wrap(bytes);
  }

  // ---- received datagrams

  void onDatagram(byte[] datagram, InetSocketAddress from) {
    stats.received();
    if (datagram.length > PacketCodec.MAX_PACKET_SIZE) {
      stats.dropped(Drop.OVERSIZED);
      return;
    }
    if (!limiter.tryAcquire(from, System.nanoTime())) {
      stats.dropped(Drop.RATE_LIMITED);
      return;
    }
    DecodedPacket decoded;
    try {
      decoded = PacketCodec.decode(datagram);
    } catch (InvalidPacketException e) {
      stats.dropped(Drop.INVALID);
      LOG.trace("Discovery: dropped a packet from {}: {}", from, e.getMessage());
      return;
    }
    if (decoded.sender().equals(selfKey)) {
      stats.dropped(Drop.FROM_SELF);
      return;
    }
    if (decoded.packet().isExpired(nowSeconds())) {
      stats.dropped(Drop.EXPIRED);
      return;
    }
    switch (decoded.packet()) {
      case Ping ping -> onPing(ping, decoded, from);
      case Pong pong -> onReply(pong, decoded, from);
      case FindNode findNode -> onFindNode(findNode, decoded, from);
      case Neighbors neighbors -> onReply(neighbors, decoded, from);
      case EnrRequest request -> onEnrRequest(decoded, from);
      case EnrResponse response -> onReply(response, decoded, from);
    }
  }

  private void onPing(Ping ping, DecodedPacket decoded, InetSocketAddress from) {
    Bytes id = decoded.sender();
    InetAddress ip = from.getAddress();
    int tcpPort = ping.from().tcpPort();
    send(new Pong(Endpoint.of(from, tcpPort), decoded.hash(), expiration(), enrSeq()), from);
    long now = clock.millis();
    proofs.pingReceived(id, ip, now);
    matcher.dispatch(id, ip, ping, decoded.hash()); // wakes a bond waiting for this ping
    Enode sender = new Enode(id, ip, tcpPort, from.getPort());
    if (proofs.isVerified(id, ip, now)) {
      onVerified(sender, ping.enrSeq());
    } else {
      // no endpoint proof for it yet: ping back (discv4.md), the pong adds it to the table
      ping(sender);
    }
  }

  private void onReply(Packet reply, DecodedPacket decoded, InetSocketAddress from) {
    if (!matcher.dispatch(decoded.sender(), from.getAddress(), reply, decoded.hash())) {
      stats.dropped(Drop.UNSOLICITED);
    }
  }

  private void onFindNode(FindNode findNode, DecodedPacket decoded, InetSocketAddress from) {
    if (!proofs.isVerified(decoded.sender(), from.getAddress(), clock.millis())) {
      // answering would let a spoofed source address amplify traffic towards a victim
      stats.dropped(Drop.UNVERIFIED);
      return;
    }
    Hash target = Keccak256.hash(findNode.target());
    List<Enode> closest = new ArrayList<>();
    for (TableNode node : table.closest(target, RoutingTable.BUCKET_SIZE)) {
      if (isRelayable(node.enode(), from.getAddress())) {
        closest.add(node.enode());
      }
    }
    long expiration = expiration();
    int at = 0;
    do {
      int end = Math.min(at + PacketCodec.MAX_NEIGHBORS, closest.size());
      send(new Neighbors(closest.subList(at, end), expiration), from);
      at = end;
    } while (at < closest.size());
  }

  private void onEnrRequest(DecodedPacket decoded, InetSocketAddress from) {
    if (!proofs.isVerified(decoded.sender(), from.getAddress(), clock.millis())) {
      stats.dropped(Drop.UNVERIFIED);
      return;
    }
    send(new EnrResponse(decoded.hash(), local.record()), from);
  }

  // ---- requests

  /**
   * Pings a node; completes with its Pong, or exceptionally after the response timeout. A node that
   * answers is verified (its endpoint proof is recorded) and offered to the table. One ping per
   * node is in flight at a time, so a Pong always answers the most recent Ping.
   */
  CompletableFuture<Pong> ping(Enode node) {
    CompletableFuture<Pong> inFlight = pingsInFlight.get(node.publicKey());
    if (inFlight != null) {
      return inFlight;
    }
    CompletableFuture<Pong> result = new CompletableFuture<>();
    EncodedPacket packet =
        PacketCodec.encode(
            new Ping(
                Ping.VERSION,
                localEndpoint,
                new Endpoint(node.ip(), node.udpPort(), 0),
                expiration(),
                enrSeq()),
            key);
    boolean registered =
        matcher.expect(
            node.publicKey(),
            node.ip(),
            Pong.TYPE,
            config.responseTimeout(),
            new ReplyMatcher.Callback() {
              @Override
              public ReplyMatcher.Verdict onReply(Packet reply, Hash hash) {
                Pong pong = (Pong) reply;
                if (!pong.pingHash().equals(packet.hash())) {
                  return ReplyMatcher.Verdict.NOT_MINE;
                }
                pingsInFlight.remove(node.publicKey(), result);
                proofs.pongReceived(node.publicKey(), node.ip(), clock.millis());
                onVerified(node, pong.enrSeq());
                result.complete(pong);
                return ReplyMatcher.Verdict.DONE;
              }

              @Override
              public void onTimeout() {
                pingsInFlight.remove(node.publicKey(), result);
                result.completeExceptionally(timeout("ping", node));
              }
            });
    if (!registered) {
      result.completeExceptionally(busy());
      return result;
    }
    pingsInFlight.put(node.publicKey(), result);
    transmit(packet, node);
    return result;
  }

  /**
   * Asks a node for the nodes closest to {@code target}, bonding first if it has not pinged us
   * lately (it would ignore a FindNode from a node it has not verified). Completes with up to 16
   * nodes once 16 have arrived or a Neighbors packet with fewer than 12 ends the reply; at the
   * deadline with what has arrived, or exceptionally when nothing has.
   */
  CompletableFuture<List<Enode>> findNode(Enode node, Bytes target) {
    return ensureBond(node).thenCompose(ignored -> sendFindNode(node, target));
  }

  private CompletableFuture<List<Enode>> sendFindNode(Enode node, Bytes target) {
    CompletableFuture<List<Enode>> result = new CompletableFuture<>();
    EncodedPacket packet = PacketCodec.encode(new FindNode(target, expiration()), key);
    List<Enode> received = new ArrayList<>();
    boolean registered =
        matcher.expect(
            node.publicKey(),
            node.ip(),
            Neighbors.TYPE,
            config.responseTimeout(),
            new ReplyMatcher.Callback() {
              @Override
              public ReplyMatcher.Verdict onReply(Packet reply, Hash hash) {
                Neighbors neighbors = (Neighbors) reply;
                for (Enode candidate : neighbors.nodes()) {
                  if (received.size() < RoutingTable.BUCKET_SIZE
                      && !candidate.publicKey().equals(selfKey)
                      && isRelayable(candidate, node.ip())) {
                    received.add(candidate);
                    considerCandidate(candidate);
                  }
                }
                if (received.size() >= RoutingTable.BUCKET_SIZE
                    || neighbors.nodes().size() < PacketCodec.MAX_NEIGHBORS) {
                  result.complete(received);
                  return ReplyMatcher.Verdict.DONE;
                }
                return ReplyMatcher.Verdict.MORE;
              }

              @Override
              public void onTimeout() {
                if (received.isEmpty()) {
                  result.completeExceptionally(timeout("findnode", node));
                } else {
                  result.complete(received);
                }
              }
            });
    if (!registered) {
      result.completeExceptionally(busy());
      return result;
    }
    transmit(packet, node);
    return result;
  }

  /** Asks a node for its record (EIP-868), bonding first like FindNode. */
  CompletableFuture<NodeRecord> requestRecord(Enode node) {
    return ensureBond(node).thenCompose(ignored -> sendEnrRequest(node));
  }

  private CompletableFuture<NodeRecord> sendEnrRequest(Enode node) {
    CompletableFuture<NodeRecord> result = new CompletableFuture<>();
    EncodedPacket packet = PacketCodec.encode(new EnrRequest(expiration()), key);
    boolean registered =
        matcher.expect(
            node.publicKey(),
            node.ip(),
            EnrResponse.TYPE,
            config.responseTimeout(),
            new ReplyMatcher.Callback() {
              @Override
              public ReplyMatcher.Verdict onReply(Packet reply, Hash hash) {
                EnrResponse response = (EnrResponse) reply;
                if (!response.requestHash().equals(packet.hash())) {
                  return ReplyMatcher.Verdict.NOT_MINE;
                }
                if (!response.record().publicKey().equals(node.publicKey())) {
                  result.completeExceptionally(
                      new IllegalStateException(node + " answered with another node's record"));
                } else {
                  result.complete(response.record());
                }
                return ReplyMatcher.Verdict.DONE;
              }

              @Override
              public void onTimeout() {
                result.completeExceptionally(timeout("enrrequest", node));
              }
            });
    if (!registered) {
      result.completeExceptionally(busy());
      return result;
    }
    transmit(packet, node);
    return result;
  }

  /**
   * Makes sure the node has verified us before we query it (discv4.md, "Known Issues"): when it has
   * not pinged us within 12 hours, ping it and wait a response timeout for its ping back.
   */
  private CompletableFuture<Void> ensureBond(Enode node) {
    long now = clock.millis();
    if (proofs.hasVerifiedUs(node.publicKey(), node.ip(), now)) {
      return CompletableFuture.completedFuture(null);
    }
    if (proofs.isVerified(node.publicKey(), node.ip(), now)) {
      return awaitPingFrom(node); // we pinged it lately: its ping back is on its way
    }
    return ping(node).thenCompose(pong -> awaitPingFrom(node));
  }

  private CompletableFuture<Void> awaitPingFrom(Enode node) {
    CompletableFuture<Void> pinged = new CompletableFuture<>();
    if (proofs.hasVerifiedUs(node.publicKey(), node.ip(), clock.millis())) {
      pinged.complete(null);
      return pinged;
    }
    boolean registered =
        matcher.expect(
            node.publicKey(),
            node.ip(),
            Ping.TYPE,
            config.responseTimeout(),
            new ReplyMatcher.Callback() {
              @Override
              public ReplyMatcher.Verdict onReply(Packet packet, Hash hash) {
                pinged.complete(null);
                return ReplyMatcher.Verdict.DONE;
              }

              @Override
              public void onTimeout() {
                pinged.complete(null); // it may know us from before: try anyway
              }
            });
    if (!registered) {
      pinged.complete(null);
    }
    return pinged;
  }

  private void findNodeFailed(Enode node) {
    table
        .get(node.publicKey())
        .ifPresent(
            entry -> {
              if (entry.failedFindNode() >= MAX_FINDNODE_FAILURES) {
                removeDead(entry.enode());
              }
            });
  }

  // ---- the table

  /**
   * A node answered our ping, or pinged us with a current endpoint proof: it is alive. A newcomer
   * enters the table (or its replacements when its bucket is full, with a liveness check of the
   * bucket's oldest node); a known node moves to the most recently seen end. Its record is fetched
   * when it advertises a newer one than we have.
   */
  private void onVerified(Enode node, OptionalLong enrSeq) {
    switch (table.addVerified(node, clock.millis())) {
      case ADDED -> {
        TableNode entry = table.get(node.publicKey()).orElseThrow();
        LOG.debug("Discovery: found {}", node);
        if (enrSeq.isPresent()) {
          fetchRecord(entry, true);
        } else {
          found.accept(entry.toDiscovered());
        }
      }
      case UPDATED -> {
        TableNode entry = table.get(node.publicKey()).orElseThrow();
        if (enrSeq.isPresent()
            && (entry.record() == null
                || Long.compareUnsigned(enrSeq.getAsLong(), entry.record().seq()) > 0)) {
          fetchRecord(entry, false);
        }
      }
      case REPLACEMENT ->
          table
              .oldestInBucketOf(node.distanceId())
              .ifPresent(
                  oldest ->
                      ping(oldest.enode())
                          .whenComplete(
                              (pong, failure) -> {
                                if (failure != null) {
                                  removeDead(oldest.enode());
                                }
                              }));
      case REFUSED -> {}
    }
  }

  /**
   * Fetches a table node's record; a newly found node is announced once that is done (with the
   * record, or without when the request fails), a known one only when the record is newer.
   */
  private void fetchRecord(TableNode entry, boolean announceAnyway) {
    Enode node = entry.enode();
    requestRecord(node)
        .whenComplete(
            (record, failure) -> {
              if (table.get(node.publicKey()).orElse(null) != entry) {
                return; // removed meanwhile
              }
              boolean newer =
                  record != null
                      && (entry.record() == null
                          || Long.compareUnsigned(record.seq(), entry.record().seq()) > 0);
              if (newer) {
                entry.record(record);
                record
                    .tcp()
                    .ifPresent(
                        tcp ->
                            entry.enode(
                                new Enode(
                                    node.publicKey(),
                                    entry.enode().ip(),
                                    tcp,
                                    entry.enode().udpPort())));
              }
              if (newer || announceAnyway) {
                found.accept(entry.toDiscovered());
              }
            });
  }

  /**
   * A node heard of in a Neighbors reply: verify it with a ping when its bucket has room, so that
   * the table learns of it. Bounded, so one lookup cannot turn into hundreds of pings.
   */
  private void considerCandidate(Enode candidate) {
    if (table.contains(candidate.publicKey())
        || table.isBucketFull(candidate.distanceId())
        || pingsInFlight.containsKey(candidate.publicKey())
        || candidatePings >= MAX_CANDIDATE_PINGS) {
      return;
    }
    candidatePings++;
    ping(candidate).whenComplete((pong, failure) -> candidatePings--);
  }

  /**
   * Whether a node may be handed to {@code recipient} or taken from a reply of it: an address
   * someone could use (not 0.0.0.0, not multicast, a UDP port), and loopback or private addresses
   * only to and from nodes on loopback or private addresses.
   */
  static boolean isRelayable(Enode node, InetAddress recipient) {
    InetAddress ip = node.ip();
    if (ip.isAnyLocalAddress() || ip.isMulticastAddress() || node.udpPort() == 0) {
      return false;
    }
    if (ip.isLoopbackAddress()) {
      return recipient.isLoopbackAddress();
    }
    if (RoutingTable.subnet(ip) == null) {
      return RoutingTable.subnet(recipient) == null;
    }
    return true;
  }

  // ---- sending

  private void send(Packet packet, InetSocketAddress to) {
    transmit(PacketCodec.encode(packet, key), to);
  }

  private void transmit(EncodedPacket packet, Enode node) {
    transmit(packet, new InetSocketAddress(node.ip(), node.udpPort()));
  }

  private void transmit(EncodedPacket packet, InetSocketAddress to) {
    stats.sent();
    transport.send(packet.datagram(), to);
  }

  private long nowSeconds() {
    return clock.millis() / 1000;
  }

  private long expiration() {
    return nowSeconds() + EXPIRATION_SECONDS;
  }

  private OptionalLong enrSeq() {
    return OptionalLong.of(local.seq());
  }

  private static TimeoutException timeout(String request, Enode node) {
    return new TimeoutException(request + " to " + node + " timed out");
  }

  private static IllegalStateException busy() {
    return new IllegalStateException("too many discovery requests pending");
  }
}
