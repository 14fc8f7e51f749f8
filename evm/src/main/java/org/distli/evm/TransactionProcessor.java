package org.distli.evm;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.InvalidTransactionException.Reason;
import org.distli.evm.interpreter.CodeCache;
import org.distli.evm.interpreter.Evm;
import org.distli.evm.interpreter.FramePool;
import org.distli.evm.interpreter.MessageResult;
import org.distli.evm.interpreter.Rules;
import org.distli.evm.precompile.PrecompileSet;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.state.WorldState;

/**
 * Executes transactions against a world state: validation, gas purchase, the EVM run, refunds, fee
 * payment, and the end-of-transaction cleanup (self-destructs, EIP-161), as go-ethereum's state
 * transition does. Thread-safe and meant to be shared: it holds only immutable rules and a
 * thread-safe cache of analysed code; each call works on the caller's world state.
 */
public final class TransactionProcessor {
  /** The sender of system calls (EIP-4788 and later): 0xff...fe. */
  public static final Address SYSTEM_ADDRESS =
      Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");

  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final CodeCache codeCache;
  private final ThreadLocal<FramePool> framePools = ThreadLocal.withInitial(FramePool::new);

  public TransactionProcessor() {
    this(new CodeCache());
  }

  /** A processor sharing {@code codeCache} (analysed code by hash) with others. */
  public TransactionProcessor(CodeCache codeCache) {
    this.codeCache = codeCache;
  }

  /** Executes a transaction with no tracer and strict validation (block import). */
  public TransactionResult process(WorldState state, BlockContext block, EvmTransaction tx)
      throws InvalidTransactionException {
    return process(state, block, tx, null, ProcessingOptions.STRICT);
  }

  /**
   * Executes a transaction. On success the state holds its effects, finalised (the journal is empty
   * and the next transaction can start); when the transaction is invalid the exception says why in
   * go-ethereum's words and the state is unchanged.
   *
   * @param tracer receives execution events; null for none
   */
  public TransactionResult process(
      WorldState state,
      BlockContext block,
      EvmTransaction tx,
      Tracer tracer,
      ProcessingOptions options)
      throws InvalidTransactionException {
    Rules rules = Rules.of(block.fork());
    Fees fees = validate(state, block, tx, rules, options);

    // ---- buy gas; from here the transaction is included
    Address sender = tx.sender();
    state.subtractBalance(sender, fees.upfrontCost);
    if (!tx.isCreate()) {
      state.setNonce(sender, tx.nonce() + 1);
    }
    Evm evm =
        new Evm(
            rules,
            state,
            block,
            PrecompileSet.forFork(block.fork()),
            codeCache,
            tracer,
            sender,
            fees.gasPrice,
            tx.blobVersionedHashes(),
            framePools.get());
    if (rules.hasAccessLists()) {
      warmAccessList(evm, rules, block, tx);
    }
    if (tracer != null) {
      tracer.onTransactionStart(tx, block, tx.gasLimit());
    }

    long gas = tx.gasLimit() - fees.intrinsicGas;
    byte[] data = tx.data().toArrayUnsafe();
    MessageResult message =
        tx.isCreate()
            ? evm.create(sender, tx.value(), data, gas)
            : evm.call(sender, tx.to(), tx.value(), data, gas);

    // ---- refund and fees (EIP-3529 caps the refund at a fifth of the gas used)
    long gasLeft = message.gasLeft();
    long gasUsed = tx.gasLimit() - gasLeft;
    long refund = Math.min(evm.refund(), gasUsed / rules.refundQuotient());
    gasLeft += refund;
    gasUsed -= refund;
    if (gasLeft > 0) {
      state.addBalance(sender, times(fees.gasPrice, gasLeft));
    }
    if (!(options.noBaseFee() && fees.zeroFeeFields)) {
      state.addBalance(block.coinbase(), times(fees.tip, gasUsed));
    }
    evm.finishTransaction();
    state.finalizeTransaction(rules.emptyAccountsRemoved());

    TransactionResult.Status status =
        message.success()
            ? TransactionResult.Status.SUCCESS
            : message.reverted() ? TransactionResult.Status.REVERT : TransactionResult.Status.HALT;
    List<Log> logs = message.success() ? evm.logs() : List.of();
    TransactionResult result =
        new TransactionResult(
            status,
            gasUsed,
            refund,
            logs,
            message.output(),
            message.createdAddress(),
            message.halt(),
            message.haltMessage(),
            fees.blobGas);
    if (tracer != null) {
      tracer.onTransactionEnd(result);
    }
    return result;
  }

  /**
   * Runs a system call (EIP-4788 beacon root, and later EIP-2935 and friends): a call from {@link
   * #SYSTEM_ADDRESS} that pays no fees and uses no nonce. The state is finalised afterwards.
   */
  public MessageResult systemCall(
      WorldState state, BlockContext block, Address to, Bytes data, long gasLimit, Tracer tracer) {
    Rules rules = Rules.of(block.fork());
    Evm evm =
        new Evm(
            rules,
            state,
            block,
            PrecompileSet.forFork(block.fork()),
            codeCache,
            tracer,
            SYSTEM_ADDRESS,
            Wei.ZERO,
            List.of());
    evm.warmAddress(to);
    MessageResult result = evm.call(SYSTEM_ADDRESS, to, Wei.ZERO, data.toArrayUnsafe(), gasLimit);
    evm.finishTransaction();
    state.finalizeTransaction(true);
    return result;
  }

  /** The gas a transaction costs before any code runs. */
  public static long intrinsicGas(Fork fork, EvmTransaction tx) {
    int keys = 0;
    for (AccessListEntry entry : tx.accessList()) {
      keys += entry.storageKeys().size();
    }
    return Rules.of(fork)
        .intrinsicGas(tx.data().toArrayUnsafe(), tx.isCreate(), tx.accessList().size(), keys);
  }

  /** amount * count, which callers know fits in 256 bits. */
  private static Wei times(Wei amount, long count) {
    if (amount.fitsLong()) {
      long price = amount.toLong();
      if (price >= 0 && Math.multiplyHigh(price, count) == 0 && price * count >= 0) {
        return Wei.of(price * count);
      }
    }
    return Wei.of(amount.toBigInteger().multiply(BigInteger.valueOf(count)));
  }

  private static void warmAccessList(Evm evm, Rules rules, BlockContext block, EvmTransaction tx) {
    evm.warmAddress(tx.sender());
    if (tx.to() != null) {
      evm.warmAddress(tx.to());
    }
    for (Address precompile : evm.precompileAddresses()) {
      evm.warmAddress(precompile);
    }
    for (AccessListEntry entry : tx.accessList()) {
      evm.warmAddress(entry.address());
      for (Hash key : entry.storageKeys()) {
        evm.warmSlot(
            entry.address(), org.apache.tuweni.units.bigints.UInt256.fromBytes(key.toBytes()));
      }
    }
    if (rules.warmCoinbase()) {
      evm.warmAddress(block.coinbase());
    }
  }

  // ---- validation

  /** What validation worked out about the fees. */
  private record Fees(
      Wei gasPrice,
      Wei tip,
      Wei upfrontCost,
      long intrinsicGas,
      long blobGas,
      boolean zeroFeeFields) {}

  private Fees validate(
      WorldState state,
      BlockContext block,
      EvmTransaction tx,
      Rules rules,
      ProcessingOptions options)
      throws InvalidTransactionException {
    Address sender = tx.sender();
    boolean supported =
        switch (tx.type()) {
          case EvmTransaction.LEGACY -> true;
          case EvmTransaction.ACCESS_LIST -> rules.hasAccessListTransactions();
          case EvmTransaction.DYNAMIC_FEE -> rules.hasBaseFee();
          case EvmTransaction.BLOB -> rules.hasBlobs();
          default -> false;
        };
    if (!supported) {
      throw new InvalidTransactionException(
          Reason.TYPE_NOT_SUPPORTED, "transaction type not supported");
    }
    long stateNonce = state.getNonce(sender);
    if (!options.skipNonceCheck()) {
      int order = Long.compareUnsigned(tx.nonce(), stateNonce);
      if (order > 0) {
        throw new InvalidTransactionException(
            Reason.NONCE_TOO_HIGH,
            "nonce too high: address %s, tx: %s state: %s"
                .formatted(
                    sender, Long.toUnsignedString(tx.nonce()), Long.toUnsignedString(stateNonce)));
      }
      if (order < 0) {
        throw new InvalidTransactionException(
            Reason.NONCE_TOO_LOW,
            "nonce too low: address %s, tx: %s state: %s"
                .formatted(
                    sender, Long.toUnsignedString(tx.nonce()), Long.toUnsignedString(stateNonce)));
      }
    }
    if (stateNonce == -1L) {
      throw new InvalidTransactionException(
          Reason.NONCE_MAX,
          "nonce has max value: address %s, nonce: %s"
              .formatted(sender, Long.toUnsignedString(stateNonce)));
    }
    if (!options.skipSenderCodeCheck() && rules.rejectSenderWithCode()) {
      Hash codeHash = state.getCodeHash(sender);
      if (!codeHash.equals(Hash.EMPTY_CODE) && !codeHash.equals(Hash.ZERO)) {
        throw new InvalidTransactionException(
            Reason.SENDER_NOT_EOA,
            "sender not an eoa: address %s, codehash: %s".formatted(sender, codeHash));
      }
    }

    BigInteger feeCap = tx.maxFeePerGas().toBigInteger();
    BigInteger tipCap = tx.maxPriorityFeePerGas().toBigInteger();
    BigInteger baseFee = block.baseFee().toBigInteger();
    boolean zeroFeeFields = feeCap.signum() == 0 && tipCap.signum() == 0;
    BigInteger gasPrice;
    BigInteger tip;
    if (rules.hasBaseFee()) {
      if (feeCap.compareTo(tipCap) < 0) {
        throw new InvalidTransactionException(
            Reason.TIP_ABOVE_FEE_CAP,
            "max priority fee per gas higher than max fee per gas: address %s, maxPriorityFeePerGas: %s, maxFeePerGas: %s"
                .formatted(sender, tipCap, feeCap));
      }
      boolean skipBaseFee = options.noBaseFee() && zeroFeeFields;
      if (!skipBaseFee && feeCap.compareTo(baseFee) < 0) {
        throw new InvalidTransactionException(
            Reason.FEE_CAP_TOO_LOW,
            "max fee per gas less than block base fee: address %s, maxFeePerGas: %s, baseFee: %s"
                .formatted(sender, feeCap, baseFee));
      }
      gasPrice = feeCap.min(baseFee.add(tipCap));
      tip = feeCap.subtract(baseFee).min(tipCap).max(BigInteger.ZERO);
    } else {
      gasPrice = feeCap;
      tip = feeCap;
    }

    long blobGas = 0;
    BigInteger blobFee = BigInteger.ZERO;
    BigInteger blobFeeCapCost = BigInteger.ZERO;
    if (tx.type() == EvmTransaction.BLOB) {
      List<Hash> hashes = tx.blobVersionedHashes();
      if (tx.to() == null) {
        throw new InvalidTransactionException(
            Reason.BLOB_TX_CREATE, "blob transaction of type create");
      }
      if (hashes.isEmpty()) {
        throw new InvalidTransactionException(
            Reason.BLOB_TX_NO_BLOBS, "blob transaction missing blob hashes");
      }
      blobGas = rules.blobGasPerBlob() * hashes.size();
      if (blobGas > rules.maxBlobGasPerBlock()) {
        throw new InvalidTransactionException(
            Reason.BLOB_TX_TOO_MANY_BLOBS,
            "blob gas used %d exceeds maximum allowance %d"
                .formatted(blobGas, rules.maxBlobGasPerBlock()));
      }
      for (int i = 0; i < hashes.size(); i++) {
        if (hashes.get(i).get(0) != 0x01) {
          throw new InvalidTransactionException(
              Reason.BLOB_TX_INVALID_HASH_VERSION, "blob %d has invalid hash version".formatted(i));
        }
      }
      BigInteger blobFeeCap = tx.maxFeePerBlobGas().toBigInteger();
      BigInteger blobBaseFee = block.blobBaseFee().toBigInteger();
      boolean skipBlobFee = options.noBaseFee() && blobFeeCap.signum() == 0;
      if (!skipBlobFee && blobFeeCap.compareTo(blobBaseFee) < 0) {
        throw new InvalidTransactionException(
            Reason.BLOB_FEE_CAP_TOO_LOW,
            "max fee per blob gas less than block blob gas fee: address %s blobGasFeeCap: %s, blobBaseFee: %s"
                .formatted(sender, blobFeeCap, blobBaseFee));
      }
      blobFee = BigInteger.valueOf(blobGas).multiply(blobBaseFee);
      blobFeeCapCost = BigInteger.valueOf(blobGas).multiply(blobFeeCap);
    }

    BigInteger gasLimit = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
    BigInteger value = tx.value().toBigInteger();
    BigInteger balanceNeeded = gasLimit.multiply(feeCap).add(value).add(blobFeeCapCost);
    BigInteger balance = state.getBalance(sender).toBigInteger();
    if (balanceNeeded.compareTo(MAX_UINT256) > 0) {
      throw new InvalidTransactionException(
          Reason.INSUFFICIENT_FUNDS,
          "insufficient funds for gas * price + value: address %s required balance exceeds 256 bits"
              .formatted(sender));
    }
    if (balance.compareTo(balanceNeeded) < 0) {
      throw new InvalidTransactionException(
          Reason.INSUFFICIENT_FUNDS,
          "insufficient funds for gas * price + value: address %s have %s want %s"
              .formatted(sender, balance, balanceNeeded));
    }
    long available =
        options.availableBlockGas() >= 0 ? options.availableBlockGas() : block.gasLimit();
    if (Long.compareUnsigned(tx.gasLimit(), available) > 0) {
      throw new InvalidTransactionException(Reason.GAS_LIMIT_REACHED, "gas limit reached");
    }
    long intrinsic = intrinsicGas(block.fork(), tx);
    if (tx.gasLimit() < intrinsic) {
      throw new InvalidTransactionException(
          Reason.INTRINSIC_GAS_TOO_LOW,
          "intrinsic gas too low: have %d, want %d".formatted(tx.gasLimit(), intrinsic));
    }
    if (tx.isCreate()
        && rules.maxInitcodeSize() > 0
        && tx.data().size() > rules.maxInitcodeSize()) {
      throw new InvalidTransactionException(
          Reason.MAX_INITCODE_SIZE_EXCEEDED,
          "max initcode size exceeded: code size %d limit %d"
              .formatted(tx.data().size(), rules.maxInitcodeSize()));
    }
    BigInteger upfront = gasLimit.multiply(gasPrice).add(blobFee);
    return new Fees(
        Wei.of(gasPrice), Wei.of(tip), Wei.of(upfront), intrinsic, blobGas, zeroFeeFields);
  }
}
