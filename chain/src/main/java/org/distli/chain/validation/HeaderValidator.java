package org.distli.chain.validation;

import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.BaseFee;
import org.distli.chain.block.BlobGas;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.GasLimit;
import org.distli.chain.spec.BlobSchedule;
import org.distli.chain.spec.ChainSpec;
import org.distli.evm.Fork;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * The rules a header must follow relative to its parent, before anything is executed: number,
 * timestamp, extra data, gas limit and use, base fee (EIP-1559), the proof-of-stake constants after
 * the merge (EIP-3675: difficulty, nonce and ommers empty), and the fork fields of Shanghai and
 * Cancun (EIP-4895, EIP-4844, EIP-4788). The seal is the {@link SealVerifier}'s concern.
 */
public final class HeaderValidator {
  private HeaderValidator() {}

  /**
   * @throws InvalidBlockException naming the first rule broken
   */
  public static void validate(ChainSpec spec, BlockHeader header, BlockHeader parent)
      throws InvalidBlockException {
    if (!header.parentHash().equals(parent.hash())) {
      throw new InvalidBlockException(
          "unknown ancestor: parent hash " + header.parentHash() + " is not " + parent.hash());
    }
    if (header.number() != parent.number() + 1) {
      throw new InvalidBlockException(
          "invalid number: have " + header.number() + ", want " + (parent.number() + 1));
    }
    if (Long.compareUnsigned(header.timestamp(), parent.timestamp()) <= 0) {
      throw new InvalidBlockException(
          "invalid timestamp: "
              + Long.toUnsignedString(header.timestamp())
              + " is not after the parent's "
              + Long.toUnsignedString(parent.timestamp()));
    }
    if (header.extraData().size() > spec.maxExtraDataBytes()) {
      throw new InvalidBlockException(
          "invalid extradata length: "
              + header.extraData().size()
              + " > "
              + spec.maxExtraDataBytes());
    }
    if (header.gasLimit() < 0 || header.gasLimit() > GasLimit.MAX_GAS_LIMIT) {
      throw new InvalidBlockException(
          "invalid gasLimit: have " + Long.toUnsignedString(header.gasLimit()) + ", max 2^63-1");
    }
    if (Long.compareUnsigned(header.gasUsed(), header.gasLimit()) > 0) {
      throw new InvalidBlockException(
          "invalid gasUsed: have "
              + Long.toUnsignedString(header.gasUsed())
              + ", gasLimit "
              + header.gasLimit());
    }
    Fork fork = spec.forkAt(header.number(), header.timestamp());
    Fork parentFork = spec.forkAt(parent.number(), parent.timestamp());
    long parentGasLimit = parent.gasLimit();
    if (fork.isAtLeast(Fork.LONDON) && !parentFork.isAtLeast(Fork.LONDON)) {
      // EIP-1559: the first London block doubles the gas limit into gas target * elasticity
      parentGasLimit *= spec.baseFee().elasticityMultiplier();
    }
    if (!GasLimit.isValidChange(parentGasLimit, header.gasLimit())) {
      throw new InvalidBlockException(
          "invalid gas limit: have "
              + header.gasLimit()
              + ", want "
              + parentGasLimit
              + " +-"
              + (parentGasLimit / GasLimit.BOUND_DIVISOR - 1));
    }
    checkBaseFee(spec, header, parent, fork);
    if (fork.isAtLeast(Fork.PARIS)) {
      if (!header.difficulty().equals(UInt256.ZERO)) {
        throw new InvalidBlockException(
            "invalid difficulty: have " + header.difficulty().toBigInteger() + ", want 0");
      }
      if (header.nonce() != 0) {
        throw new InvalidBlockException(
            "invalid nonce: have " + Long.toHexString(header.nonce()) + ", want 0");
      }
      if (!header.ommersHash().equals(Hash.EMPTY_LIST)) {
        throw new InvalidBlockException(
            "invalid uncle hash: uncles are not allowed after the merge");
      }
    }
    checkPresence(
        "withdrawalsRoot",
        header.withdrawalsRoot().isPresent(),
        fork.isAtLeast(Fork.SHANGHAI),
        fork);
    boolean cancun = fork.isAtLeast(Fork.CANCUN);
    checkPresence("blobGasUsed", header.blobGasUsed().isPresent(), cancun, fork);
    checkPresence("excessBlobGas", header.excessBlobGas().isPresent(), cancun, fork);
    checkPresence("parentBeaconRoot", header.parentBeaconBlockRoot().isPresent(), cancun, fork);
    checkPresence(
        "requestsHash", header.requestsHash().isPresent(), fork.isAtLeast(Fork.PRAGUE), fork);
    if (cancun) {
      checkBlobGas(header, parent, fork);
    }
  }

  private static void checkBaseFee(
      ChainSpec spec, BlockHeader header, BlockHeader parent, Fork fork)
      throws InvalidBlockException {
    Wei expected = BaseFee.forChild(spec, parent, fork);
    if (expected == null) {
      if (header.baseFee().isPresent()) {
        throw new InvalidBlockException("invalid baseFee: present before London");
      }
      return;
    }
    if (header.baseFee().isEmpty()) {
      throw new InvalidBlockException("header is missing baseFee");
    }
    if (!header.baseFee().get().equals(expected)) {
      throw new InvalidBlockException(
          "invalid baseFee: have "
              + header.baseFee().get()
              + ", want "
              + expected
              + ", parentBaseFee "
              + parent.baseFee().map(Wei::toString).orElse("none")
              + ", parentGasUsed "
              + parent.gasUsed());
    }
  }

  private static void checkBlobGas(BlockHeader header, BlockHeader parent, Fork fork)
      throws InvalidBlockException {
    BlobSchedule schedule = ChainSpec.blobSchedule(fork).orElseThrow();
    long used = header.blobGasUsed().getAsLong();
    if (Long.compareUnsigned(used, schedule.maxBlobGas()) > 0) {
      throw new InvalidBlockException(
          "blob gas used "
              + Long.toUnsignedString(used)
              + " exceeds maximum allowance "
              + schedule.maxBlobGas());
    }
    if (used % BlobSchedule.GAS_PER_BLOB != 0) {
      throw new InvalidBlockException(
          "blob gas used "
              + used
              + " not a multiple of blob gas per blob "
              + BlobSchedule.GAS_PER_BLOB);
    }
    long expected = BlobGas.excessForChild(parent, fork);
    long actual = header.excessBlobGas().getAsLong();
    if (actual != expected) {
      throw new InvalidBlockException(
          "invalid excessBlobGas: have "
              + Long.toUnsignedString(actual)
              + ", want "
              + expected
              + ", parentExcessBlobGas "
              + parent.excessBlobGas().orElse(0)
              + ", parentBlobGasUsed "
              + parent.blobGasUsed().orElse(0));
    }
  }

  private static void checkPresence(String field, boolean present, boolean required, Fork fork)
      throws InvalidBlockException {
    if (present && !required) {
      throw new InvalidBlockException(
          "invalid " + field + ": " + fork + " headers have no such field");
    }
    if (!present && required) {
      throw new InvalidBlockException("header is missing " + field + " (required by " + fork + ")");
    }
  }
}
