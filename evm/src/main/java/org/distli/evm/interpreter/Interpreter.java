package org.distli.evm.interpreter;

import static org.distli.evm.interpreter.Opcodes.*;

import org.distli.evm.ExceptionalHalt;

/**
 * The interpreter loop: one method, one switch over the opcode byte, each case a call to a short
 * static method in a themed class ({@link ArithmeticOps}, {@link BitwiseOps}, {@link MemoryOps},
 * {@link StorageOps}, {@link StackOps}, {@link EnvironmentOps}, {@link LogOps}, {@link SystemOps}).
 *
 * <p>The program counter, stack pointer and gas live in locals while the loop runs. Stack height
 * and static gas are checked from the fork's tables before dispatch, so the opcode methods assume
 * their operands exist. Operations that can fail return the gas left, or a negative exit code. The
 * loop runs until the frame stops or needs a new frame (a call or creation): then it saves its
 * registers and returns {@link #SUSPEND} to {@link Evm}, which runs the callee and resumes it.
 */
final class Interpreter {
  private Interpreter() {}

  // Exit codes (negative, so that "gas left or exit code" fits one long).
  static final long STOPPED = -100;
  static final long RETURNED = -101;
  static final long REVERTED = -102;
  static final long SUSPEND = -103;

  // Exceptional halts: -(ordinal + 1).
  static final long OUT_OF_GAS = halt(ExceptionalHalt.OUT_OF_GAS);
  static final long INVALID_JUMP = halt(ExceptionalHalt.INVALID_JUMP);
  static final long WRITE_PROTECTION = halt(ExceptionalHalt.WRITE_PROTECTION);
  static final long RETURN_DATA_OUT_OF_BOUNDS = halt(ExceptionalHalt.RETURN_DATA_OUT_OF_BOUNDS);
  static final long MAX_INITCODE_SIZE_EXCEEDED = halt(ExceptionalHalt.MAX_INITCODE_SIZE_EXCEEDED);

  static long halt(ExceptionalHalt halt) {
    return -(halt.ordinal() + 1);
  }

  /** The exceptional halt of an exit code, or null for a normal stop. */
  static ExceptionalHalt haltOf(long exit) {
    return exit < 0 && exit > -100 ? ExceptionalHalt.values()[(int) -exit - 1] : null;
  }

  /** Runs the frame from its saved registers until it stops or suspends; sets {@code f.exit}. */
  static void run(Frame f) {
    final Evm evm = f.evm;
    final Code code = f.code;
    final byte[] bytes = code.bytes;
    final long[] s = f.stack;
    final Rules rules = evm.rules;
    final long[] staticGas = rules.staticGas;
    final int[] minStack = rules.minStack;
    final int[] maxStack = rules.maxStack;
    final boolean tracing = evm.stepTracing;
    int pc = f.pc;
    int sp = f.sp;
    long gas = f.gas;
    long gasBefore = gas;
    long r;
    long g;
    loop:
    while (true) {
      int op = bytes[pc] & 0xff;
      if (tracing) {
        f.pc = pc;
        f.sp = sp;
        f.gas = gas;
        evm.tracer.onStep(f);
      }
      gasBefore = gas;
      if (sp < minStack[op] || sp > maxStack[op]) {
        r = stackFailure(rules, op, sp);
        f.haltDetail = stackFailureDetail(rules, op, sp);
        break;
      }
      if ((gas -= staticGas[op]) < 0) {
        r = OUT_OF_GAS;
        break;
      }
      switch (op) {
        case STOP -> {
          r = STOPPED;
          break loop;
        }
        case ADD -> {
          U256.add(s, sp - 4, sp - 8, sp - 8);
          sp -= 4;
          pc++;
        }
        case MUL -> {
          U256.mul(s, sp - 4, sp - 8, sp - 8);
          sp -= 4;
          pc++;
        }
        case SUB -> {
          U256.sub(s, sp - 4, sp - 8, sp - 8);
          sp -= 4;
          pc++;
        }
        case DIV -> {
          U256.divMod(s, sp - 4, sp - 8, sp - 8, -1, evm.scratch);
          sp -= 4;
          pc++;
        }
        case SDIV -> {
          ArithmeticOps.sdiv(s, sp, evm.scratch);
          sp -= 4;
          pc++;
        }
        case MOD -> {
          U256.divMod(s, sp - 4, sp - 8, -1, sp - 8, evm.scratch);
          sp -= 4;
          pc++;
        }
        case SMOD -> {
          ArithmeticOps.smod(s, sp, evm.scratch);
          sp -= 4;
          pc++;
        }
        case ADDMOD -> {
          ArithmeticOps.addmod(s, sp, evm.scratch);
          sp -= 8;
          pc++;
        }
        case MULMOD -> {
          ArithmeticOps.mulmod(s, sp, evm.scratch);
          sp -= 8;
          pc++;
        }
        case EXP -> {
          if ((g = ArithmeticOps.exp(s, sp, gas, rules.expByteGas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 4;
          pc++;
        }
        case SIGNEXTEND -> {
          ArithmeticOps.signextend(s, sp);
          sp -= 4;
          pc++;
        }
        case LT -> {
          BitwiseOps.lt(s, sp);
          sp -= 4;
          pc++;
        }
        case GT -> {
          BitwiseOps.gt(s, sp);
          sp -= 4;
          pc++;
        }
        case SLT -> {
          BitwiseOps.slt(s, sp);
          sp -= 4;
          pc++;
        }
        case SGT -> {
          BitwiseOps.sgt(s, sp);
          sp -= 4;
          pc++;
        }
        case EQ -> {
          BitwiseOps.eq(s, sp);
          sp -= 4;
          pc++;
        }
        case ISZERO -> {
          int top = sp - 4;
          s[top] = (s[top] | s[top + 1] | s[top + 2] | s[top + 3]) == 0 ? 1 : 0;
          s[top + 1] = 0;
          s[top + 2] = 0;
          s[top + 3] = 0;
          pc++;
        }
        case AND -> {
          sp -= 4;
          s[sp - 4] &= s[sp];
          s[sp - 3] &= s[sp + 1];
          s[sp - 2] &= s[sp + 2];
          s[sp - 1] &= s[sp + 3];
          pc++;
        }
        case OR -> {
          BitwiseOps.or(s, sp);
          sp -= 4;
          pc++;
        }
        case XOR -> {
          BitwiseOps.xor(s, sp);
          sp -= 4;
          pc++;
        }
        case NOT -> {
          BitwiseOps.not(s, sp);
          pc++;
        }
        case BYTE -> {
          BitwiseOps.byteOp(s, sp);
          sp -= 4;
          pc++;
        }
        case SHL -> {
          BitwiseOps.shl(s, sp);
          sp -= 4;
          pc++;
        }
        case SHR -> {
          BitwiseOps.shr(s, sp);
          sp -= 4;
          pc++;
        }
        case SAR -> {
          BitwiseOps.sar(s, sp);
          sp -= 4;
          pc++;
        }
        case KECCAK256 -> {
          if ((g = MemoryOps.keccak256(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 4;
          pc++;
        }
        case ADDRESS,
            ORIGIN,
            CALLER,
            CALLVALUE,
            CALLDATASIZE,
            CODESIZE,
            GASPRICE,
            RETURNDATASIZE -> {
          EnvironmentOps.context(f, op, s, sp);
          sp += 4;
          pc++;
        }
        case COINBASE,
            TIMESTAMP,
            NUMBER,
            PREVRANDAO,
            GASLIMIT,
            CHAINID,
            BASEFEE,
            BLOBBASEFEE,
            SELFBALANCE -> {
          EnvironmentOps.block(f, op, s, sp);
          sp += 4;
          pc++;
        }
        case BALANCE, EXTCODESIZE, EXTCODEHASH -> {
          if ((g = EnvironmentOps.account(f, op, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          pc++;
        }
        case CALLDATALOAD -> {
          EnvironmentOps.calldataload(f, s, sp);
          pc++;
        }
        case CALLDATACOPY, CODECOPY, RETURNDATACOPY -> {
          if ((g = MemoryOps.copy(f, op, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 12;
          pc++;
        }
        case EXTCODECOPY -> {
          if ((g = MemoryOps.extcodecopy(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 16;
          pc++;
        }
        case BLOCKHASH -> {
          EnvironmentOps.blockhash(f, s, sp);
          pc++;
        }
        case BLOBHASH -> {
          EnvironmentOps.blobhash(f, s, sp);
          pc++;
        }
        case POP -> {
          sp -= 4;
          pc++;
        }
        case MLOAD -> {
          long offset = s[sp - 4];
          if ((s[sp - 3] | s[sp - 2] | s[sp - 1]) == 0
              && offset >= 0
              && offset <= f.memorySize - 32) {
            Words.fromBytes(f.memory, (int) offset, s, sp - 4);
            pc++;
            break;
          }
          if ((g = MemoryOps.mload(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          pc++;
        }
        case MSTORE -> {
          long offset = s[sp - 4];
          if ((s[sp - 3] | s[sp - 2] | s[sp - 1]) == 0
              && offset >= 0
              && offset <= f.memorySize - 32) {
            Words.toBytes(s, sp - 8, f.memory, (int) offset);
            sp -= 8;
            pc++;
            break;
          }
          if ((g = MemoryOps.mstore(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 8;
          pc++;
        }
        case MSTORE8 -> {
          if ((g = MemoryOps.mstore8(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 8;
          pc++;
        }
        case SLOAD -> {
          if ((g = StorageOps.sload(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          pc++;
        }
        case SSTORE -> {
          if ((g = StorageOps.sstore(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 8;
          pc++;
        }
        case JUMP -> {
          long dest = U256.clampedLong(s, sp - 4);
          sp -= 4;
          if (!code.isJumpDestination(dest)) {
            r = INVALID_JUMP;
            break loop;
          }
          pc = (int) dest;
        }
        case JUMPI -> {
          if (U256.isZero(s, sp - 8)) {
            sp -= 8;
            pc++;
          } else {
            long dest = U256.clampedLong(s, sp - 4);
            sp -= 8;
            if (!code.isJumpDestination(dest)) {
              r = INVALID_JUMP;
              break loop;
            }
            pc = (int) dest;
          }
        }
        case PC -> {
          U256.set(s, sp, pc);
          sp += 4;
          pc++;
        }
        case MSIZE -> {
          U256.set(s, sp, f.memorySize);
          sp += 4;
          pc++;
        }
        case GAS -> {
          U256.set(s, sp, gas);
          sp += 4;
          pc++;
        }
        case JUMPDEST -> pc++;
        case TLOAD -> {
          StorageOps.tload(f, s, sp);
          pc++;
        }
        case TSTORE -> {
          if ((g = StorageOps.tstore(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 8;
          pc++;
        }
        case MCOPY -> {
          if ((g = MemoryOps.mcopy(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 12;
          pc++;
        }
        case PUSH0 -> {
          U256.set(s, sp, 0);
          sp += 4;
          pc++;
        }
        case PUSH1 -> {
          U256.set(s, sp, bytes[pc + 1] & 0xff);
          sp += 4;
          pc += 2;
        }
        case PUSH1 + 1, PUSH1 + 2, PUSH1 + 3, PUSH1 + 4, PUSH1 + 5, PUSH1 + 6, PUSH1 + 7 -> {
          // The code is padded, so reading 8 bytes past the immediate is safe.
          s[sp] = (long) Words.LONG_BE.get(bytes, pc + 1) >>> ((PUSH1 + 7 - op) << 3);
          s[sp + 1] = 0;
          s[sp + 2] = 0;
          s[sp + 3] = 0;
          sp += 4;
          pc += op - PUSH1 + 2;
        }
        case PUSH1 + 8,
            PUSH1 + 9,
            PUSH1 + 10,
            PUSH1 + 11,
            PUSH1 + 12,
            PUSH1 + 13,
            PUSH1 + 14,
            PUSH1 + 15,
            PUSH1 + 16,
            PUSH1 + 17,
            PUSH1 + 18,
            PUSH1 + 19,
            PUSH1 + 20,
            PUSH1 + 21,
            PUSH1 + 22,
            PUSH1 + 23,
            PUSH1 + 24,
            PUSH1 + 25,
            PUSH1 + 26,
            PUSH1 + 27,
            PUSH1 + 28,
            PUSH1 + 29,
            PUSH1 + 30,
            PUSH32 -> {
          StackOps.push(bytes, pc, op - PUSH1 + 1, s, sp);
          sp += 4;
          pc += op - PUSH1 + 2;
        }
        case DUP1,
            DUP1 + 1,
            DUP1 + 2,
            DUP1 + 3,
            DUP1 + 4,
            DUP1 + 5,
            DUP1 + 6,
            DUP1 + 7,
            DUP1 + 8,
            DUP1 + 9,
            DUP1 + 10,
            DUP1 + 11,
            DUP1 + 12,
            DUP1 + 13,
            DUP1 + 14,
            DUP16 -> {
          int from = sp - ((op - DUP1 + 1) << 2);
          s[sp] = s[from];
          s[sp + 1] = s[from + 1];
          s[sp + 2] = s[from + 2];
          s[sp + 3] = s[from + 3];
          sp += 4;
          pc++;
        }
        case SWAP1,
            SWAP1 + 1,
            SWAP1 + 2,
            SWAP1 + 3,
            SWAP1 + 4,
            SWAP1 + 5,
            SWAP1 + 6,
            SWAP1 + 7,
            SWAP1 + 8,
            SWAP1 + 9,
            SWAP1 + 10,
            SWAP1 + 11,
            SWAP1 + 12,
            SWAP1 + 13,
            SWAP1 + 14,
            SWAP16 -> {
          int top = sp - 4;
          int other = top - ((op - SWAP1 + 1) << 2);
          long t0 = s[top];
          long t1 = s[top + 1];
          long t2 = s[top + 2];
          long t3 = s[top + 3];
          s[top] = s[other];
          s[top + 1] = s[other + 1];
          s[top + 2] = s[other + 2];
          s[top + 3] = s[other + 3];
          s[other] = t0;
          s[other + 1] = t1;
          s[other + 2] = t2;
          s[other + 3] = t3;
          pc++;
        }
        case LOG0, LOG0 + 1, LOG0 + 2, LOG0 + 3, LOG4 -> {
          int topics = op - LOG0;
          if ((g = LogOps.log(f, s, sp, gas, topics)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= (topics + 2) << 2;
          pc++;
        }
        case CREATE, CREATE2 -> {
          if ((g = SystemOps.create(f, s, sp, gas, op == CREATE2)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= op == CREATE2 ? 16 : 12;
          pc++;
          r = SUSPEND;
          break loop;
        }
        case CALL, CALLCODE, DELEGATECALL, STATICCALL -> {
          if ((g = SystemOps.call(f, s, sp, gas, op)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= op == CALL || op == CALLCODE ? 28 : 24;
          pc++;
          r = SUSPEND;
          break loop;
        }
        case RETURN, REVERT -> {
          if ((g = SystemOps.returnOrRevert(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 8;
          r = op == RETURN ? RETURNED : REVERTED;
          break loop;
        }
        case SELFDESTRUCT -> {
          if ((g = SystemOps.selfdestruct(f, s, sp, gas)) < 0) {
            r = g;
            break loop;
          }
          gas = g;
          sp -= 4;
          r = STOPPED;
          break loop;
        }
        default -> {
          // Only reachable for opcodes defined in no fork, which minStack already refused.
          r = halt(ExceptionalHalt.INVALID_OPCODE);
          f.haltDetail = "invalid opcode: " + Opcodes.name(op);
          break loop;
        }
      }
      if (tracing) {
        f.pc = pc;
        f.sp = sp;
        f.gas = gas;
        evm.tracer.onStepEnd(f, gasBefore - gas, null);
      }
    }
    f.pc = pc;
    f.sp = sp;
    f.gas = gas < 0 ? 0 : gas;
    f.exit = r;
    if (tracing) {
      evm.tracer.onStepEnd(f, gasBefore - Math.max(gas, 0), haltOf(r));
    }
  }

  /** go-ethereum's words, e.g. "stack underflow (0 <=> 2)" or "invalid opcode: INVALID". */
  private static String stackFailureDetail(Rules rules, int op, int sp) {
    if (rules.minStack[op] == Rules.UNDEFINED) {
      return "invalid opcode: " + Opcodes.name(op);
    }
    int depth = sp / 4;
    return sp < rules.minStack[op]
        ? "stack underflow (" + depth + " <=> " + rules.minStack[op] / 4 + ")"
        : "stack limit reached " + depth + " (" + rules.maxStack[op] / 4 + ")";
  }

  private static long stackFailure(Rules rules, int op, int sp) {
    if (rules.minStack[op] == Rules.UNDEFINED) {
      return halt(ExceptionalHalt.INVALID_OPCODE);
    }
    return sp < rules.minStack[op]
        ? halt(ExceptionalHalt.STACK_UNDERFLOW)
        : halt(ExceptionalHalt.STACK_OVERFLOW);
  }
}
