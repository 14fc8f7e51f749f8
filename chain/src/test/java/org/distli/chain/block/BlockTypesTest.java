package org.distli.chain.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.TransactionType;
import org.distli.evm.Fork;
import org.distli.genesis.BaseFeeParameters;
import org.distli.genesis.ChainConfig;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpException;
import org.junit.jupiter.api.Test;

class BlockTypesTest {
  private static final Address CONTRACT =
      Address.fromHex("0x00000000000000000000000000000000000c0de0");
  private static final Hash TOPIC =
      Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

  private static BlockHeader.Builder cancunHeader() {
    return BlockHeader.builder()
        .number(7)
        .gasLimit(30_000_000)
        .gasUsed(21_000)
        .timestamp(1_700_000_000L)
        .extraData(Bytes.fromHexString("0x42"))
        .baseFee(Wei.of(875_000_000))
        .withdrawalsRoot(Hash.EMPTY_TRIE_ROOT)
        .blobGasUsed(0L)
        .excessBlobGas(0L)
        .parentBeaconBlockRoot(Hash.ZERO);
  }

  @Test
  void headersRoundTripWithTheirForkFields() {
    BlockHeader cancun = cancunHeader().build();
    BlockHeader decoded = BlockHeader.decode(cancun.encoded());
    assertEquals(cancun.hash(), decoded.hash());
    assertEquals(0L, decoded.excessBlobGas().getAsLong());
    assertEquals(Hash.ZERO, decoded.parentBeaconBlockRoot().orElseThrow());

    BlockHeader london = BlockHeader.builder().number(1).gasLimit(5000).baseFee(Wei.of(7)).build();
    BlockHeader londonDecoded = BlockHeader.decode(london.encoded());
    assertTrue(londonDecoded.withdrawalsRoot().isEmpty());
    assertEquals(Wei.of(7), londonDecoded.baseFee().orElseThrow());
  }

  @Test
  void aForkFieldWithoutTheEarlierOnesIsRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> BlockHeader.builder().withdrawalsRoot(Hash.EMPTY_TRIE_ROOT).build());
    assertThrows(IllegalStateException.class, () -> cancunHeader().excessBlobGas(null).build());
  }

  @Test
  void headersWithAnIncompleteCancunSetAreRefusedWhenDecoding() {
    BlockHeader shanghai =
        cancunHeader().blobGasUsed(null).excessBlobGas(null).parentBeaconBlockRoot(null).build();
    // append just blobGasUsed to the list
    Bytes encoded = shanghai.encoded();
    byte[] body = encoded.slice(3).toArray(); // list header is 0xf9 + 2 length bytes
    byte[] extended = new byte[body.length + 1];
    System.arraycopy(body, 0, extended, 0, body.length);
    extended[body.length] = (byte) 0x80;
    byte[] withHeader = new byte[extended.length + 3];
    withHeader[0] = (byte) 0xf9;
    withHeader[1] = (byte) (extended.length >> 8);
    withHeader[2] = (byte) extended.length;
    System.arraycopy(extended, 0, withHeader, 3, extended.length);
    assertThrows(RlpException.class, () -> BlockHeader.decode(Bytes.wrap(withHeader)));
  }

  @Test
  void bloomFindsWhatWasAddedAndRulesOutOthers() {
    Log log = new Log(CONTRACT, List.of(TOPIC), Bytes.EMPTY);
    Bloom bloom = Bloom.fromLogs(List.of(log));
    assertTrue(bloom.mightContain(CONTRACT));
    assertTrue(bloom.mightContain(TOPIC));
    assertFalse(bloom.mightContain(Address.ZERO));
    assertTrue(Bloom.EMPTY.isEmpty());
    Bloom merged = new Bloom.Builder().or(bloom).or(Bloom.EMPTY).build();
    assertTrue(merged.contains(bloom));
    // an address sets at most three of the 2048 bits
    int addressBits = bitCount(Bloom.fromLogs(List.of(new Log(CONTRACT, List.of(), Bytes.EMPTY))));
    assertTrue(addressBits >= 1 && addressBits <= 3, "bits: " + addressBits);
  }

  private static int bitCount(Bloom bloom) {
    int count = 0;
    for (byte b : bloom.toBytes().toArrayUnsafe()) {
      count += Integer.bitCount(b & 0xff);
    }
    return count;
  }

  @Test
  void receiptsRoundTripPerType() {
    Log log = new Log(CONTRACT, List.of(TOPIC), Bytes.fromHexString("0x01"));
    for (TransactionType type : List.of(TransactionType.LEGACY, TransactionType.DYNAMIC_FEE)) {
      Receipt receipt = Receipt.of(type, true, 50_000, List.of(log));
      byte[] encoded = receipt.encoded();
      assertEquals(type.isTyped(), (encoded[0] & 0xff) == type.typeByte());
      assertEquals(receipt, Receipt.decode(Bytes.wrap(encoded)));
    }
  }

  @Test
  void baseFeeFollowsGasUse() {
    BaseFeeParameters params = BaseFeeParameters.ETHEREUM;
    Wei parent = Wei.of(1_000_000_000);
    assertEquals(parent, BaseFee.next(params, parent, 15_000_000, 30_000_000));
    assertEquals(Wei.of(1_125_000_000), BaseFee.next(params, parent, 30_000_000, 30_000_000));
    assertEquals(Wei.of(875_000_000), BaseFee.next(params, parent, 0, 30_000_000));
    // at least 1 wei up when above target
    assertEquals(Wei.of(8), BaseFee.next(params, Wei.of(7), 15_000_001, 30_000_000));

    ChainSpec spec = ChainSpec.ethereum(ChainConfig.allFromGenesis(1, Fork.CANCUN));
    BlockHeader preLondon = BlockHeader.builder().gasLimit(30_000_000).build();
    assertEquals(params.initialBaseFee(), BaseFee.forChild(spec, preLondon, Fork.LONDON));
    assertNull(BaseFee.forChild(spec, preLondon, Fork.BERLIN));
  }

  @Test
  void gasLimitMovesByLessThanAThousandTwentyFourth() {
    assertTrue(GasLimit.isValidChange(30_000_000, 30_000_000 + 29_295));
    assertFalse(GasLimit.isValidChange(30_000_000, 30_000_000 + 29_296));
    assertFalse(GasLimit.isValidChange(30_000_000, 30_000_000 - 29_296));
    assertFalse(GasLimit.isValidChange(5_000, 4_999));
    long next = GasLimit.towards(30_000_000, 60_000_000);
    assertTrue(GasLimit.isValidChange(30_000_000, next));
    assertEquals(30_029_295, next);
    assertEquals(30_000_000, GasLimit.towards(30_000_000, 30_000_000));
  }

  @Test
  void blobBaseFeeFollowsTheEip4844FakeExponential() {
    assertEquals(
        BigInteger.valueOf(1),
        org.distli.evm.BlobGas.fakeExponential(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE));
    assertEquals(
        BigInteger.valueOf(6),
        org.distli.evm.BlobGas.fakeExponential(BigInteger.ONE, BigInteger.TWO, BigInteger.ONE));
    assertEquals(
        BigInteger.valueOf(16),
        org.distli.evm.BlobGas.fakeExponential(
            BigInteger.ONE, BigInteger.valueOf(3), BigInteger.ONE));
    assertEquals(
        BigInteger.valueOf(542),
        org.distli.evm.BlobGas.fakeExponential(
            BigInteger.TEN, BigInteger.valueOf(8), BigInteger.TWO));
    assertEquals(Wei.of(1), BlobGas.baseFee(0, ChainSpec.blobSchedule(Fork.CANCUN).orElseThrow()));

    BlockHeader parent = cancunHeader().excessBlobGas(400_000L).blobGasUsed(393_216L).build();
    assertEquals(400_000L, BlobGas.excessForChild(parent, Fork.CANCUN));
    BlockHeader quiet = cancunHeader().excessBlobGas(100L).blobGasUsed(0L).build();
    assertEquals(0L, BlobGas.excessForChild(quiet, Fork.CANCUN));
    assertNull(BlobGas.excessForChild(quiet, Fork.SHANGHAI));
  }
}
