package org.distli.chain.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.spec.ChainSpec;
import org.distli.crypto.SecretKey;
import org.distli.crypto.Signature;
import org.distli.evm.Fork;
import org.distli.genesis.ChainConfig;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private static final SecretKey KEY =
      SecretKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address BOB = Address.fromHex("0x000000000000000000000000000000000000b0b0");
  private static final ChainSpec ETHEREUM =
      ChainSpec.ethereum(ChainConfig.allFromGenesis(1337, Fork.CANCUN));
  private static final ChainSpec DISTLI =
      ChainSpec.distli(ChainConfig.allFromGenesis(1337, Fork.CANCUN), 32);

  private static Transaction.Builder transfer(TransactionType type) {
    return Transaction.builder(type)
        .nonce(3)
        .gasPrice(Wei.of(10))
        .maxFeePerGas(Wei.of(20))
        .maxPriorityFeePerGas(Wei.of(2))
        .gasLimit(21_000)
        .to(BOB)
        .value(Wei.of(1_000));
  }

  @Test
  void everyTypeRoundTripsThroughItsBinaryFormAndRecoversTheSigner() {
    for (TransactionType type :
        List.of(
            TransactionType.LEGACY,
            TransactionType.ACCESS_LIST,
            TransactionType.DYNAMIC_FEE,
            TransactionType.BLOB)) {
      Transaction.Builder builder =
          transfer(type)
              .accessList(List.of(new AccessListEntry(BOB, List.of(Hash.ZERO))))
              .maxFeePerBlobGas(Wei.of(5))
              .blobVersionedHashes(
                  List.of(
                      Hash.fromHex(
                          "0x0100000000000000000000000000000000000000000000000000000000000001")));
      Transaction signed = builder.sign(KEY, 1337);
      Transaction decoded = Transaction.decode(signed.encoded());
      assertEquals(signed.hash(), decoded.hash(), type.toString());
      assertEquals(KEY.address(), decoded.sender(), type.toString());
      assertEquals(UInt256.valueOf(1337), decoded.chainId().orElseThrow());
      assertEquals(type.isTyped(), (decoded.encoded().get(0) & 0xff) < 0x80);
    }
  }

  @Test
  void legacyTransactionsCarryTheChainIdInV() {
    Transaction tx = transfer(TransactionType.LEGACY).sign(KEY, 1337);
    long v = tx.v().toLong();
    assertTrue(v == 1337 * 2 + 35 || v == 1337 * 2 + 36, "v = " + v);

    Transaction unprotected = transfer(TransactionType.LEGACY).signWithoutReplayProtection(KEY);
    assertTrue(unprotected.v().toLong() == 27 || unprotected.v().toLong() == 28);
    assertTrue(unprotected.chainId().isEmpty());
    assertEquals(KEY.address(), Transaction.decode(unprotected.encoded()).sender());
  }

  @Test
  void typedTransactionsAreWrappedInAStringInsideBlocks() {
    Transaction tx = transfer(TransactionType.DYNAMIC_FEE).sign(KEY, 1337);
    RlpWriter writer = new RlpWriter();
    tx.writeTo(writer);
    RlpReader reader = RlpReader.of(writer.toByteArray());
    assertFalse(reader.nextIsList());
    assertEquals(tx, Transaction.readFrom(reader));
  }

  @Test
  void highSSignaturesAreRefused() {
    Transaction tx = transfer(TransactionType.DYNAMIC_FEE).sign(KEY, 1337);
    UInt256 highS = Signature.CURVE_ORDER.subtract(tx.s());
    Transaction malleated =
        transfer(TransactionType.DYNAMIC_FEE)
            .chainId(1337)
            .withSignature(UInt256.valueOf(1).subtract(tx.v()), tx.r(), highS);
    InvalidTransactionException e =
        assertThrows(InvalidTransactionException.class, malleated::sender);
    assertEquals(TransactionError.INVALID_SIGNATURE, e.error());
    assertEquals("invalid transaction v, r, s values", e.getMessage());
  }

  @Test
  void decodingRefusesTrailingBytesAndUnknownTypes() {
    Transaction tx = transfer(TransactionType.LEGACY).sign(KEY, 1337);
    Bytes withTrailing = Bytes.concatenate(tx.encoded(), Bytes.of(0));
    assertThrows(RlpException.class, () -> Transaction.decode(withTrailing));
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class, () -> Transaction.decode(Bytes.of(0x05, 0xc0)));
    assertEquals(TransactionError.TX_TYPE_NOT_SUPPORTED, e.error());
  }

  @Test
  void theBlobNetworkFormIsRefusedAsUnsupported() {
    Transaction blob =
        transfer(TransactionType.BLOB)
            .blobVersionedHashes(
                List.of(
                    Hash.fromHex(
                        "0x0100000000000000000000000000000000000000000000000000000000000001")))
            .sign(KEY, 1337);
    RlpWriter wrapper = new RlpWriter().writeByteUnframed(3).startList();
    wrapper.writeRaw(blob.encoded().slice(1).toArray());
    wrapper.startList().writeBytes(new byte[131_072]).endList();
    wrapper.startList().writeBytes(new byte[48]).endList();
    wrapper.startList().writeBytes(new byte[48]).endList();
    byte[] networkForm = wrapper.endList().toByteArray();
    InvalidTransactionException e =
        assertThrows(InvalidTransactionException.class, () -> Transaction.decode(networkForm));
    assertEquals(TransactionError.TX_TYPE_NOT_SUPPORTED, e.error());
  }

  @Test
  void blobTransactionsAreRefusedOnADistliChain() {
    Transaction blob =
        transfer(TransactionType.BLOB)
            .blobVersionedHashes(
                List.of(
                    Hash.fromHex(
                        "0x0100000000000000000000000000000000000000000000000000000000000001")))
            .sign(KEY, 1337);
    assertEquals(21_000, TransactionValidator.validateIntrinsic(blob, ETHEREUM, Fork.CANCUN));
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionValidator.validateIntrinsic(blob, DISTLI, Fork.CANCUN));
    assertEquals(TransactionError.TX_TYPE_NOT_SUPPORTED, e.error());
    assertTrue(e.getMessage().startsWith("transaction type not supported"));
  }

  @Test
  void intrinsicChecksUseGethWording() {
    Transaction wrongChain = transfer(TransactionType.DYNAMIC_FEE).sign(KEY, 1);
    assertEquals(
        TransactionError.INVALID_CHAIN_ID,
        refusal(() -> TransactionValidator.validateIntrinsic(wrongChain, DISTLI, Fork.CANCUN)));

    Transaction lowGas = transfer(TransactionType.DYNAMIC_FEE).gasLimit(20_999).sign(KEY, 1337);
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () -> TransactionValidator.validateIntrinsic(lowGas, DISTLI, Fork.CANCUN));
    assertEquals("intrinsic gas too low: gas 20999, minimum needed 21000", e.getMessage());

    Transaction tipAboveCap =
        transfer(TransactionType.DYNAMIC_FEE).maxPriorityFeePerGas(Wei.of(21)).sign(KEY, 1337);
    assertEquals(
        TransactionError.TIP_ABOVE_FEE_CAP,
        refusal(() -> TransactionValidator.validateIntrinsic(tipAboveCap, DISTLI, Fork.CANCUN)));

    Transaction hugeInitCode =
        transfer(TransactionType.DYNAMIC_FEE)
            .to(null)
            .gasLimit(30_000_000)
            .data(Bytes.wrap(new byte[IntrinsicGas.MAX_INIT_CODE_SIZE + 1]))
            .sign(KEY, 1337);
    assertEquals(
        TransactionError.MAX_INIT_CODE_SIZE_EXCEEDED,
        refusal(() -> TransactionValidator.validateIntrinsic(hugeInitCode, DISTLI, Fork.CANCUN)));
  }

  @Test
  void accountChecksUseGethWording() {
    Transaction tx = transfer(TransactionType.DYNAMIC_FEE).sign(KEY, 1337);
    Wei plenty = Wei.ofEther(1);
    assertEquals(
        TransactionError.NONCE_TOO_LOW,
        refusal(
            () ->
                TransactionValidator.validateAgainstAccount(
                    tx, 4, plenty, false, Wei.of(7), null)));
    assertEquals(
        TransactionError.NONCE_TOO_HIGH,
        refusal(
            () ->
                TransactionValidator.validateAgainstAccount(
                    tx, 2, plenty, false, Wei.of(7), null)));
    assertEquals(
        TransactionError.FEE_CAP_TOO_LOW,
        refusal(
            () ->
                TransactionValidator.validateAgainstAccount(
                    tx, 3, plenty, false, Wei.of(21), null)));
    assertEquals(
        TransactionError.SENDER_NOT_EOA,
        refusal(
            () ->
                TransactionValidator.validateAgainstAccount(tx, 3, plenty, true, Wei.of(7), null)));
    // 21000 * 20 + 1000 = 421000 wei needed
    InvalidTransactionException e =
        assertThrows(
            InvalidTransactionException.class,
            () ->
                TransactionValidator.validateAgainstAccount(
                    tx, 3, Wei.of(420_999), false, Wei.of(7), null));
    assertTrue(e.getMessage().startsWith("insufficient funds for gas * price + value: address "));
    TransactionValidator.validateAgainstAccount(tx, 3, Wei.of(421_000), false, Wei.of(7), null);
  }

  @Test
  void effectiveGasPriceIsCappedByTheFeeCap() {
    Transaction tx = transfer(TransactionType.DYNAMIC_FEE).sign(KEY, 1337);
    assertEquals(Wei.of(9), tx.effectiveGasPrice(Wei.of(7)));
    assertEquals(Wei.of(20), tx.effectiveGasPrice(Wei.of(19)));
    assertEquals(Wei.of(2), tx.effectiveTip(Wei.of(7)));
    assertEquals(Wei.of(1), tx.effectiveTip(Wei.of(19)));
    Transaction legacy = transfer(TransactionType.LEGACY).sign(KEY, 1337);
    assertEquals(Wei.of(10), legacy.effectiveGasPrice(Wei.of(7)));
  }

  @Test
  void intrinsicGasCountsDataCreationAndAccessLists() {
    Transaction tx =
        transfer(TransactionType.ACCESS_LIST)
            .data(Bytes.fromHexString("0x0001"))
            .accessList(List.of(new AccessListEntry(BOB, List.of(Hash.ZERO, Hash.EMPTY_CODE))))
            .sign(KEY, 1337);
    assertEquals(21_000 + 4 + 16 + 2_400 + 2 * 1_900, IntrinsicGas.of(tx, Fork.CANCUN));
    assertEquals(21_000 + 4 + 68 + 2_400 + 2 * 1_900, IntrinsicGas.of(tx, Fork.PETERSBURG));
    Transaction create =
        transfer(TransactionType.DYNAMIC_FEE)
            .to(null)
            .data(Bytes.wrap(new byte[33]))
            .sign(KEY, 1337);
    assertEquals(53_000 + 33 * 4 + 2 * 2, IntrinsicGas.of(create, Fork.SHANGHAI));
    assertEquals(53_000 + 33 * 4, IntrinsicGas.of(create, Fork.PARIS));
  }

  private static TransactionError refusal(Runnable check) {
    return assertThrows(InvalidTransactionException.class, check::run).error();
  }
}
