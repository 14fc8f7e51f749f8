package org.distli.rpc.call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.BlobGas;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.execution.AncestorHashes;
import org.distli.chain.transaction.AccessListEntry;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.Fork;
import org.distli.evm.InvalidTransactionException;
import org.distli.evm.ProcessingOptions;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rpc.jsonrpc.RpcException;
import org.distli.rpc.query.ChainQueries;
import org.distli.state.JournaledWorldState;
import org.distli.state.WorldState;

/**
 * Runs calls (eth_call, eth_estimateGas, eth_createAccessList, debug_traceCall) the way
 * go-ethereum's DoCall does: on a throw-away world state over the state after the given block, in
 * that block's environment, with nonce and sender-code checks off, no block gas limit, and no base
 * fee when the call names no fees (so zero-priced calls work). Never writes anything.
 */
public final class CallExecutor {
  private final ChainQueries chain;
  private final TransactionProcessor evm;
  private final long gasCap;

  public CallExecutor(ChainQueries chain, TransactionProcessor evm, long gasCap) {
    this.chain = chain;
    this.evm = evm;
    this.gasCap = gasCap;
  }

  /** A call and the block it runs on. */
  public record Call(
      CallArguments args,
      BlockHeader header,
      StateOverrides stateOverrides,
      BlockOverrides blockOverrides) {
    public Call(CallArguments args, BlockHeader header) {
      this(args, header, StateOverrides.NONE, BlockOverrides.NONE);
    }

    public Call withArgs(CallArguments replacement) {
      return new Call(replacement, header, stateOverrides, blockOverrides);
    }
  }

  public ChainQueries chain() {
    return chain;
  }

  public long gasCap() {
    return gasCap;
  }

  /**
   * Refuses arguments naming another chain, as go-ethereum does before executing or signing them.
   *
   * @throws RpcException -32000 "chainId does not match node's (have=.., want=..)"
   */
  public void requireChainId(CallArguments args) {
    long chainId = chain.spec().chainId();
    if (args.chainId() != null && args.chainId() != chainId) {
      throw RpcException.server(
          "chainId does not match node's (have=" + args.chainId() + ", want=" + chainId + ")");
    }
  }

  /** The gas a call runs with: its own limit capped by the node's cap, or the cap. */
  public long gasFor(CallArguments args) {
    return args.gas() == null ? gasCap : Math.min(args.gas(), gasCap);
  }

  /**
   * Runs {@code call} with {@code gas} on a fresh copy of the block's state.
   *
   * @throws InvalidTransactionException when the call could not be a transaction (insufficient
   *     funds, fee cap below the base fee, ...), with go-ethereum's message
   */
  public TransactionResult run(Call call, long gas, Tracer tracer)
      throws InvalidTransactionException {
    JournaledWorldState state = new JournaledWorldState(chain.backend(call.header()));
    call.stateOverrides().applyTo(state);
    // The overrides become the state the call starts from (SSTORE compares against it).
    state.finalizeTransaction(false);
    BlockContext context = context(call.header(), call.blockOverrides(), call.args());
    EvmTransaction tx = message(call.args(), gas, state);
    return evm.process(
        state,
        context,
        tx,
        tracer,
        ProcessingOptions.SIMULATION.withAvailableBlockGas(Long.MAX_VALUE));
  }

  /**
   * eth_call's outcome: the return data, or the error a client expects: code 3 with the revert data
   * for a revert, -32000 with go-ethereum's message for a halt or an invalid transaction.
   */
  public Bytes output(Call call, Tracer tracer) {
    TransactionResult result = runOrThrow(call, gasFor(call.args()), tracer);
    return switch (result.status()) {
      case SUCCESS -> result.output();
      case REVERT -> throw RevertReason.error(result.output());
      case HALT -> throw RpcException.server(result.errorMessage());
    };
  }

  /** Runs and turns an invalid transaction into a -32000 error. */
  public TransactionResult runOrThrow(Call call, long gas, Tracer tracer) {
    try {
      return run(call, gas, tracer);
    } catch (InvalidTransactionException e) {
      throw RpcException.server(e.getMessage());
    }
  }

  /** The EVM's view of {@code header} as a call sees it, with the overrides applied. */
  public BlockContext context(BlockHeader header, BlockOverrides o, CallArguments args) {
    long number = o.number() != null ? o.number() : header.number();
    long timestamp = o.time() != null ? o.time() : header.timestamp();
    Fork fork = chain.spec().forkAt(number, timestamp);
    Wei baseFee = o.baseFeePerGas() != null ? o.baseFeePerGas() : header.baseFee().orElse(Wei.ZERO);
    if (args != null && args.feesAreZero() && o.baseFeePerGas() == null) {
      // Like go-ethereum: a call without fees sees no base fee, so that it can pay nothing.
      baseFee = Wei.ZERO;
    }
    Wei blobBaseFee = o.blobBaseFee();
    if (blobBaseFee == null) {
      blobBaseFee =
          BlobGas.baseFee(header, chain.spec().forkAt(header.number(), header.timestamp()));
    }
    return new BlockContext(
        fork,
        o.feeRecipient() != null ? o.feeRecipient() : header.coinbase(),
        number,
        timestamp,
        o.gasLimit() != null ? o.gasLimit() : header.gasLimit(),
        baseFee,
        o.prevRandao() != null ? o.prevRandao() : header.mixHash(),
        header.difficulty(),
        blobBaseFee == null ? Wei.ZERO : blobBaseFee,
        chain.spec().chainId(),
        ancestors(header));
  }

  /** BLOCKHASH's view from a call at {@code header}: the blocks before it. */
  public LongFunction<Hash> ancestors(BlockHeader header) {
    return chain
        .parent(header)
        .<LongFunction<Hash>>map(
            parent -> new AncestorHashes(parent, hash -> chain.chain().header(hash).orElse(null)))
        .orElse(n -> null);
  }

  /** The transaction a call stands for: defaults as go-ethereum fills them for calls. */
  static EvmTransaction message(CallArguments args, long gas, WorldState state) {
    Address from = args.fromOrZero();
    EvmTransaction.Builder tx =
        EvmTransaction.builder()
            .sender(from)
            .to(args.to())
            .nonce(args.nonce() != null ? args.nonce() : state.getNonce(from))
            .gasLimit(gas)
            .value(args.valueOrZero())
            .data(args.dataOrEmpty())
            .accessList(evmAccessList(args.accessList()));
    if (args.gasPrice() != null) {
      tx.gasPrice(args.gasPrice());
      if (args.accessList() != null) {
        tx.type(EvmTransaction.ACCESS_LIST);
      }
    } else if (args.maxFeePerGas() != null || args.maxPriorityFeePerGas() != null) {
      tx.fees(
          args.maxFeePerGas() != null ? args.maxFeePerGas() : Wei.ZERO,
          args.maxPriorityFeePerGas() != null ? args.maxPriorityFeePerGas() : Wei.ZERO);
    } else if (args.accessList() != null) {
      tx.type(EvmTransaction.ACCESS_LIST);
    }
    if (args.blobVersionedHashes() != null) {
      tx.blobs(
          args.blobVersionedHashes(),
          args.maxFeePerBlobGas() != null ? args.maxFeePerBlobGas() : Wei.ZERO);
    }
    if (args.type() != null) {
      tx.type(args.type());
    }
    return tx.build();
  }

  static List<org.distli.evm.AccessListEntry> evmAccessList(List<AccessListEntry> list) {
    if (list == null) {
      return List.of();
    }
    List<org.distli.evm.AccessListEntry> out = new ArrayList<>(list.size());
    for (AccessListEntry entry : list) {
      out.add(new org.distli.evm.AccessListEntry(entry.address(), entry.storageKeys()));
    }
    return out;
  }
}
