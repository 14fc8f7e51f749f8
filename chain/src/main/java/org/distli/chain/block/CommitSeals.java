package org.distli.chain.block;

import java.util.Optional;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * The one piece of Distli's proof-of-stake seal layout the block hash depends on. A Distli block's
 * extra data is {@code RLP([vanity (32 bytes), round, proposerSeal (65 bytes), [commitSeal (65
 * bytes), ...]])} (the {@code pos} module's {@code SealData}), and its hash leaves the commit seals
 * out: {@code keccak256(rlp(header with the commit-seal list emptied))}.
 *
 * <p>Why: the validators that commit a block each gather their own quorum of commit seals, so two
 * honest nodes usually hold the same block with different seal sets. If the seals were hashed, they
 * would disagree on the block's hash and the next block's parent hash could name only one of them.
 * IBFT 2.0 implementations hash the same way (go-quorum's {@code IstanbulFilteredHeader}, Besu's
 * {@code BftBlockHeaderFunctions}). The hash still covers the proposer's seal, so it pins the block
 * the commit seals sign: the hash is exactly what each commit seal signs.
 *
 * <p>Ethereum headers are not affected: their extra data is at most 32 bytes, and this layout is
 * longer.
 */
final class CommitSeals {
  private static final int VANITY_SIZE = 32;
  private static final int SEAL_SIZE = 65;

  private CommitSeals() {}

  /**
   * The extra data without its commit seals, when it is Distli's seal layout with at least one
   * commit seal; empty otherwise (the hash then covers the extra data as it is).
   */
  static Optional<byte[]> withoutCommitSeals(byte[] extraData) {
    if (extraData.length <= VANITY_SIZE) {
      return Optional.empty();
    }
    try {
      RlpReader r = RlpReader.of(extraData);
      r.enterList("extra data");
      byte[] vanity = r.readBytes("vanity");
      long round = r.readLong("round");
      byte[] proposerSeal = r.readBytes("proposer seal");
      r.enterList("commit seals");
      int seals = 0;
      while (r.hasNext()) {
        if (r.readBytes("commit seal").length != SEAL_SIZE) {
          return Optional.empty();
        }
        seals++;
      }
      r.exitList("commit seals");
      r.exitList("extra data");
      r.expectEnd("extra data");
      if (vanity.length != VANITY_SIZE
          || (proposerSeal.length != 0 && proposerSeal.length != SEAL_SIZE)
          || seals == 0) {
        return Optional.empty();
      }
      RlpWriter w = new RlpWriter(VANITY_SIZE + SEAL_SIZE + 16);
      w.startList();
      w.writeBytes(vanity);
      w.writeLong(round);
      w.writeBytes(proposerSeal);
      w.writeEmptyList();
      w.endList();
      return Optional.of(w.toByteArray());
    } catch (RlpException notTheLayout) {
      return Optional.empty();
    }
  }
}
