package org.distli.chain.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.BlobGas;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Bloom;
import org.distli.chain.block.Receipt;
import org.distli.chain.block.Withdrawal;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.AccessListEntry;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionError;
import org.distli.chain.transaction.TransactionValidator;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.Fork;
import org.distli.evm.ProcessingOptions;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.state.WorldState;

/**
 * One block being executed on a world state: the system calls at its start, then transactions one
 * at a time (each either applied with a receipt, or refused leaving the state untouched), then the
 * withdrawals at its end. Block import applies a block's list and fails on the first refusal; block
 * building offers candidates and skips the refused ones. Used by one thread.
 */
public final class BlockExecution {
  private final ChainSpec spec;
  private final TransactionProcessor evm;
  private final Fork fork;
  private final BlockContext context;
  private final WorldState state;
  private final Tracer tracer;
  private final long gasLimit;
  private final long maxBlobGas;
  private final List<Receipt> receipts = new ArrayList<>();
  private final Bloom.Builder bloom = new Bloom.Builder();
  private long gasUsed;
  private long blobGasUsed;
  private boolean finished;

  private BlockExecution(
      ChainSpec spec,
      TransactionProcessor evm,
      Fork fork,
      BlockContext context,
      WorldState state,
      Tracer tracer) {
    this.spec = spec;
    this.evm = evm;
    this.fork = fork;
    this.context = context;
    this.state = state;
    this.tracer = tracer == null ? Tracer.NONE : tracer;
    this.gasLimit = context.gasLimit();
    this.maxBlobGas = ChainSpec.blobSchedule(fork).map(s -> s.maxBlobGas()).orElse(0L);
  }

  /**
   * Starts executing a block with {@code header}'s environment on {@code state} (the parent's
   * state) and runs the system calls that precede the transactions: the EIP-4788 beacon root
   * (Cancun) and the EIP-2935 parent hash (Prague). Only the header's environment fields are read
   * (coinbase, number, timestamp, gas limit, base fee, mix hash, difficulty, excess blob gas,
   * parent beacon block root, parent hash), so a builder may pass a header whose results are not
   * known yet.
   */
  public static BlockExecution begin(
      ChainSpec spec,
      TransactionProcessor evm,
      BlockHeader header,
      WorldState state,
      LongFunction<Hash> ancestorHashes,
      Tracer tracer) {
    Fork fork = spec.forkAt(header.number(), header.timestamp());
    Wei blobBaseFee = BlobGas.baseFee(header, fork);
    BlockContext context =
        new BlockContext(
            fork,
            header.coinbase(),
            header.number(),
            header.timestamp(),
            header.gasLimit(),
            header.baseFee().orElse(Wei.ZERO),
            header.mixHash(),
            header.difficulty(),
            blobBaseFee == null ? Wei.ZERO : blobBaseFee,
            spec.chainId(),
            ancestorHashes);
    BlockExecution execution = new BlockExecution(spec, evm, fork, context, state, tracer);
    execution.systemCallsBefore(header);
    return execution;
  }

  public Fork fork() {
    return fork;
  }

  public long gasUsed() {
    return gasUsed;
  }

  /** Gas still available to transactions in this block. */
  public long gasRemaining() {
    return gasLimit - gasUsed;
  }

  public long blobGasUsed() {
    return blobGasUsed;
  }

  public List<Receipt> receipts() {
    return List.copyOf(receipts);
  }

  private void systemCallsBefore(BlockHeader header) {
    if (fork.isAtLeast(Fork.CANCUN) && header.parentBeaconBlockRoot().isPresent()) {
      // EIP-4788: store the parent beacon block root, keyed by timestamp, before any transaction
      systemCall(
          SystemContracts.BEACON_ROOTS_ADDRESS, header.parentBeaconBlockRoot().get().toBytes());
    }
    if (fork.isAtLeast(Fork.PRAGUE) && header.number() > 0) {
      // EIP-2935: store the parent hash in the history contract
      systemCall(SystemContracts.HISTORY_STORAGE_ADDRESS, header.parentHash().toBytes());
    }
  }

  private void systemCall(Address contract, Bytes input) {
    evm.systemCall(state, context, contract, input, SystemContracts.SYSTEM_CALL_GAS, traceOrNull());
  }

  /**
   * Applies one transaction: validates it (state-free rules, then the EVM's account and block-gas
   * checks), executes it, and records its receipt.
   *
   * @return the receipt
   * @throws InvalidTransactionException when the transaction cannot be included; the state is then
   *     unchanged
   */
  public Receipt apply(Transaction tx) {
    if (finished) {
      throw new IllegalStateException("block execution already finished");
    }
    TransactionValidator.validateIntrinsic(tx, spec, fork);
    if (tx.blobGas() > 0 && blobGasUsed + tx.blobGas() > maxBlobGas) {
      throw new InvalidTransactionException(
          TransactionError.TOO_MANY_BLOBS,
          "blob gas " + (blobGasUsed + tx.blobGas()) + " above the block's " + maxBlobGas);
    }
    TransactionResult result;
    try {
      result =
          evm.process(
              state,
              context,
              toEvm(tx),
              traceOrNull(),
              ProcessingOptions.STRICT.withAvailableBlockGas(gasLimit - gasUsed));
    } catch (org.distli.evm.InvalidTransactionException invalid) {
      throw new InvalidTransactionException(errorOf(invalid.reason()), detailOf(invalid));
    }
    gasUsed += result.gasUsed();
    blobGasUsed += tx.blobGas();
    Receipt receipt = Receipt.of(tx.type(), result.isSuccess(), gasUsed, result.logs());
    bloom.or(receipt.logsBloom());
    receipts.add(receipt);
    return receipt;
  }

  /**
   * Credits the withdrawals (EIP-4895: no gas, amounts in gwei), ends the block and returns its
   * results. Touched empty accounts are removed, so a zero withdrawal to an absent account leaves
   * no trace (EIP-161).
   */
  public BlockExecutionResult finish(List<Withdrawal> withdrawals) {
    if (finished) {
      throw new IllegalStateException("block execution already finished");
    }
    finished = true;
    if (withdrawals != null && !withdrawals.isEmpty()) {
      for (Withdrawal withdrawal : withdrawals) {
        state.addBalance(withdrawal.address(), withdrawal.amount());
      }
      state.finalizeTransaction(true);
    }
    return new BlockExecutionResult(receipts, gasUsed, blobGasUsed, bloom.build(), state.changes());
  }

  private Tracer traceOrNull() {
    return tracer == Tracer.NONE ? null : tracer;
  }

  /** The EVM's transaction record; the sender is already recovered. */
  private static EvmTransaction toEvm(Transaction tx) {
    List<org.distli.evm.AccessListEntry> accessList = new ArrayList<>(tx.accessList().size());
    for (AccessListEntry entry : tx.accessList()) {
      accessList.add(new org.distli.evm.AccessListEntry(entry.address(), entry.storageKeys()));
    }
    return new EvmTransaction(
        tx.type().typeByte(),
        tx.sender(),
        tx.to().orElse(null),
        tx.nonce(),
        tx.gasLimit(),
        tx.gasPrice(),
        tx.maxFeePerGas(),
        tx.maxPriorityFeePerGas(),
        tx.value(),
        tx.data(),
        accessList,
        tx.blobVersionedHashes(),
        tx.maxFeePerBlobGas());
  }

  private static TransactionError errorOf(
      org.distli.evm.InvalidTransactionException.Reason reason) {
    return switch (reason) {
      case NONCE_TOO_LOW -> TransactionError.NONCE_TOO_LOW;
      case NONCE_TOO_HIGH -> TransactionError.NONCE_TOO_HIGH;
      case NONCE_MAX -> TransactionError.NONCE_MAX;
      case SENDER_NOT_EOA -> TransactionError.SENDER_NOT_EOA;
      case INSUFFICIENT_FUNDS -> TransactionError.INSUFFICIENT_FUNDS;
      case FEE_CAP_TOO_LOW -> TransactionError.FEE_CAP_TOO_LOW;
      case TIP_ABOVE_FEE_CAP -> TransactionError.TIP_ABOVE_FEE_CAP;
      case FEE_CAP_TOO_HIGH -> TransactionError.FEE_CAP_VERY_HIGH;
      case TIP_TOO_HIGH -> TransactionError.TIP_VERY_HIGH;
      case INTRINSIC_GAS_TOO_LOW -> TransactionError.INTRINSIC_GAS_TOO_LOW;
      case GAS_LIMIT_REACHED -> TransactionError.GAS_LIMIT_REACHED;
      case MAX_INITCODE_SIZE_EXCEEDED -> TransactionError.MAX_INIT_CODE_SIZE_EXCEEDED;
      case TYPE_NOT_SUPPORTED -> TransactionError.TX_TYPE_NOT_SUPPORTED;
      case BLOB_TX_CREATE -> TransactionError.BLOB_TX_CREATE;
      case BLOB_TX_NO_BLOBS -> TransactionError.MISSING_BLOB_HASHES;
      case BLOB_TX_TOO_MANY_BLOBS -> TransactionError.TOO_MANY_BLOBS;
      case BLOB_TX_INVALID_HASH_VERSION -> TransactionError.INVALID_BLOB_HASH_VERSION;
      case BLOB_FEE_CAP_TOO_LOW -> TransactionError.BLOB_FEE_CAP_TOO_LOW;
      case GAS_PRICE_OVERFLOW -> TransactionError.INSUFFICIENT_FUNDS;
    };
  }

  /** The EVM's message already carries go-ethereum's wording; keep its detail after the prefix. */
  private static String detailOf(org.distli.evm.InvalidTransactionException invalid) {
    String message = invalid.getMessage();
    int colon = message == null ? -1 : message.indexOf(": ");
    return colon < 0 ? "" : message.substring(colon + 2);
  }
}
