package org.distli.evm.interpreter;

import static org.distli.evm.interpreter.Interpreter.OUT_OF_GAS;
import static org.distli.evm.interpreter.Opcodes.*;

import org.distli.evm.tracing.CallType;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;

/**
 * Calls, creations, RETURN, REVERT and SELFDESTRUCT. CALL and CREATE here only charge gas and
 * record the new frame's parameters in the calling frame; {@link Evm} then runs it (the interpreter
 * returns {@link Interpreter#SUSPEND}) and pushes the result when it resumes the caller.
 */
final class SystemOps {
  private SystemOps() {}

  /** CALL, CALLCODE, DELEGATECALL and STATICCALL: charges the call and prepares the callee. */
  static long call(Frame f, long[] s, int sp, long gas, int op) {
    Evm evm = f.evm;
    Rules rules = evm.rules;
    int top = sp - 4;
    long requested = U256.clampedLong(s, top);
    Address to = Words.toAddress(s, top - 4);
    boolean hasValue = op == CALL || op == CALLCODE;
    int args = hasValue ? top - 12 : top - 8;
    boolean transfersValue = hasValue && !U256.isZero(s, top - 8);
    if (op == CALL && transfersValue && f.isStatic) {
      return Interpreter.WRITE_PROTECTION;
    }
    long inOffset = U256.clampedLong(s, args);
    long inLength = U256.clampedLong(s, args - 4);
    long outOffset = U256.clampedLong(s, args - 8);
    long outLength = U256.clampedLong(s, args - 12);
    gas = f.expand(gas, inOffset, inLength);
    if (gas < 0) {
      return gas;
    }
    gas = f.expand(gas, outOffset, outLength);
    if (gas < 0) {
      return gas;
    }
    gas = evm.accessAccount(to, gas);
    if (gas < 0) {
      return gas;
    }
    long cost = 0;
    if (transfersValue) {
      cost += Gas.CALL_VALUE;
    }
    if (op == CALL) {
      boolean newAccount =
          rules.emptyAccountsRemoved
              ? transfersValue && evm.state.isEmpty(to)
              : !evm.state.exists(to);
      if (newAccount) {
        cost += Gas.NEW_ACCOUNT;
      }
    }
    if (gas < cost) {
      return OUT_OF_GAS;
    }
    gas -= cost;
    long callGas;
    if (rules.allButOne64th) {
      callGas = Math.min(requested, gas - gas / 64);
    } else {
      if (requested > gas) {
        return OUT_OF_GAS;
      }
      callGas = requested;
    }
    gas -= callGas;
    if (transfersValue) {
      callGas += Gas.CALL_STIPEND;
    }
    f.childType =
        switch (op) {
          case CALL -> CallType.CALL;
          case CALLCODE -> CallType.CALLCODE;
          case DELEGATECALL -> CallType.DELEGATECALL;
          default -> CallType.STATICCALL;
        };
    f.childTarget = to;
    f.childValue = hasValue ? Words.toWei(s, top - 8) : op == DELEGATECALL ? f.value : Wei.ZERO;
    f.childInput = f.memoryCopy(inOffset, inLength);
    f.childGas = callGas;
    f.childReturnOffset = outOffset;
    f.childReturnLength = outLength;
    return gas;
  }

  /** CREATE and CREATE2: charges the creation and prepares the initcode frame. */
  static long create(Frame f, long[] s, int sp, long gas, boolean create2) {
    if (f.isStatic) {
      return Interpreter.WRITE_PROTECTION;
    }
    Rules rules = f.evm.rules;
    int top = sp - 4;
    long offset = U256.clampedLong(s, top - 4);
    long length = U256.clampedLong(s, top - 8);
    if (rules.maxInitcodeSize > 0 && length > rules.maxInitcodeSize) {
      return Interpreter.MAX_INITCODE_SIZE_EXCEEDED;
    }
    if (length > Gas.MAX_MEMORY) {
      return OUT_OF_GAS;
    }
    long words = Gas.words(length);
    long cost = 0;
    if (create2) {
      cost += Gas.KECCAK_WORD * words;
    }
    if (rules.maxInitcodeSize > 0) {
      cost += Gas.INITCODE_WORD_GAS * words;
    }
    gas -= cost;
    if (gas < 0) {
      return OUT_OF_GAS;
    }
    gas = f.expand(gas, offset, length);
    if (gas < 0) {
      return gas;
    }
    long callGas = rules.allButOne64th ? gas - gas / 64 : gas;
    gas -= callGas;
    f.childType = create2 ? CallType.CREATE2 : CallType.CREATE;
    f.childTarget = null;
    f.childValue = Words.toWei(s, top);
    f.childInput = f.memoryCopy(offset, length);
    f.childGas = callGas;
    f.childSalt = create2 ? Words.toBytes(s, top - 12) : null;
    return gas;
  }

  static long returnOrRevert(Frame f, long[] s, int sp, long gas) {
    long offset = U256.clampedLong(s, sp - 4);
    long length = U256.clampedLong(s, sp - 8);
    gas = f.expand(gas, offset, length);
    if (gas < 0) {
      return gas;
    }
    f.output = f.memoryCopy(offset, length);
    return gas;
  }

  static long selfdestruct(Frame f, long[] s, int sp, long gas) {
    if (f.isStatic) {
      return Interpreter.WRITE_PROTECTION;
    }
    Evm evm = f.evm;
    Rules rules = evm.rules;
    Address beneficiary = Words.toAddress(s, sp - 4);
    long cost = 0;
    if (rules.accessLists && evm.warmAddress(beneficiary)) {
      cost += rules.coldAccountGas;
    }
    if (rules.allButOne64th) {
      boolean newAccount =
          rules.emptyAccountsRemoved
              ? evm.state.isEmpty(beneficiary) && !evm.state.getBalance(f.address).isZero()
              : !evm.state.exists(beneficiary);
      if (newAccount) {
        cost += Gas.NEW_ACCOUNT;
      }
    }
    gas -= cost;
    if (gas < 0) {
      return OUT_OF_GAS;
    }
    if (rules.selfdestructRefund > 0 && !evm.hasSelfDestructed(f.address)) {
      evm.refund += rules.selfdestructRefund;
    }
    evm.selfDestruct(f, beneficiary);
    return gas;
  }
}
