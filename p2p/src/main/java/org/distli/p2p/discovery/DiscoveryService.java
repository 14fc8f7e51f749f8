package org.distli.p2p.discovery;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.SecretKey;
import org.distli.p2p.Enode;
import org.distli.p2p.discovery.enr.NodeRecord;
import org.distli.p2p.discovery.v4wire.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node discovery v4 (devp2p discv4.md with EIP-868 node records) on a UDP socket: finds nodes from
 * the bootnodes, keeps the Kademlia table alive, answers other nodes, and tells {@link
 * DiscoveryListener}s about every node that answers, for the dialler to connect to.
 *
 * <pre>
 * DiscoveryService discovery = new DiscoveryService(config, nodeKey);
 * discovery.setEthEntry(forkIdEntry);            // optional, any time: the record's "eth" entry
 * discovery.addListener(node -> dialler.offer(node.enode()));
 * discovery.start();                             // binds udp/port and asks the bootnodes
 * ...
 * discovery.close();
 * </pre>
 *
 * <p>Threading: one thread ("discovery") runs the socket and the protocol; listeners are called on
 * it, and the futures of {@link #lookup} and {@link #requestRecord} complete on it (chain slow work
 * with the {@code ...Async} methods). The other methods may be called from any thread.
 */
public final class DiscoveryService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);

  /** Received datagrams are read into buffers this large: anything over 1280 bytes is dropped. */
  private static final int RECEIVE_BUFFER = 2048;

  private final DiscoveryConfig config;
  private final SecretKey nodeKey;
  private final Clock clock;
  private final LocalNodeRecord local;
  private final DiscoveryStats stats = new DiscoveryStats();
  private final List<DiscoveryListener> listeners = new CopyOnWriteArrayList<>();
  private EventLoopGroup group;
  private Channel channel;
  private volatile DiscoveryProtocol protocol;
  private volatile InetSocketAddress boundAddress;
  private boolean started;

  public DiscoveryService(DiscoveryConfig config, SecretKey nodeKey) {
    this(config, nodeKey, Clock.systemUTC());
  }

  DiscoveryService(DiscoveryConfig config, SecretKey nodeKey, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.nodeKey = Objects.requireNonNull(nodeKey, "nodeKey");
    this.clock = clock;
    this.local = new LocalNodeRecord(nodeKey, clock.millis());
    local.update(
        record -> {
          advertisedIp().ifPresent(record::ip);
          if (config.port() > 0) {
            record.udp(config.port());
          }
          if (config.tcpPort() > 0) {
            record.tcp(config.tcpPort());
          }
        });
  }

  /**
   * Binds the UDP socket and starts finding nodes. Does nothing when discovery is disabled.
   *
   * @throws IllegalStateException when the port cannot be bound, or when started twice
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("discovery already started");
    }
    started = true;
    if (!config.enabled()) {
      LOG.info("Discovery is off: peers come from static nodes only");
      return;
    }
    group =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("discovery", true), NioIoHandler.newFactory());
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioDatagramChannel.class)
            .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_BUFFER))
            .handler(new Inbound());
    try {
      channel = bootstrap.bind(config.bindAddress(), config.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      group = null;
      throw new IllegalStateException(
          "cannot bind discovery to udp/"
              + config.bindAddress().getHostAddress()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
    boundAddress = (InetSocketAddress) channel.localAddress();
    local.update(record -> record.udp(boundAddress.getPort()));
    ScheduledExecutorService loop = channel.eventLoop();
    DiscoveryProtocol created =
        new DiscoveryProtocol(
            nodeKey,
            config,
            local,
            new Endpoint(
                advertisedIp().orElse(config.bindAddress()),
                boundAddress.getPort(),
                config.tcpPort()),
            (datagram, to) ->
                channel.writeAndFlush(
                    new DatagramPacket(Unpooled.wrappedBuffer(datagram.toArrayUnsafe()), to)),
            loop,
            clock,
            stats,
            this::announceFound,
            this::announceDropped);
    protocol = created;
    loop.execute(created::start);
    LOG.info(
        "Discovery v4 on udp/{}:{}, {} bootnode(s): {}",
        boundAddress.getAddress().getHostAddress(),
        boundAddress.getPort(),
        config.bootnodes().size(),
        localEnode());
  }

  /** Stops answering and asking, and releases the socket. */
  @Override
  public synchronized void close() {
    DiscoveryProtocol running = protocol;
    if (running != null) {
      channel.eventLoop().execute(running::stop);
      channel.close().syncUninterruptibly();
      protocol = null;
    }
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      group = null;
    }
  }

  public boolean isRunning() {
    return protocol != null;
  }

  public DiscoveryConfig config() {
    return config;
  }

  public void addListener(DiscoveryListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(DiscoveryListener listener) {
    listeners.remove(listener);
  }

  /**
   * Sets the "eth" entry of our node record: the RLP of {@code [[forkHash, forkNext]]} (EIP-2124,
   * devp2p enr-entries/eth.md), computed by the eth protocol from the chain's forks. Changing it
   * signs a new record with the next sequence number; peers fetch it when they see that number.
   * {@code null} removes the entry.
   *
   * @throws IllegalArgumentException when it is not one RLP item
   */
  public void setEthEntry(Bytes ethEntry) {
    local.update(
        record -> {
          if (ethEntry == null) {
            record.remove("eth");
          } else {
            record.set("eth", ethEntry);
          }
        });
  }

  /** Our current node record. */
  public NodeRecord localRecord() {
    return local.record();
  }

  /**
   * Our enode URL: the advertised address, else the bound one, else 127.0.0.1 (as go-ethereum
   * prints it when the external address is unknown).
   */
  public Enode localEnode() {
    InetAddress ip =
        advertisedIp()
            .orElseGet(
                () ->
                    boundAddress != null && !boundAddress.getAddress().isAnyLocalAddress()
                        ? boundAddress.getAddress()
                        : InetAddress.getLoopbackAddress());
    int udp = boundAddress != null ? boundAddress.getPort() : config.port();
    return new Enode(nodeKey.publicKey(), ip, config.tcpPort(), udp);
  }

  /** The bound UDP address, once started. */
  public InetSocketAddress localAddress() {
    return boundAddress;
  }

  /** The live nodes of the table, with their records when known. Empty when not running. */
  public List<DiscoveredNode> liveNodes() {
    DiscoveryProtocol running = protocol;
    if (running == null) {
      return List.of();
    }
    return callOnLoop(running::liveNodes);
  }

  /**
   * Looks up the nodes closest to {@code targetKey} (a 64-byte public key, or random bytes to
   * explore); completes with up to 16 nodes, closest first.
   */
  public CompletableFuture<List<Enode>> lookup(Bytes targetKey) {
    if (targetKey.size() != 64) {
      throw new IllegalArgumentException("a lookup target is a 64-byte key");
    }
    return onLoop(running -> running.lookup(targetKey), List.of());
  }

  /** Asks a node for its record (EIP-868); fails when it does not answer in time. */
  public CompletableFuture<NodeRecord> requestRecord(Enode node) {
    return onLoop(running -> running.requestRecord(node), null);
  }

  public DiscoveryStats stats() {
    return stats;
  }

  private java.util.Optional<InetAddress> advertisedIp() {
    if (config.advertisedIp().isPresent()) {
      return config.advertisedIp();
    }
    return config.bindAddress().isAnyLocalAddress()
        ? java.util.Optional.empty()
        : java.util.Optional.of(config.bindAddress());
  }

  private void announceFound(DiscoveredNode node) {
    for (DiscoveryListener listener : listeners) {
      try {
        listener.nodeFound(node);
      } catch (RuntimeException e) {
        LOG.warn("Discovery listener failed on {}", node.enode(), e);
      }
    }
  }

  private void announceDropped(Enode node) {
    for (DiscoveryListener listener : listeners) {
      try {
        listener.nodeDropped(node);
      } catch (RuntimeException e) {
        LOG.warn("Discovery listener failed on {}", node, e);
      }
    }
  }

  private <T> CompletableFuture<T> onLoop(
      java.util.function.Function<DiscoveryProtocol, CompletableFuture<T>> task, T whenStopped) {
    DiscoveryProtocol running = protocol;
    if (running == null) {
      if (whenStopped == null) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("discovery is not running"));
      }
      return CompletableFuture.completedFuture(whenStopped);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    channel
        .eventLoop()
        .execute(
            () ->
                task.apply(running)
                    .whenComplete(
                        (value, failure) -> {
                          if (failure != null) {
                            result.completeExceptionally(failure);
                          } else {
                            result.complete(value);
                          }
                        }));
    return result;
  }

  private <T> T callOnLoop(Supplier<T> task) {
    if (channel.eventLoop().inEventLoop()) {
      return task.get();
    }
    try {
      return channel.eventLoop().submit(task::get).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("discovery did not answer: " + e.getMessage(), e);
    }
  }

  /** Hands each datagram to the protocol, on the channel's (the discovery) thread. */
  private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext context, DatagramPacket packet) {
      DiscoveryProtocol running = protocol;
      if (running == null) {
        return;
      }
      ByteBuf content = packet.content();
      byte[] datagram = new byte[content.readableBytes()];
      content.readBytes(datagram);
      running.onDatagram(datagram, packet.sender());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      LOG.debug("Discovery socket error: {}", cause.toString());
    }
  }
}
