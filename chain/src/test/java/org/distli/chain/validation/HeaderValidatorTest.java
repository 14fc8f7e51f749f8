package org.distli.chain.validation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.BaseFee;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.evm.Fork;
import org.distli.genesis.ChainConfig;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.Test;

class HeaderValidatorTest {
  private static final ChainSpec ETHEREUM =
      ChainSpec.ethereum(ChainConfig.allFromGenesis(1, Fork.CANCUN));

  private static final BlockHeader PARENT =
      BlockHeader.builder()
          .number(10)
          .gasLimit(30_000_000)
          .gasUsed(15_000_000)
          .timestamp(1_000)
          .baseFee(Wei.of(1_000_000_000))
          .withdrawalsRoot(Hash.EMPTY_TRIE_ROOT)
          .blobGasUsed(0L)
          .excessBlobGas(0L)
          .parentBeaconBlockRoot(Hash.ZERO)
          .build();

  private static BlockHeader.Builder child() {
    return BlockHeader.builder()
        .parentHash(PARENT.hash())
        .number(11)
        .gasLimit(30_000_000)
        .timestamp(1_012)
        .baseFee(BaseFee.forChild(ETHEREUM, PARENT, Fork.CANCUN))
        .withdrawalsRoot(Hash.EMPTY_TRIE_ROOT)
        .blobGasUsed(0L)
        .excessBlobGas(0L)
        .parentBeaconBlockRoot(Hash.ZERO);
  }

  private static String refusal(BlockHeader.Builder header) {
    return assertThrows(
            InvalidBlockException.class,
            () -> HeaderValidator.validate(ETHEREUM, header.build(), PARENT))
        .getMessage();
  }

  @Test
  void aWellFormedChildPasses() throws InvalidBlockException {
    HeaderValidator.validate(ETHEREUM, child().build(), PARENT);
  }

  @Test
  void eachRuleHasItsReason() {
    assertTrue(refusal(child().number(12)).startsWith("invalid number"));
    assertTrue(refusal(child().timestamp(1_000)).startsWith("invalid timestamp"));
    assertTrue(
        refusal(child().extraData(Bytes.wrap(new byte[33])))
            .startsWith("invalid extradata length: 33 > 32"));
    assertTrue(refusal(child().gasLimit(30_000_000 + 29_297)).startsWith("invalid gas limit"));
    assertTrue(refusal(child().gasUsed(30_000_001)).startsWith("invalid gasUsed"));
    assertTrue(refusal(child().baseFee(Wei.of(1))).startsWith("invalid baseFee"));
    assertTrue(refusal(child().difficulty(UInt256.ONE)).startsWith("invalid difficulty"));
    assertTrue(refusal(child().nonce(1)).startsWith("invalid nonce"));
    assertTrue(refusal(child().ommersHash(Hash.ZERO)).startsWith("invalid uncle hash"));
    assertTrue(refusal(child().excessBlobGas(131_072L)).startsWith("invalid excessBlobGas"));
    assertTrue(refusal(child().blobGasUsed(1L)).contains("not a multiple"));
    assertTrue(refusal(child().parentHash(Hash.ZERO)).startsWith("unknown ancestor"));
  }

  @Test
  void extraDataLimitFollowsTheChainSpec() throws InvalidBlockException {
    ChainSpec withSeal = ETHEREUM.withMaxExtraDataBytes(97);
    HeaderValidator.validate(withSeal, child().extraData(Bytes.wrap(new byte[97])).build(), PARENT);
  }
}
