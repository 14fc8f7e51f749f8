package org.distli.p2p.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.p2p.Enode;
import org.distli.p2p.discovery.enr.NodeRecord;
import org.distli.primitives.Hash;
import org.junit.jupiter.api.Test;

/** Discovery services talking over UDP on 127.0.0.1. */
class DiscoveryNetworkTest {
  private static final Bytes ETH_ENTRY = Bytes.fromHexString("0xc7c684fc64ec0480");
  private static final Bytes NEXT_ETH_ENTRY = Bytes.fromHexString("0xcac984fc64ec04830f4240");

  @Test
  void aNodeFindsItsBootnodeAndTheBootnodeFindsIt() {
    try (Nodes nodes = new Nodes()) {
      DiscoveryService bootnode = nodes.startBootnode(1);
      bootnode.setEthEntry(ETH_ENTRY);
      List<DiscoveredNode> found = new CopyOnWriteArrayList<>();
      DiscoveryService node =
          new DiscoveryService(
              Nodes.config().bootnodes(List.of(bootnode.localEnode())).build(), Nodes.key(2));
      node.addListener(found::add);
      try (node) {
        node.start();
        Nodes.await(
            Duration.ofSeconds(20),
            "both nodes know each other",
            () ->
                Nodes.knows(node, bootnode.localEnode())
                    && Nodes.knows(bootnode, node.localEnode()));
        Nodes.await(Duration.ofSeconds(10), "the bootnode is announced", () -> !found.isEmpty());
        DiscoveredNode announced = found.getFirst();
        assertEquals(bootnode.localEnode().publicKey(), announced.enode().publicKey());
        assertEquals(bootnode.localAddress().getPort(), announced.enode().udpPort());
        assertEquals(30303, announced.enode().tcpPort());
        // the record came with it (EIP-868), carrying the opaque "eth" entry
        assertEquals(bootnode.localRecord(), announced.record().orElseThrow());
        assertEquals(ETH_ENTRY, announced.ethEntry().orElseThrow());
      }
    }
  }

  @Test
  void twentyNodesSeededByOneBootnodeAllFindEachOtherAndLookupsConverge() throws Exception {
    int count = 20;
    try (Nodes nodes = new Nodes()) {
      DiscoveryService bootnode = nodes.startBootnode(100);
      List<DiscoveryService> all = new ArrayList<>(List.of(bootnode));
      for (int i = 1; i < count; i++) {
        all.add(nodes.startWithBootnode(100 + i, bootnode));
      }
      Nodes.await(
          Duration.ofSeconds(90),
          "every node has every other in its table",
          () -> all.stream().allMatch(s -> s.liveNodes().size() == count - 1));

      // a lookup from any node finds the 16 nodes closest to the target among all the others
      Random random = new Random(42);
      for (int round = 0; round < 3; round++) {
        byte[] target = new byte[64];
        random.nextBytes(target);
        DiscoveryService asker = all.get(random.nextInt(count));
        List<Enode> result = asker.lookup(Bytes.wrap(target)).get(30, TimeUnit.SECONDS);
        Hash targetId = Keccak256.hash(target);
        Comparator<Hash> order = RoutingTable.byDistanceTo(targetId);
        List<Bytes> expected =
            all.stream()
                .filter(s -> s != asker)
                .map(s -> s.localEnode())
                .sorted((a, b) -> order.compare(a.distanceId(), b.distanceId()))
                .limit(16)
                .map(Enode::publicKey)
                .toList();
        assertEquals(expected, result.stream().map(Enode::publicKey).toList());
      }
    }
  }

  @Test
  void aChangedRecordReachesPeersWithItsHigherSequenceNumber() {
    try (Nodes nodes = new Nodes()) {
      DiscoveryService bootnode = nodes.startBootnode(3);
      bootnode.setEthEntry(ETH_ENTRY);
      Set<Bytes> ethEntriesSeen = ConcurrentHashMap.newKeySet();
      DiscoveryService node =
          new DiscoveryService(
              Nodes.config().bootnodes(List.of(bootnode.localEnode())).build(), Nodes.key(4));
      node.addListener(n -> n.ethEntry().ifPresent(ethEntriesSeen::add));
      try (node) {
        node.start();
        Nodes.await(
            Duration.ofSeconds(20), "the first record", () -> ethEntriesSeen.contains(ETH_ENTRY));
        long seq = bootnode.localRecord().seq();
        bootnode.setEthEntry(NEXT_ETH_ENTRY); // a fork passed
        assertEquals(seq + 1, bootnode.localRecord().seq());
        bootnode.setEthEntry(NEXT_ETH_ENTRY); // no change, no new record
        assertEquals(seq + 1, bootnode.localRecord().seq());
        Nodes.await(
            Duration.ofSeconds(20),
            "the updated record",
            () -> ethEntriesSeen.contains(NEXT_ETH_ENTRY));
        NodeRecord known =
            node.liveNodes().stream()
                .filter(n -> n.enode().publicKey().equals(bootnode.localEnode().publicKey()))
                .findFirst()
                .orElseThrow()
                .record()
                .orElseThrow();
        assertEquals(seq + 1, known.seq());
      }
    }
  }

  @Test
  void aNodeThatStopsAnsweringIsDropped() {
    try (Nodes nodes = new Nodes()) {
      DiscoveryService bootnode = nodes.startBootnode(5);
      Set<Bytes> droppedIds = ConcurrentHashMap.newKeySet();
      bootnode.addListener(
          new DiscoveryListener() {
            @Override
            public void nodeFound(DiscoveredNode node) {}

            @Override
            public void nodeDropped(Enode node) {
              droppedIds.add(node.publicKey());
            }
          });
      DiscoveryService leaving = nodes.startWithBootnode(6, bootnode);
      DiscoveryService staying = nodes.startWithBootnode(7, bootnode);
      Nodes.await(
          Duration.ofSeconds(20),
          "the bootnode knows both",
          () -> bootnode.liveNodes().size() == 2);
      Enode gone = leaving.localEnode();
      leaving.close();
      Nodes.await(
          Duration.ofSeconds(30),
          "the silent node is dropped",
          () -> droppedIds.contains(gone.publicKey()) && !Nodes.knows(bootnode, gone));
      assertTrue(Nodes.knows(bootnode, staying.localEnode()));
    }
  }

  @Test
  void requestRecordAsksANodeForItsRecord() throws Exception {
    try (Nodes nodes = new Nodes()) {
      DiscoveryService a = nodes.startBootnode(8);
      a.setEthEntry(ETH_ENTRY);
      DiscoveryService b = nodes.startBootnode(9);
      NodeRecord record = b.requestRecord(a.localEnode()).get(20, TimeUnit.SECONDS);
      assertEquals(a.localRecord(), record);
      assertEquals(a.localAddress().getPort(), record.udp().getAsInt());
      assertEquals(a.localEnode().publicKey(), record.publicKey());
    }
  }

  @Test
  void aDisabledServiceBindsNothingAndFindsNothing() throws Exception {
    DiscoveryService off = new DiscoveryService(DiscoveryConfig.disabled(), Nodes.key(10));
    try (off) {
      off.start();
      assertFalse(off.isRunning());
      assertEquals(null, off.localAddress());
      assertTrue(off.liveNodes().isEmpty());
      assertTrue(off.lookup(Bytes.wrap(new byte[64])).get(1, TimeUnit.SECONDS).isEmpty());
      // its record still exists, for admin_nodeInfo
      assertEquals(Nodes.key(10).publicKey(), off.localRecord().publicKey());
    }
  }

  static Set<Bytes> ids(List<DiscoveredNode> nodes) {
    return nodes.stream().map(n -> n.enode().publicKey()).collect(Collectors.toSet());
  }
}
