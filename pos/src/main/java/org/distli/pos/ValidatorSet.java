package org.distli.pos;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.distli.crypto.Keccak256;
import org.distli.genesis.Validator;
import org.distli.primitives.Address;

/**
 * The validators with their stakes: who proposes each block and how much stake makes a quorum.
 *
 * <p>The proposer of height {@code h} in round {@code r} is drawn by stake: {@code keccak256(h as 8
 * bytes || r as 4 bytes)} read as an unsigned integer, modulo the total stake, picks the validator
 * whose cumulative stake range (in genesis order) contains it. Every node computes the same
 * proposer, and over many heights each validator proposes in proportion to its stake. A commit
 * quorum is more than two thirds of the total stake.
 */
public final class ValidatorSet {
  private final List<Validator> validators;
  private final Map<Address, BigInteger> stakes = new LinkedHashMap<>();
  private final BigInteger[] cumulative;
  private final BigInteger total;

  public ValidatorSet(List<Validator> validators) {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a validator set needs at least one validator");
    }
    this.validators = List.copyOf(validators);
    this.cumulative = new BigInteger[validators.size()];
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < validators.size(); i++) {
      Validator validator = validators.get(i);
      BigInteger stake = validator.stake().toBigInteger();
      if (stake.signum() <= 0) {
        throw new IllegalArgumentException("validator " + validator.address() + " has no stake");
      }
      if (stakes.put(validator.address(), stake) != null) {
        throw new IllegalArgumentException("validator " + validator.address() + " listed twice");
      }
      sum = sum.add(stake);
      cumulative[i] = sum;
    }
    this.total = sum;
  }

  public List<Validator> validators() {
    return validators;
  }

  public int size() {
    return validators.size();
  }

  public boolean contains(Address address) {
    return stakes.containsKey(address);
  }

  public Optional<BigInteger> stakeOf(Address address) {
    return Optional.ofNullable(stakes.get(address));
  }

  public BigInteger totalStake() {
    return total;
  }

  /** The proposer of block {@code height} in consensus round {@code round}. */
  public Address proposer(long height, int round) {
    if (validators.size() == 1) {
      return validators.get(0).address();
    }
    byte[] seed = ByteBuffer.allocate(12).putLong(height).putInt(round).array();
    BigInteger draw = new BigInteger(1, Keccak256.digest(seed)).mod(total);
    for (int i = 0; i < cumulative.length; i++) {
      if (draw.compareTo(cumulative[i]) < 0) {
        return validators.get(i).address();
      }
    }
    throw new IllegalStateException("unreachable: the draw is below the total stake");
  }

  /** The stake the given (distinct) signers hold together. */
  public BigInteger stakeOf(Collection<Address> signers) {
    BigInteger sum = BigInteger.ZERO;
    for (Address signer : signers) {
      sum = sum.add(stakes.getOrDefault(signer, BigInteger.ZERO));
    }
    return sum;
  }

  /** Whether {@code stake} is more than two thirds of the total: 3 * stake > 2 * total. */
  public boolean isQuorum(BigInteger stake) {
    return stake.multiply(BigInteger.valueOf(3)).compareTo(total.shiftLeft(1)) > 0;
  }
}
