package org.distli.p2p.discovery.v4wire;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;

/** A signed datagram ready to send, and its hash (which a reply quotes). */
public record EncodedPacket(Bytes datagram, Hash hash) {}
