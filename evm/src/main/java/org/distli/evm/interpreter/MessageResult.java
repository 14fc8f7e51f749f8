package org.distli.evm.interpreter;

import org.apache.tuweni.bytes.Bytes;
import org.distli.evm.ExceptionalHalt;
import org.distli.primitives.Address;

/**
 * How the transaction's own frame ended.
 *
 * @param success stopped normally (and, for a creation, its code was stored)
 * @param reverted ended with REVERT
 * @param halt the exceptional halt, or null
 * @param haltMessage go-ethereum's text of the halt ("stack underflow (0 <=> 2)"), or null
 * @param output return data, REVERT data, or the deployed code of a creation
 * @param gasLeft gas not consumed
 * @param createdAddress the new contract, for a successful creation
 */
public record MessageResult(
    boolean success,
    boolean reverted,
    ExceptionalHalt halt,
    String haltMessage,
    Bytes output,
    long gasLeft,
    Address createdAddress) {}
