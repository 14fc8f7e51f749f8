package org.distli.evm;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.interpreter.CodeCache;
import org.distli.evm.interpreter.Evm;
import org.distli.evm.interpreter.MessageResult;
import org.distli.evm.interpreter.Rules;
import org.distli.evm.precompile.PrecompileSet;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.distli.state.JournaledWorldState;
import org.distli.state.MapStateBackend;
import org.distli.state.WorldState;

/**
 * Runs bytecode directly as a call into a contract, without a transaction (no intrinsic gas, no
 * fees), on an otherwise empty state: what {@code distli evm run} does, like geth's {@code evm
 * run}.
 */
public final class CodeRunner {
  /** Where the code runs: the address geth's {@code evm run} uses ("contract" as bytes). */
  public static final Address CONTRACT =
      Address.fromHex("0x000000000000000000000000636f6e7472616374");

  /** The caller and origin. */
  public static final Address SENDER =
      Address.fromHex("0x000000000000000000000000000073656e646572");

  /** The outcome: the frame's result and the gas it used. */
  public record Result(MessageResult message, long gasUsed) {}

  public Result run(Fork fork, Bytes code, Bytes input, long gas, Tracer tracer) {
    PrecompileSet precompiles = PrecompileSet.forFork(fork);
    WorldState state = new JournaledWorldState(new MapStateBackend());
    state.setCode(CONTRACT, code);
    state.finalizeTransaction(false);
    BlockContext block = BlockContext.builder(fork).build();
    Evm evm =
        new Evm(
            Rules.of(fork),
            state,
            block,
            precompiles,
            new CodeCache(16),
            tracer,
            SENDER,
            Wei.ZERO,
            List.of());
    evm.warmAddress(SENDER);
    evm.warmAddress(CONTRACT);
    for (Address precompile : precompiles.addresses()) {
      evm.warmAddress(precompile);
    }
    MessageResult result = evm.call(SENDER, CONTRACT, Wei.ZERO, input.toArrayUnsafe(), gas);
    return new Result(result, gas - result.gasLeft());
  }
}
