package org.distli.rpc.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.rpc.filter.BlockLogs;
import org.distli.rpc.filter.LogFilter;
import org.distli.rpc.json.LogJson;
import org.distli.rpc.jsonrpc.BlockParameter;
import org.distli.rpc.jsonrpc.RpcError;
import org.distli.rpc.jsonrpc.RpcException;

/**
 * eth_getLogs and eth_getFilterLogs: the logs of one block or of a range of canonical blocks,
 * skipping blocks whose bloom rules the filter out. The range and the result size are bounded.
 */
public final class LogQuery {
  private final ChainQueries chain;
  private final long maxBlockRange;
  private final int maxLogs;

  public LogQuery(ChainQueries chain, long maxBlockRange, int maxLogs) {
    this.chain = chain;
    this.maxBlockRange = maxBlockRange;
    this.maxLogs = maxLogs;
  }

  /**
   * Refuses a filter whose explicit block numbers end before they start, as go-ethereum's
   * eth_newFilter does; tags and open ends are left to resolve as the chain grows.
   */
  public static void requireOrderedRange(LogFilter filter) {
    BlockParameter from = filter.fromBlock();
    BlockParameter to = filter.toBlock();
    if (from != null
        && to != null
        && from.kind() == BlockParameter.Kind.NUMBER
        && to.kind() == BlockParameter.Kind.NUMBER) {
      requireOrdered(from.number(), to.number());
    }
  }

  private static void requireOrdered(long from, long to) {
    if (from > to) {
      throw RpcException.invalidParams("invalid block range params");
    }
  }

  public List<LogJson> logs(LogFilter filter) {
    if (filter.blockHash() != null) {
      Block block =
          chain
              .chain()
              .block(filter.blockHash())
              .orElseThrow(() -> RpcException.server("unknown block"));
      return BlockLogs.matching(block, receipts(block), filter);
    }
    long head = chain.head().number();
    long from = resolve(filter.fromBlock(), head);
    long to = resolve(filter.toBlock(), head);
    requireOrdered(from, to);
    if (to > head) {
      throw RpcException.invalidParams("block range extends beyond current head block");
    }
    if (to - from + 1 > maxBlockRange) {
      throw new RpcException(
          new RpcError(
              RpcError.LIMIT_EXCEEDED,
              "block range too large: at most " + maxBlockRange + " blocks per query"));
    }
    List<LogJson> out = new ArrayList<>();
    for (long number = from; number <= to; number++) {
      Optional<BlockHeader> header = chain.chain().header(number);
      if (header.isEmpty() || !filter.mightMatch(header.get().logsBloom())) {
        continue;
      }
      Block block = chain.chain().block(header.get().hash()).orElse(null);
      if (block == null) {
        continue;
      }
      out.addAll(BlockLogs.matching(block, receipts(block), filter));
      if (out.size() > maxLogs) {
        throw new RpcException(
            new RpcError(
                RpcError.LIMIT_EXCEEDED,
                "query returned more than " + maxLogs + " results; narrow the block range"));
      }
    }
    return out;
  }

  private List<Receipt> receipts(Block block) {
    return chain.chain().receipts(block.hash()).orElse(List.of());
  }

  /** A tag or number as a block number; absent means "latest", as in go-ethereum. */
  private long resolve(BlockParameter block, long head) {
    if (block == null) {
      return head;
    }
    return switch (block.kind()) {
      case LATEST, PENDING -> head;
      case EARLIEST -> 0;
      case SAFE -> chain.chain().safe().number();
      case FINALIZED -> chain.chain().finalized().number();
      case NUMBER -> block.number();
      case HASH -> chain.requireHeader(block).number();
    };
  }

  /** The last block of a filter's range, or -1 when it follows the head. */
  public long endOf(LogFilter filter) {
    if (filter.blockHash() != null) {
      return chain.chain().header(filter.blockHash()).map(BlockHeader::number).orElse(-1L);
    }
    BlockParameter to = filter.toBlock();
    return to != null && to.kind() == BlockParameter.Kind.NUMBER ? to.number() : -1;
  }
}
