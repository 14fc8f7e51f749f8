package org.distli.chain.store;

import java.util.List;
import java.util.Optional;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockBody;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.primitives.Hash;

/**
 * Read access to the stored chain, safe from any thread while the chain writer commits: every
 * answer comes from committed data (blocks are never rewritten; a reorganisation moves the
 * canonical index and the head markers in one atomic write).
 */
public interface ChainReader {
  /** The genesis block's header. */
  BlockHeader genesis();

  /** The head of the canonical chain (latest). */
  BlockHeader head();

  /** The latest block the consensus considers safe; the genesis until one is set. */
  BlockHeader safe();

  /** The latest finalized block; the genesis until one is set. */
  BlockHeader finalized();

  /** A stored header by hash, canonical or not. */
  Optional<BlockHeader> header(Hash blockHash);

  /** The canonical header at {@code number}. */
  Optional<BlockHeader> header(long number);

  Optional<BlockBody> body(Hash blockHash);

  Optional<Block> block(Hash blockHash);

  /** The canonical block at {@code number}. */
  Optional<Block> block(long number);

  /** The receipts of a stored block, in transaction order. */
  Optional<List<Receipt>> receipts(Hash blockHash);

  /** The hash of the canonical block at {@code number}. */
  Optional<Hash> canonicalHash(long number);

  /** Whether {@code blockHash} is on the canonical chain. */
  boolean isCanonical(Hash blockHash);

  /** Where a transaction of the canonical chain is; empty for unknown or non-canonical ones. */
  Optional<TransactionLocation> transactionLocation(Hash transactionHash);
}
