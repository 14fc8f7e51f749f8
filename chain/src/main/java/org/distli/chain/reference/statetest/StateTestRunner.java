package org.distli.chain.reference.statetest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.distli.crypto.Keccak256;
import org.distli.evm.BlockContext;
import org.distli.evm.EvmTransaction;
import org.distli.evm.Fork;
import org.distli.evm.InvalidTransactionException;
import org.distli.evm.ProcessingOptions;
import org.distli.evm.TransactionProcessor;
import org.distli.evm.TransactionResult;
import org.distli.evm.interpreter.Rules;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.primitives.Wei;
import org.distli.rlp.RlpWriter;
import org.distli.state.JournaledWorldState;
import org.distli.state.StateBackend;
import org.distli.state.StateChanges;
import org.distli.state.StateDatabase;

/**
 * Runs state tests: builds the pre-state in an in-memory state database, executes each case's
 * transaction on a fresh world state over it, and compares the post-state root and logs hash with
 * the expected ones, as go-ethereum's state test runner does.
 */
public final class StateTestRunner {
  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final TransactionProcessor processor;

  public StateTestRunner(TransactionProcessor processor) {
    this.processor = processor;
  }

  public StateTestRunner() {
    this(new TransactionProcessor());
  }

  /** The outcome of one (fork, data, gas, value) case. */
  public record CaseResult(
      String test,
      String fork,
      int dataIndex,
      int gasIndex,
      int valueIndex,
      boolean passed,
      Hash expectedRoot,
      Hash actualRoot,
      String message,
      long gasUsed) {

    /** One line for a failure report. */
    public String describe() {
      return "%s %s d=%d g=%d v=%d: expected root %s, got %s%s"
          .formatted(
              test,
              fork,
              dataIndex,
              gasIndex,
              valueIndex,
              expectedRoot,
              actualRoot,
              message == null ? "" : " (" + message + ")");
    }
  }

  /** Runs every case of the test, or only those of {@code onlyFork} when it is not null. */
  public List<CaseResult> run(StateTest test, Fork onlyFork, Tracer tracer) {
    List<CaseResult> results = new ArrayList<>();
    Prepared prepared = null;
    for (Map.Entry<String, List<StateTest.Expectation>> entry : test.post().entrySet()) {
      Fork fork;
      try {
        fork = Fork.parse(entry.getKey());
      } catch (IllegalArgumentException unknown) {
        for (StateTest.Expectation expected : entry.getValue()) {
          results.add(failure(test, entry.getKey(), expected, "unknown fork"));
        }
        continue;
      }
      if (onlyFork != null && fork != onlyFork) {
        continue;
      }
      if (prepared == null) {
        prepared = prepare(test);
      }
      for (StateTest.Expectation expected : entry.getValue()) {
        results.add(runCase(test, prepared, entry.getKey(), fork, expected, tracer));
      }
    }
    return results;
  }

  /** Runs one case and returns its result. */
  public CaseResult runCase(
      StateTest test,
      Prepared prepared,
      String forkName,
      Fork fork,
      StateTest.Expectation expected,
      Tracer tracer) {
    StateBackend base = prepared.database.at(prepared.root);
    JournaledWorldState state = new JournaledWorldState(base);
    BlockContext block = blockContext(test.env(), fork);
    EvmTransaction tx;
    try {
      tx = transaction(test.transaction(), expected);
    } catch (IllegalArgumentException invalid) {
      // The transaction cannot even be encoded (e.g. a value wider than 256 bits).
      String message =
          expected.expectException() == null
              ? "unexpected invalid transaction: " + invalid.getMessage()
              : null;
      return compare(test, forkName, expected, prepared.root, Hash.EMPTY_LIST, message, 0);
    }
    String message = null;
    List<Log> logs = List.of();
    long gasUsed = 0;
    try {
      TransactionResult result =
          processor.process(state, block, tx, tracer, ProcessingOptions.STRICT);
      logs = result.logs();
      gasUsed = result.gasUsed();
      // go-ethereum's runner touches the coinbase with a zero reward after a valid transaction.
      state.addBalance(block.coinbase(), Wei.ZERO);
      state.finalizeTransaction(Rules.of(fork).emptyAccountsRemoved());
      if (expected.expectException() != null) {
        message = "expected " + expected.expectException() + " but the transaction was valid";
      }
    } catch (InvalidTransactionException invalid) {
      if (expected.expectException() == null) {
        message = "unexpected invalid transaction: " + invalid.getMessage();
      }
    }
    Hash root = state.rootHash();
    Hash logsHash = logsHash(logs);
    if (message == null
        && !logsHash.equals(expected.logsHash())
        && root.equals(expected.stateRoot())) {
      message = "logs hash " + logsHash + ", expected " + expected.logsHash();
    }
    return compare(test, forkName, expected, root, logsHash, message, gasUsed);
  }

  private static CaseResult compare(
      StateTest test,
      String fork,
      StateTest.Expectation expected,
      Hash root,
      Hash logsHash,
      String message,
      long gasUsed) {
    boolean passed =
        message == null
            && root.equals(expected.stateRoot())
            && (logsHash.equals(expected.logsHash()) || expected.expectException() != null);
    return new CaseResult(
        test.name(),
        fork,
        expected.dataIndex(),
        expected.gasIndex(),
        expected.valueIndex(),
        passed,
        expected.stateRoot(),
        root,
        message,
        gasUsed);
  }

  private static CaseResult failure(
      StateTest test, String fork, StateTest.Expectation expected, String message) {
    return new CaseResult(
        test.name(),
        fork,
        expected.dataIndex(),
        expected.gasIndex(),
        expected.valueIndex(),
        false,
        expected.stateRoot(),
        Hash.ZERO,
        message,
        0);
  }

  /** keccak256 of the RLP list of logs, as the state tests' "logs" field. */
  public static Hash logsHash(List<Log> logs) {
    RlpWriter w = new RlpWriter();
    Log.writeList(w, logs);
    return Keccak256.hash(w.toByteArray());
  }

  // ---- building the inputs

  /** A test's pre-state, committed once and shared by all its cases. */
  public record Prepared(StateDatabase database, Hash root) {}

  public static Prepared prepare(StateTest test) {
    StateChanges.Builder pre = StateChanges.builder();
    test.pre()
        .forEach(
            (address, account) ->
                pre.newAccount(
                    address,
                    account.nonce(),
                    account.balance(),
                    account.code(),
                    account.storage()));
    StateDatabase database = StateDatabase.inMemory();
    Hash root = database.commit(Hash.EMPTY_TRIE_ROOT, pre.build(), 0);
    return new Prepared(database, root);
  }

  public static BlockContext blockContext(StateTest.Environment env, Fork fork) {
    Rules rules = Rules.of(fork);
    Wei baseFee = env.baseFee();
    if (baseFee == null) {
      baseFee = rules.hasBaseFee() ? Wei.of(10) : Wei.ZERO;
    }
    BlockContext.Builder builder =
        BlockContext.builder(fork)
            .coinbase(env.coinbase())
            .number(env.number())
            .timestamp(env.timestamp())
            .gasLimit(env.gasLimit())
            .baseFee(baseFee)
            .difficulty(env.difficulty())
            .prevRandao(env.random() != null ? env.random() : Hash.ZERO)
            .chainId(1)
            .blockHashes(StateTestRunner::testBlockHash)
            .excessBlobGas(env.excessBlobGas() != null ? env.excessBlobGas() : 0);
    return builder.build();
  }

  /** The block hashes state tests assume: keccak256 of the decimal block number. */
  static Hash testBlockHash(long number) {
    return Keccak256.hash(Long.toUnsignedString(number).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The case's transaction.
   *
   * @throws IllegalArgumentException when a field cannot be represented (the case expects an
   *     invalid transaction)
   */
  public static EvmTransaction transaction(
      StateTest.TransactionTemplate template, StateTest.Expectation expected) {
    BigInteger value = template.value().get(expected.valueIndex());
    if (value.compareTo(MAX_UINT256) > 0) {
      throw new IllegalArgumentException("value wider than 256 bits");
    }
    var accessList =
        template.accessLists() == null ? null : template.accessLists().get(expected.dataIndex());
    int type;
    if (template.blobVersionedHashes() != null) {
      type = EvmTransaction.BLOB;
    } else if (template.maxFeePerGas() != null) {
      type = EvmTransaction.DYNAMIC_FEE;
    } else if (accessList != null) {
      type = EvmTransaction.ACCESS_LIST;
    } else {
      type = EvmTransaction.LEGACY;
    }
    Wei gasPrice = wei(template.gasPrice());
    Wei maxFee = template.maxFeePerGas() != null ? wei(template.maxFeePerGas()) : gasPrice;
    Wei maxPriority =
        template.maxPriorityFeePerGas() != null ? wei(template.maxPriorityFeePerGas()) : gasPrice;
    return new EvmTransaction(
        type,
        template.sender(),
        template.to(),
        template.nonce(),
        template.gasLimit().get(expected.gasIndex()),
        type >= EvmTransaction.DYNAMIC_FEE ? maxFee : gasPrice,
        maxFee,
        maxPriority,
        Wei.of(value),
        template.data().get(expected.dataIndex()),
        accessList,
        template.blobVersionedHashes(),
        wei(template.maxFeePerBlobGas()));
  }

  private static Wei wei(BigInteger value) {
    if (value == null) {
      return Wei.ZERO;
    }
    if (value.compareTo(MAX_UINT256) > 0) {
      throw new IllegalArgumentException("amount wider than 256 bits");
    }
    return Wei.of(value);
  }
}
