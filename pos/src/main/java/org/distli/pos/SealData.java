package org.distli.pos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Signature;
import org.distli.rlp.Rlp;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * What a Distli block carries in its header's extra data:
 *
 * <pre>
 * extraData = RLP([vanity, round, proposerSeal, [commitSeal, ...]])
 *   vanity       bytes, exactly 32 (client name, zero-padded)
 *   round        uint, the consensus round the block was proposed in (0 normally); a block
 *                re-proposed in a later round (a prepared block) keeps it
 *   proposerSeal bytes, 65 (r || s || recovery id) or empty while unsealed
 *   commitSeal   bytes, 65 each: the validators' signatures committing to the block
 * </pre>
 *
 * The proposer signs the header whose extra data has an empty proposer seal and no commit seals;
 * committing validators sign the header whose extra data has the proposer seal and no commit seals.
 * The block hash covers the header with the commit seals left out (the chain module's {@code
 * CommitSeals}), so it equals the commit hash: validators that gathered different quorums of seals
 * name the block alike.
 */
public record SealData(
    Bytes vanity, int round, Optional<Signature> proposerSeal, List<Signature> commitSeals) {
  public static final int VANITY_SIZE = 32;
  public static final int SEAL_SIZE = 65;

  public SealData {
    if (vanity.size() != VANITY_SIZE) {
      throw new IllegalArgumentException("vanity must be 32 bytes, got " + vanity.size());
    }
    if (round < 0) {
      throw new IllegalArgumentException("round cannot be negative");
    }
    commitSeals = List.copyOf(commitSeals);
  }

  /** An unsealed block's extra data: what the proposer signs. */
  public static SealData unsealed(Bytes vanity, int round) {
    return new SealData(vanity, round, Optional.empty(), List.of());
  }

  /** The 32-byte vanity holding {@code text} (UTF-8, cut to 32 bytes), zero-padded on the right. */
  public static Bytes vanity(String text) {
    byte[] out = new byte[VANITY_SIZE];
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(utf8, 0, out, 0, Math.min(utf8.length, VANITY_SIZE));
    return Bytes.wrap(out);
  }

  public SealData withProposerSeal(Signature seal) {
    return new SealData(vanity, round, Optional.of(seal), List.of());
  }

  public SealData withCommitSeals(List<Signature> seals) {
    return new SealData(vanity, round, proposerSeal, seals);
  }

  /** The same data without commit seals: what the committing validators sign. */
  public SealData withoutCommitSeals() {
    return new SealData(vanity, round, proposerSeal, List.of());
  }

  /** The same data without any seal: what the proposer signs. */
  public SealData withoutSeals() {
    return unsealed(vanity, round);
  }

  public Bytes encode() {
    RlpWriter w = new RlpWriter(VANITY_SIZE + 8 + SEAL_SIZE * (2 + commitSeals.size()));
    w.startList();
    w.writeBytes(vanity);
    w.writeLong(round);
    if (proposerSeal.isPresent()) {
      w.writeBytes(toBytes(proposerSeal.get()));
    } else {
      w.writeEmptyString();
    }
    w.startList();
    for (Signature seal : commitSeals) {
      w.writeBytes(toBytes(seal));
    }
    w.endList();
    w.endList();
    return Bytes.wrap(w.toByteArray());
  }

  /**
   * @throws InvalidSealException when the extra data is not this layout
   */
  public static SealData decode(Bytes extraData) {
    try {
      RlpReader r = RlpReader.of(extraData);
      r.enterList("extra data");
      Bytes vanity = r.readValue("vanity");
      if (vanity.size() != VANITY_SIZE) {
        throw new InvalidSealException("extra data vanity must be 32 bytes, got " + vanity.size());
      }
      int round = r.readInt("round");
      Bytes proposer = r.readValue("proposer seal");
      Optional<Signature> proposerSeal =
          proposer.isEmpty() ? Optional.empty() : Optional.of(fromBytes(proposer, "proposer seal"));
      r.enterList("commit seals");
      List<Signature> commits = new ArrayList<>();
      while (r.hasNext()) {
        commits.add(fromBytes(r.readValue("commit seal"), "commit seal " + commits.size()));
      }
      r.exitList("commit seals");
      r.exitList("extra data");
      r.expectEnd("extra data");
      return new SealData(vanity, round, proposerSeal, commits);
    } catch (RlpException e) {
      throw new InvalidSealException("extra data is not a Distli seal: " + e.getMessage());
    }
  }

  /** The longest extra data of a block sealed by {@code validators} validators. */
  public static int maxEncodedSize(int validators) {
    int seal = Rlp.stringLength(SEAL_SIZE, 0xff);
    int commits = Rlp.listLength(seal * validators);
    int content = Rlp.stringLength(VANITY_SIZE, 0xff) + 5 + seal + commits;
    return Rlp.listLength(content);
  }

  static Bytes toBytes(Signature seal) {
    byte[] out = new byte[SEAL_SIZE];
    System.arraycopy(seal.toCompact(), 0, out, 0, 64);
    out[64] = (byte) seal.recoveryId();
    return Bytes.wrap(out);
  }

  private static Signature fromBytes(Bytes bytes, String what) {
    if (bytes.size() != SEAL_SIZE) {
      throw new InvalidSealException(what + " must be 65 bytes, got " + bytes.size());
    }
    int recoveryId = bytes.get(64);
    if (recoveryId != 0 && recoveryId != 1) {
      throw new InvalidSealException(what + " has recovery id " + recoveryId + ", not 0 or 1");
    }
    return new Signature(
        UInt256.fromBytes(bytes.slice(0, 32)), UInt256.fromBytes(bytes.slice(32, 32)), recoveryId);
  }
}
