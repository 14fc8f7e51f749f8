package org.distli.evm.interpreter;

import static org.distli.evm.interpreter.Opcodes.*;

import org.distli.evm.BlockContext;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/** What a frame can read about its call, its transaction, its block and other accounts. */
final class EnvironmentOps {
  private EnvironmentOps() {}

  /** Pushes a property of the call or transaction. */
  static void context(Frame f, int op, long[] s, int sp) {
    switch (op) {
      case ADDRESS -> Words.fromAddress(f.address, s, sp);
      case ORIGIN -> Words.fromAddress(f.evm.origin, s, sp);
      case CALLER -> Words.fromAddress(f.caller, s, sp);
      case CALLVALUE -> Words.fromWei(f.value, s, sp);
      case CALLDATASIZE -> U256.set(s, sp, f.input.length);
      case CODESIZE -> U256.set(s, sp, f.code.length);
      case GASPRICE -> Words.fromWei(f.evm.gasPrice, s, sp);
      default -> U256.set(s, sp, f.returnData.length); // RETURNDATASIZE
    }
  }

  /** Pushes a property of the block, or SELFBALANCE. */
  static void block(Frame f, int op, long[] s, int sp) {
    BlockContext block = f.evm.block;
    switch (op) {
      case COINBASE -> Words.fromAddress(block.coinbase(), s, sp);
      case TIMESTAMP -> U256.set(s, sp, block.timestamp());
      case NUMBER -> U256.set(s, sp, block.number());
      case PREVRANDAO -> {
        if (f.evm.rules.prevRandao) {
          Words.fromHash(block.prevRandao(), s, sp);
        } else {
          Words.fromUInt256(block.difficulty(), s, sp);
        }
      }
      case GASLIMIT -> U256.set(s, sp, block.gasLimit());
      case CHAINID -> U256.set(s, sp, block.chainId());
      case BASEFEE -> Words.fromWei(block.baseFee(), s, sp);
      case BLOBBASEFEE -> Words.fromWei(block.blobBaseFee(), s, sp);
      default -> Words.fromWei(f.evm.state.getBalance(f.address), s, sp); // SELFBALANCE
    }
  }

  /** BALANCE, EXTCODESIZE and EXTCODEHASH of the address on top, with EIP-2929 access cost. */
  static long account(Frame f, int op, long[] s, int sp, long gas) {
    int top = sp - 4;
    Address address = Words.toAddress(s, top);
    gas = f.evm.accessAccount(address, gas);
    if (gas < 0) {
      return gas;
    }
    var state = f.evm.state;
    switch (op) {
      case BALANCE -> Words.fromWei(state.getBalance(address), s, top);
      case EXTCODESIZE -> U256.set(s, top, f.evm.codeSize(address));
      default -> {
        // EIP-1052: zero for accounts that do not exist or are empty (EIP-161).
        if (state.isEmpty(address)) {
          U256.set(s, top, 0);
        } else {
          Words.fromHash(state.getCodeHash(address), s, top);
        }
      }
    }
    return gas;
  }

  static void calldataload(Frame f, long[] s, int sp) {
    int top = sp - 4;
    long offset = U256.clampedLong(s, top);
    byte[] input = f.input;
    if (offset <= input.length - 32) {
      Words.fromBytes(input, (int) offset, s, top);
      return;
    }
    byte[] word = new byte[32];
    if (offset < input.length) {
      System.arraycopy(input, (int) offset, word, 0, input.length - (int) offset);
    }
    Words.fromBytes(word, 0, s, top);
  }

  /** The hash of one of the 256 most recent blocks, else zero. */
  static void blockhash(Frame f, long[] s, int sp) {
    int top = sp - 4;
    long current = f.evm.block.number();
    long requested = U256.clampedLong(s, top);
    if (requested >= current || requested < current - 256 || requested == Long.MAX_VALUE) {
      U256.set(s, top, 0);
      return;
    }
    Hash hash = f.evm.block.blockHashes().apply(requested);
    if (hash == null) {
      U256.set(s, top, 0);
    } else {
      Words.fromHash(hash, s, top);
    }
  }

  /** EIP-4844 BLOBHASH: the transaction's versioned hash at the index on top, else zero. */
  static void blobhash(Frame f, long[] s, int sp) {
    int top = sp - 4;
    var hashes = f.evm.blobHashes;
    long index = U256.clampedLong(s, top);
    if (index < hashes.size()) {
      Words.fromHash(hashes.get((int) index), s, top);
    } else {
      U256.set(s, top, 0);
    }
  }
}
