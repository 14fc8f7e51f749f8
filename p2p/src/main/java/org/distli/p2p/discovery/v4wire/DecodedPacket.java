package org.distli.p2p.discovery.v4wire;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;

/**
 * A received packet whose hash and signature checked out: the packet, the sender's 64-byte public
 * key (its node id) recovered from the signature, and the packet's hash.
 */
public record DecodedPacket(Packet packet, Bytes sender, Hash hash) {}
