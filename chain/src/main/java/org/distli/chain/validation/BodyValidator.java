package org.distli.chain.validation;

import java.util.List;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Withdrawal;
import org.distli.chain.spec.BlobSchedule;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.evm.Fork;
import org.distli.primitives.Hash;

/**
 * The rules a body must follow against its own header, before execution: the transactions root, the
 * ommers (none after the merge), the withdrawals and their root (EIP-4895), and the blob gas the
 * transactions declare (EIP-4844).
 */
public final class BodyValidator {
  private BodyValidator() {}

  /**
   * @throws InvalidBlockException naming the first mismatch
   */
  public static void validate(ChainSpec spec, Block block, Fork fork) throws InvalidBlockException {
    validateExceptTransactionsRoot(spec, block, fork);
    BlockHeader header = block.header();
    Hash transactionsRoot = BlockRoots.transactionsRoot(block.transactions());
    if (!transactionsRoot.equals(header.transactionsRoot())) {
      throw new InvalidBlockException(
          "transaction root hash mismatch (header value "
              + header.transactionsRoot()
              + ", calculated "
              + transactionsRoot
              + ")");
    }
  }

  /**
   * Everything {@link #validate} checks but the transactions root, which the caller computes (on
   * another thread) and compares itself.
   */
  public static void validateExceptTransactionsRoot(ChainSpec spec, Block block, Fork fork)
      throws InvalidBlockException {
    BlockHeader header = block.header();
    List<BlockHeader> ommers = block.body().ommers();
    if (fork.isAtLeast(Fork.PARIS) && !ommers.isEmpty()) {
      throw new InvalidBlockException(
          "uncles not allowed after the merge: " + ommers.size() + " given");
    }
    Hash ommersHash = BlockRoots.ommersHash(ommers);
    if (!ommersHash.equals(header.ommersHash())) {
      throw new InvalidBlockException(
          "uncle root hash mismatch (header value "
              + header.ommersHash()
              + ", calculated "
              + ommersHash
              + ")");
    }
    boolean shanghai = fork.isAtLeast(Fork.SHANGHAI);
    if (shanghai != block.body().withdrawals().isPresent()) {
      throw new InvalidBlockException(
          shanghai
              ? "missing withdrawals in block body"
              : "withdrawals present in block body before Shanghai");
    }
    if (shanghai) {
      List<Withdrawal> withdrawals = block.body().withdrawals().get();
      Hash withdrawalsRoot = BlockRoots.withdrawalsRoot(withdrawals);
      if (!withdrawalsRoot.equals(header.withdrawalsRoot().orElse(null))) {
        throw new InvalidBlockException(
            "withdrawals root hash mismatch (header value "
                + header.withdrawalsRoot().map(Hash::toString).orElse("none")
                + ", calculated "
                + withdrawalsRoot
                + ")");
      }
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      long blobGas = 0;
      for (Transaction tx : block.transactions()) {
        blobGas += tx.blobGas();
      }
      BlobSchedule schedule = ChainSpec.blobSchedule(fork).orElseThrow();
      if (blobGas > schedule.maxBlobGas()) {
        throw new InvalidBlockException(
            "blob gas used " + blobGas + " exceeds maximum allowance " + schedule.maxBlobGas());
      }
      long declared = header.blobGasUsed().orElse(0);
      if (blobGas != declared) {
        throw new InvalidBlockException(
            "blob gas used mismatch (header " + declared + ", calculated " + blobGas + ")");
      }
    }
  }
}
