package org.distli.p2p.discovery.v4wire;

/**
 * The packet-data of a discovery v4 packet (devp2p discv4.md). Each type is a record named as the
 * specification names it; {@link PacketCodec} turns them into signed datagrams and back.
 */
public sealed interface Packet permits Ping, Pong, FindNode, Neighbors, EnrRequest, EnrResponse {
  /** The packet-type byte. */
  int type();

  /**
   * Whether the packet's {@code expiration} (an absolute UNIX time in seconds) lies before {@code
   * nowSeconds}; such packets are not processed. ENRResponse has no expiration.
   */
  boolean isExpired(long nowSeconds);

  /** An expiration (unsigned 64-bit seconds) is past when it is below now. */
  static boolean isPast(long expiration, long nowSeconds) {
    return Long.compareUnsigned(expiration, nowSeconds) < 0;
  }
}
