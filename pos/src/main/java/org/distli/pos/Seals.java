package org.distli.pos;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.BlockHeader;
import org.distli.crypto.Keccak256;
import org.distli.crypto.Secp256k1;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * Signing and checking a block's seals ({@link SealData} in the header's extra data) against a
 * {@link ValidatorSet}: the proposer of the block's height and round signed the proposal, and
 * validators holding more than two thirds of the stake signed the commit. A block that passes is
 * final: no other block at its height can gather a quorum without a third of the stake signing
 * twice.
 */
public final class Seals {
  private final ValidatorSet validators;

  public Seals(ValidatorSet validators) {
    this.validators = validators;
  }

  public ValidatorSet validators() {
    return validators;
  }

  /** The seal-verified facts of a block. */
  public record Verified(Address proposer, int round, List<Address> committers, BigInteger stake) {}

  // ------------------------------------------------------------------ signing

  /**
   * The header with round {@code round}'s unsealed extra data: what the chain builds a block with
   * before the proposer signs it.
   */
  public static Bytes unsealedExtraData(Bytes vanity, int round) {
    return SealData.unsealed(vanity, round).encode();
  }

  /** The proposer's seal over a built header; the header must carry unsealed extra data. */
  public static BlockHeader signAsProposer(BlockHeader built, SecretKey key) {
    SealData seal = SealData.decode(built.extraData());
    if (seal.proposerSeal().isPresent() || !seal.commitSeals().isEmpty()) {
      throw new IllegalArgumentException("the header is sealed already");
    }
    Signature signature = Secp256k1.sign(built.hash(), key);
    return built.toBuilder().extraData(seal.withProposerSeal(signature).encode()).build();
  }

  /** A validator's commit seal over a proposed (proposer-sealed) header. */
  public static Signature commitSeal(BlockHeader proposed, SecretKey key) {
    return Secp256k1.sign(commitHash(proposed, SealData.decode(proposed.extraData())), key);
  }

  /** The proposed header with the commit seals gathered for it: the final, committed header. */
  public static BlockHeader withCommitSeals(BlockHeader proposed, List<Signature> commitSeals) {
    SealData seal = SealData.decode(proposed.extraData());
    return proposed.toBuilder().extraData(seal.withCommitSeals(commitSeals).encode()).build();
  }

  /**
   * Seals a built header as its proposer and, as the one validator whose stake alone is a quorum,
   * commits it: what a single-validator chain does for every block.
   */
  public static BlockHeader sealAlone(BlockHeader built, SecretKey key) {
    BlockHeader proposed = signAsProposer(built, key);
    return withCommitSeals(proposed, List.of(commitSeal(proposed, key)));
  }

  // ------------------------------------------------------------------ checking

  /**
   * Checks the seals of {@code header}.
   *
   * @throws InvalidSealException naming the rule the block breaks
   */
  public Verified verify(BlockHeader header) {
    SealData seal = SealData.decode(header.extraData());
    Signature proposerSeal =
        seal.proposerSeal()
            .orElseThrow(
                () ->
                    new InvalidSealException("block " + header.number() + " has no proposer seal"));
    Hash proposalHash = proposalHash(header, seal);
    Address proposer =
        Secp256k1.recoverAddress(proposalHash, proposerSeal)
            .filter(a -> proposerSeal.isCanonical())
            .orElseThrow(() -> new InvalidSealException("proposer seal does not recover"));
    Address expected = validators.proposer(header.number(), seal.round());
    if (!proposer.equals(expected)) {
      throw new InvalidSealException(
          "block "
              + header.number()
              + " round "
              + seal.round()
              + " was proposed by "
              + proposer
              + ", expected "
              + expected);
    }
    if (!header.coinbase().equals(proposer)) {
      throw new InvalidSealException(
          "coinbase " + header.coinbase() + " is not the proposer " + proposer);
    }
    Hash commitHash = commitHash(header, seal);
    Set<Address> committers = new LinkedHashSet<>();
    for (int i = 0; i < seal.commitSeals().size(); i++) {
      Signature commit = seal.commitSeals().get(i);
      int index = i;
      Address signer =
          Secp256k1.recoverAddress(commitHash, commit)
              .filter(a -> commit.isCanonical())
              .orElseThrow(
                  () -> new InvalidSealException("commit seal " + index + " does not recover"));
      if (!validators.contains(signer)) {
        throw new InvalidSealException(
            "commit seal " + i + " is by " + signer + ", not a validator");
      }
      if (!committers.add(signer)) {
        throw new InvalidSealException("commit seal " + i + " repeats validator " + signer);
      }
    }
    BigInteger stake = validators.stakeOf(committers);
    if (!validators.isQuorum(stake)) {
      throw new InvalidSealException(
          "block "
              + header.number()
              + " has commit seals for "
              + stake
              + " of "
              + validators.totalStake()
              + " stake; more than two thirds is needed");
    }
    return new Verified(proposer, seal.round(), new ArrayList<>(committers), stake);
  }

  /** The hash the proposer signs: the header with no seals in its extra data. */
  static Hash proposalHash(BlockHeader header, SealData seal) {
    return header.toBuilder().extraData(seal.withoutSeals().encode()).build().hash();
  }

  /**
   * The hash committing validators sign: the header with the proposer seal, no commit seals. It is
   * also the block's hash, which leaves the commit seals out.
   */
  static Hash commitHash(BlockHeader header, SealData seal) {
    return header.toBuilder().extraData(seal.withoutCommitSeals().encode()).build().hash();
  }

  /**
   * The PREVRANDAO (mix hash) of a child of {@code parent}: keccak256(parent mix hash || parent
   * hash). Deterministic, so that every node agrees on it; it is not a source of randomness that a
   * proposer cannot predict.
   */
  public static Hash nextPrevRandao(BlockHeader parent) {
    byte[] input = new byte[64];
    parent.mixHash().copyTo(input, 0);
    parent.hash().copyTo(input, 32);
    return Keccak256.hash(input);
  }
}
