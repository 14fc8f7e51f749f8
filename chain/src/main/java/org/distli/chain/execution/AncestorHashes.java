package org.distli.chain.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.distli.chain.block.BlockHeader;
import org.distli.primitives.Hash;

/**
 * BLOCKHASH's view of history: the hashes of the 256 blocks before the one executing, found by
 * walking parent links from its parent, so a block on a side chain sees its own ancestors. Looked
 * up lazily and remembered for the block.
 */
public final class AncestorHashes implements LongFunction<Hash> {
  private final Function<Hash, BlockHeader> headers;
  private final Map<Long, Hash> known = new HashMap<>();
  private BlockHeader oldestLoaded;

  /**
   * @param parent the executing block's parent
   * @param headers stored headers by hash (null when unknown)
   */
  public AncestorHashes(BlockHeader parent, Function<Hash, BlockHeader> headers) {
    this.headers = headers;
    this.oldestLoaded = parent;
    known.put(parent.number(), parent.hash());
  }

  @Override
  public Hash apply(long number) {
    Hash hash = known.get(number);
    if (hash != null) {
      return hash;
    }
    while (oldestLoaded != null && oldestLoaded.number() > number && oldestLoaded.number() > 0) {
      BlockHeader next = headers.apply(oldestLoaded.parentHash());
      if (next == null) {
        oldestLoaded = null;
        break;
      }
      known.put(next.number(), next.hash());
      oldestLoaded = next;
    }
    return known.get(number);
  }
}
