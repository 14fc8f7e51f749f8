package org.distli.p2p.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.p2p.Enode;
import org.distli.primitives.Hash;

/**
 * One recursive lookup (discv4.md "Recursive Lookup"): starting from the closest nodes we know, ask
 * up to {@code alpha = 3} at a time for the nodes closest to the target, keep the {@code k = 16}
 * closest nodes heard of, and go on until each of those has been asked and has answered or failed.
 * A node that fails is dropped from the result. The number of queries is bounded, so a network that
 * keeps returning new nodes cannot keep a lookup going forever.
 *
 * <p>Runs on the discovery thread: {@code findNode} completes its futures there.
 */
final class Lookup {
  static final int ALPHA = 3;
  static final int MAX_QUERIES = 64;

  private final Hash target;
  private final Bytes targetKey;
  private final Bytes selfKey;
  private final BiFunction<Enode, Bytes, CompletableFuture<List<Enode>>> findNode;
  private final Consumer<Enode> onFailure;
  private final Comparator<Enode> byDistance;
  private final List<Enode> closest = new ArrayList<>();
  private final Set<Bytes> seen = new HashSet<>();
  private final Set<Bytes> asked = new HashSet<>();
  private final CompletableFuture<List<Enode>> result = new CompletableFuture<>();
  private int inFlight;
  private int queries;

  /**
   * @param targetKey the 64-byte key whose neighbourhood is looked up
   * @param findNode sends FindNode to a node and gives the nodes of its reply
   * @param onFailure told of each node that did not answer
   */
  Lookup(
      Bytes targetKey,
      Bytes selfKey,
      BiFunction<Enode, Bytes, CompletableFuture<List<Enode>>> findNode,
      Consumer<Enode> onFailure) {
    this.targetKey = targetKey;
    this.target = Keccak256.hash(targetKey);
    this.selfKey = selfKey;
    this.findNode = findNode;
    this.onFailure = onFailure;
    Comparator<Hash> order = RoutingTable.byDistanceTo(target);
    this.byDistance = (a, b) -> order.compare(a.distanceId(), b.distanceId());
  }

  Hash target() {
    return target;
  }

  /** Starts from {@code seeds}; completes with the closest nodes found, closest first. */
  CompletableFuture<List<Enode>> start(List<Enode> seeds) {
    seeds.forEach(this::consider);
    step();
    return result;
  }

  private void consider(Enode node) {
    if (node.publicKey().equals(selfKey) || !seen.add(node.publicKey())) {
      return;
    }
    int at = 0;
    while (at < closest.size() && byDistance.compare(closest.get(at), node) <= 0) {
      at++;
    }
    if (at < RoutingTable.BUCKET_SIZE) {
      closest.add(at, node);
      if (closest.size() > RoutingTable.BUCKET_SIZE) {
        closest.removeLast();
      }
    }
  }

  private void step() {
    while (!result.isDone() && inFlight < ALPHA && queries < MAX_QUERIES) {
      Enode next =
          closest.stream().filter(n -> !asked.contains(n.publicKey())).findFirst().orElse(null);
      if (next == null) {
        break;
      }
      asked.add(next.publicKey());
      ask(next);
    }
    if (inFlight == 0 && !result.isDone()) {
      result.complete(List.copyOf(closest));
    }
  }

  private void ask(Enode node) {
    inFlight++;
    queries++;
    findNode
        .apply(node, targetKey)
        .whenComplete(
            (nodes, failure) -> {
              inFlight--;
              if (failure != null) {
                closest.remove(node);
                onFailure.accept(node);
              } else {
                nodes.forEach(this::consider);
              }
              step();
            });
  }
}
