package org.distli.node.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Callable;
import org.distli.primitives.Hash;
import org.distli.primitives.Hex;

/**
 * Polls new blocks and counts the submitted transactions they include, noting when the last one was
 * seen: confirmation measured as a user would, from the chain.
 */
final class BlockWatcher implements Callable<Void> {
  private final JsonRpcClient rpc;
  private final Set<Hash> waiting;
  private long nextBlock;
  private volatile long expected = -1;
  private volatile long deadlineNanos = Long.MAX_VALUE;
  private volatile long confirmed;
  private volatile long lastConfirmationNanos;
  private volatile int blocks;

  BlockWatcher(JsonRpcClient rpc, long lastBlockBefore, Set<Hash> waiting) {
    this.rpc = rpc;
    this.nextBlock = lastBlockBefore + 1;
    this.waiting = waiting;
  }

  /** Tells the watcher how many confirmations to wait for, and for how long at most. */
  void expect(long count, int timeoutSeconds) {
    deadlineNanos = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    expected = count;
  }

  @Override
  public Void call() throws IOException, InterruptedException {
    while (true) {
      long head = JsonRpcClient.quantity(rpc.call("eth_blockNumber", "[]"));
      while (nextBlock <= head) {
        JsonNode block =
            rpc.call("eth_getBlockByNumber", "[\"" + Hex.quantity(nextBlock) + "\",false]");
        long now = System.nanoTime();
        int found = 0;
        for (JsonNode hash : block.path("transactions")) {
          if (waiting.remove(Hash.fromHex(hash.asText()))) {
            found++;
          }
        }
        if (found > 0) {
          confirmed += found;
          lastConfirmationNanos = now;
          blocks++;
        }
        nextBlock++;
      }
      long want = expected;
      if (want >= 0 && (confirmed >= want || System.nanoTime() > deadlineNanos)) {
        return null;
      }
      Thread.sleep(20);
    }
  }

  long confirmed() {
    return confirmed;
  }

  long lastConfirmationNanos() {
    return lastConfirmationNanos;
  }

  int blocksWithTransactions() {
    return blocks;
  }
}
