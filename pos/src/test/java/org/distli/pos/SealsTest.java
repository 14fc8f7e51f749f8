package org.distli.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.BlockHeader;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.genesis.Validator;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.Test;

class SealsTest {
  private static final Bytes VANITY = SealData.vanity("distli test");

  private static SecretKey key(int i) {
    byte[] bytes = new byte[32];
    bytes[31] = (byte) (i + 1);
    bytes[0] = 0x22;
    return SecretKey.of(bytes);
  }

  private static ValidatorSet equalStakes(List<SecretKey> keys) {
    List<Validator> validators = new ArrayList<>();
    for (SecretKey key : keys) {
      validators.add(Validator.of(key.address(), Wei.ofEther(32)));
    }
    return new ValidatorSet(validators);
  }

  private static BlockHeader built(long number, Address proposer, int round) {
    return BlockHeader.builder()
        .number(number)
        .parentHash(Hash.fromHex("0x" + "ab".repeat(32)))
        .coinbase(proposer)
        .gasLimit(30_000_000)
        .gasUsed(21_000)
        .timestamp(1_700_000_000L + number)
        .baseFee(Wei.of(7))
        .extraData(Seals.unsealedExtraData(VANITY, round))
        .build();
  }

  /** The proposer's key for {@code number} and round 0 among {@code keys}. */
  private static SecretKey proposerKey(ValidatorSet set, List<SecretKey> keys, long number) {
    Address proposer = set.proposer(number, 0);
    return keys.stream().filter(k -> k.address().equals(proposer)).findFirst().orElseThrow();
  }

  private static BlockHeader committedBy(BlockHeader proposed, List<SecretKey> committers) {
    List<Signature> seals = new ArrayList<>();
    for (SecretKey key : committers) {
      seals.add(Seals.commitSeal(proposed, key));
    }
    return Seals.withCommitSeals(proposed, seals);
  }

  @Test
  void aSingleValidatorCommitsAlone() {
    SecretKey key = key(0);
    Seals seals = new Seals(equalStakes(List.of(key)));
    BlockHeader sealed = Seals.sealAlone(built(5, key.address(), 0), key);
    Seals.Verified verified = seals.verify(sealed);
    assertEquals(key.address(), verified.proposer());
    assertEquals(List.of(key.address()), verified.committers());
  }

  @Test
  void extraDataRoundTripsAndFitsTheAdvertisedMaximum() {
    List<SecretKey> keys = List.of(key(0), key(1), key(2), key(3));
    ValidatorSet set = equalStakes(keys);
    SecretKey proposer = proposerKey(set, keys, 9);
    BlockHeader proposed = Seals.signAsProposer(built(9, proposer.address(), 0), proposer);
    BlockHeader committed = committedBy(proposed, keys);
    SealData data = SealData.decode(committed.extraData());
    assertEquals(VANITY, data.vanity());
    assertEquals(4, data.commitSeals().size());
    assertEquals(committed.extraData(), data.encode());
    assertTrue(committed.extraData().size() <= SealData.maxEncodedSize(4));
    assertTrue(
        committed.extraData().size() > SealData.maxEncodedSize(3),
        "the bound is tight enough to catch an extra seal");
  }

  @Test
  void threeOfFourEqualValidatorsAreAQuorumAndTwoAreNot() {
    List<SecretKey> keys = List.of(key(0), key(1), key(2), key(3));
    ValidatorSet set = equalStakes(keys);
    Seals seals = new Seals(set);
    SecretKey proposer = proposerKey(set, keys, 12);
    BlockHeader proposed = Seals.signAsProposer(built(12, proposer.address(), 0), proposer);

    assertEquals(3, seals.verify(committedBy(proposed, keys.subList(0, 3))).committers().size());
    InvalidSealException error =
        assertThrows(
            InvalidSealException.class,
            () -> seals.verify(committedBy(proposed, keys.subList(0, 2))));
    assertTrue(error.getMessage().contains("more than two thirds"), error.getMessage());
  }

  @Test
  void exactlyTwoThirdsOfTheStakeIsNotEnough() {
    List<SecretKey> keys = List.of(key(0), key(1), key(2));
    ValidatorSet set = equalStakes(keys);
    assertTrue(
        !set.isQuorum(set.totalStake().multiply(BigInteger.TWO).divide(BigInteger.valueOf(3))));
    assertTrue(set.isQuorum(set.totalStake()));
  }

  @Test
  void aBlockProposedByTheWrongValidatorIsRefused() {
    List<SecretKey> keys = List.of(key(0), key(1), key(2), key(3));
    ValidatorSet set = equalStakes(keys);
    SecretKey rightful = proposerKey(set, keys, 20);
    SecretKey impostor = keys.stream().filter(k -> k != rightful).findFirst().orElseThrow();
    BlockHeader proposed = Seals.signAsProposer(built(20, impostor.address(), 0), impostor);
    InvalidSealException error =
        assertThrows(
            InvalidSealException.class, () -> new Seals(set).verify(committedBy(proposed, keys)));
    assertTrue(error.getMessage().contains("expected " + rightful.address()), error.getMessage());
  }

  @Test
  void aRepeatedOrForeignCommitSealIsRefused() {
    List<SecretKey> keys = List.of(key(0), key(1), key(2), key(3));
    ValidatorSet set = equalStakes(keys);
    Seals seals = new Seals(set);
    SecretKey proposer = proposerKey(set, keys, 3);
    BlockHeader proposed = Seals.signAsProposer(built(3, proposer.address(), 0), proposer);
    BlockHeader repeated = committedBy(proposed, List.of(keys.get(0), keys.get(1), keys.get(0)));
    assertTrue(
        assertThrows(InvalidSealException.class, () -> seals.verify(repeated))
            .getMessage()
            .contains("repeats validator"));
    BlockHeader foreign = committedBy(proposed, List.of(keys.get(0), keys.get(1), key(9)));
    assertTrue(
        assertThrows(InvalidSealException.class, () -> seals.verify(foreign))
            .getMessage()
            .contains("not a validator"));
  }

  @Test
  void changingASealedHeaderBreaksItsSeal() {
    SecretKey key = key(0);
    Seals seals = new Seals(equalStakes(List.of(key)));
    BlockHeader sealed = Seals.sealAlone(built(5, key.address(), 0), key);
    BlockHeader tampered = sealed.toBuilder().gasUsed(42_000).build();
    assertThrows(InvalidSealException.class, () -> seals.verify(tampered));
  }

  @Test
  void anUnsealedOrForeignExtraDataIsRefused() {
    SecretKey key = key(0);
    Seals seals = new Seals(equalStakes(List.of(key)));
    assertThrows(InvalidSealException.class, () -> seals.verify(built(1, key.address(), 0)));
    BlockHeader geth =
        built(1, key.address(), 0).toBuilder().extraData(Bytes.fromHexString("0x1234")).build();
    assertTrue(
        assertThrows(InvalidSealException.class, () -> seals.verify(geth))
            .getMessage()
            .startsWith("extra data is not a Distli seal"));
  }

  @Test
  void theCoinbaseMustBeTheProposer() {
    SecretKey key = key(0);
    Seals seals = new Seals(equalStakes(List.of(key)));
    BlockHeader sealed = Seals.sealAlone(built(5, key(7).address(), 0), key);
    assertTrue(
        assertThrows(InvalidSealException.class, () -> seals.verify(sealed))
            .getMessage()
            .contains("is not the proposer"));
  }

  @Test
  void proposersAreDrawnInProportionToStakeAndTheSameOnEveryNode() {
    List<Validator> validators =
        List.of(
            Validator.of(key(0).address(), Wei.of(1)),
            Validator.of(key(1).address(), Wei.of(2)),
            Validator.of(key(2).address(), Wei.of(7)));
    ValidatorSet set = new ValidatorSet(validators);
    ValidatorSet sameOnAnotherNode = new ValidatorSet(validators);
    Map<Address, Integer> counts = new HashMap<>();
    int heights = 20_000;
    for (long h = 1; h <= heights; h++) {
      Address proposer = set.proposer(h, 0);
      assertEquals(sameOnAnotherNode.proposer(h, 0), proposer);
      counts.merge(proposer, 1, Integer::sum);
    }
    assertEquals(0.1, counts.get(key(0).address()) / (double) heights, 0.015);
    assertEquals(0.2, counts.get(key(1).address()) / (double) heights, 0.015);
    assertEquals(0.7, counts.get(key(2).address()) / (double) heights, 0.015);
  }

  @Test
  void aLaterRoundCanHaveAnotherProposer() {
    List<SecretKey> keys = List.of(key(0), key(1), key(2), key(3));
    ValidatorSet set = equalStakes(keys);
    boolean differs = false;
    for (long h = 1; h < 50 && !differs; h++) {
      differs = !set.proposer(h, 0).equals(set.proposer(h, 1));
    }
    assertTrue(differs);
  }
}
