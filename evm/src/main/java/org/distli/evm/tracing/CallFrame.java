package org.distli.evm.tracing;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;

/**
 * A call frame as it starts, for {@link Tracer#onEnter}.
 *
 * @param depth 1 for the transaction's own frame, as geth counts
 * @param type the kind of call
 * @param from the caller (for DELEGATECALL, the contract whose code delegates)
 * @param to the callee, or the new contract's address for CREATE/CREATE2
 * @param input call data, or the initcode of a creation
 * @param gas the gas the frame starts with (including any call stipend)
 * @param value the value transferred (for DELEGATECALL, the inherited value; zero for STATICCALL)
 */
public record CallFrame(
    int depth, CallType type, Address from, Address to, Bytes input, long gas, Wei value) {}
