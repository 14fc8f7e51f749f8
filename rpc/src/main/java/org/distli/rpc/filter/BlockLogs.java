package org.distli.rpc.filter;

import java.util.ArrayList;
import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.Receipt;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Log;
import org.distli.rpc.json.LogJson;

/** The logs of one block with their positions, filtered. */
public final class BlockLogs {
  private BlockLogs() {}

  /** The logs of {@code block} that {@code filter} matches, in block order. */
  public static List<LogJson> matching(Block block, List<Receipt> receipts, LogFilter filter) {
    if (!filter.mightMatch(block.header().logsBloom())) {
      return List.of();
    }
    List<LogJson> out = new ArrayList<>();
    List<Transaction> transactions = block.transactions();
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Receipt receipt = receipts.get(i);
      for (Log log : receipt.logs()) {
        if (filter.matches(log)) {
          out.add(
              new LogJson(
                  log,
                  block.hash(),
                  block.number(),
                  block.header().timestamp(),
                  transactions.get(i).hash(),
                  i,
                  logIndex,
                  false));
        }
        logIndex++;
      }
    }
    return out;
  }
}
