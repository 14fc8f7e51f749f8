package org.distli.evm.interpreter;

import static org.distli.evm.interpreter.Interpreter.OUT_OF_GAS;

import org.distli.primitives.Address;

/**
 * Memory loads and stores, copies into memory, MCOPY and KECCAK256. Each returns the gas left or a
 * negative exit code; memory expansion is charged before anything is written.
 */
final class MemoryOps {
  private MemoryOps() {}

  static long mload(Frame f, long[] s, int sp, long gas) {
    long offset = U256.clampedLong(s, sp - 4);
    if (offset > f.memorySize - 32) {
      gas = f.expand(gas, offset, 32);
      if (gas < 0) {
        return gas;
      }
    }
    Words.fromBytes(f.memory, (int) offset, s, sp - 4);
    return gas;
  }

  static long mstore(Frame f, long[] s, int sp, long gas) {
    long offset = U256.clampedLong(s, sp - 4);
    if (offset > f.memorySize - 32) {
      gas = f.expand(gas, offset, 32);
      if (gas < 0) {
        return gas;
      }
    }
    Words.toBytes(s, sp - 8, f.memory, (int) offset);
    return gas;
  }

  static long mstore8(Frame f, long[] s, int sp, long gas) {
    long offset = U256.clampedLong(s, sp - 4);
    gas = f.expand(gas, offset, 1);
    if (gas < 0) {
      return gas;
    }
    f.memory[(int) offset] = (byte) s[sp - 8];
    return gas;
  }

  /** The size operand of a copy, with its word cost and expansion checked. */
  private static long chargeCopy(Frame f, long gas, long memoryOffset, long length, long wordGas) {
    if (length > Gas.MAX_MEMORY) {
      return OUT_OF_GAS;
    }
    gas -= wordGas * Gas.words(length);
    if (gas < 0) {
      return OUT_OF_GAS;
    }
    return f.expand(gas, memoryOffset, length);
  }

  static long keccak256(Frame f, long[] s, int sp, long gas) {
    long offset = U256.clampedLong(s, sp - 4);
    long length = U256.clampedLong(s, sp - 8);
    gas = chargeCopy(f, gas, offset, length, Gas.KECCAK_WORD);
    if (gas < 0) {
      return gas;
    }
    byte[] digest = f.evm.keccak(f.memory, length == 0 ? 0 : (int) offset, (int) length);
    Words.fromBytes(digest, 0, s, sp - 8);
    return gas;
  }

  /** CALLDATACOPY, CODECOPY and RETURNDATACOPY: (memOffset, sourceOffset, length). */
  static long copy(Frame f, int op, long[] s, int sp, long gas) {
    long memoryOffset = U256.clampedLong(s, sp - 4);
    long sourceOffset = U256.clampedLong(s, sp - 8);
    long length = U256.clampedLong(s, sp - 12);
    gas = chargeCopy(f, gas, memoryOffset, length, Gas.COPY_WORD);
    if (gas < 0) {
      return gas;
    }
    switch (op) {
      case Opcodes.CALLDATACOPY -> f.copyToMemory(memoryOffset, f.input, sourceOffset, length);
      case Opcodes.CODECOPY -> copyCode(f, memoryOffset, sourceOffset, length);
      default -> {
        // EIP-211: reading past the end of the return data is an error, not zero padding.
        byte[] source = f.returnData;
        if (sourceOffset > source.length || sourceOffset + length > source.length) {
          return Interpreter.RETURN_DATA_OUT_OF_BOUNDS;
        }
        f.copyToMemory(memoryOffset, source, sourceOffset, length);
      }
    }
    return gas;
  }

  private static void copyCode(Frame f, long memoryOffset, long sourceOffset, long length) {
    if (length == 0) {
      return;
    }
    Code code = f.code;
    long available = sourceOffset >= code.length ? 0 : Math.min(length, code.length - sourceOffset);
    if (available > 0) {
      System.arraycopy(
          code.bytes, (int) sourceOffset, f.memory, (int) memoryOffset, (int) available);
    }
    if (available < length) {
      java.util.Arrays.fill(
          f.memory, (int) (memoryOffset + available), (int) (memoryOffset + length), (byte) 0);
    }
  }

  /** EXTCODECOPY: (address, memOffset, codeOffset, length), with EIP-2929 account access. */
  static long extcodecopy(Frame f, long[] s, int sp, long gas) {
    Address address = Words.toAddress(s, sp - 4);
    long memoryOffset = U256.clampedLong(s, sp - 8);
    long sourceOffset = U256.clampedLong(s, sp - 12);
    long length = U256.clampedLong(s, sp - 16);
    gas = chargeCopy(f, gas, memoryOffset, length, Gas.COPY_WORD);
    if (gas < 0) {
      return gas;
    }
    gas = f.evm.accessAccount(address, gas);
    if (gas < 0) {
      return gas;
    }
    if (length > 0) {
      byte[] code = f.evm.state.getCode(address).toArrayUnsafe();
      f.copyToMemory(memoryOffset, code, sourceOffset, length);
    }
    return gas;
  }

  /** EIP-5656 MCOPY: (destination, source, length); the regions may overlap. */
  static long mcopy(Frame f, long[] s, int sp, long gas) {
    long destination = U256.clampedLong(s, sp - 4);
    long source = U256.clampedLong(s, sp - 8);
    long length = U256.clampedLong(s, sp - 12);
    if (length == 0) {
      return gas;
    }
    gas = chargeCopy(f, gas, Math.max(destination, source), length, Gas.COPY_WORD);
    if (gas < 0) {
      return gas;
    }
    System.arraycopy(f.memory, (int) source, f.memory, (int) destination, (int) length);
    return gas;
  }
}
