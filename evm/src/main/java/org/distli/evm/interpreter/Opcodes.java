package org.distli.evm.interpreter;

/**
 * Opcode numbers, mnemonics and stack effects: facts about the instruction set that do not change
 * between forks. Which opcodes exist and what they cost is per fork, in {@link Rules}.
 */
public final class Opcodes {
  private Opcodes() {}

  public static final int STOP = 0x00;
  public static final int ADD = 0x01;
  public static final int MUL = 0x02;
  public static final int SUB = 0x03;
  public static final int DIV = 0x04;
  public static final int SDIV = 0x05;
  public static final int MOD = 0x06;
  public static final int SMOD = 0x07;
  public static final int ADDMOD = 0x08;
  public static final int MULMOD = 0x09;
  public static final int EXP = 0x0a;
  public static final int SIGNEXTEND = 0x0b;
  public static final int LT = 0x10;
  public static final int GT = 0x11;
  public static final int SLT = 0x12;
  public static final int SGT = 0x13;
  public static final int EQ = 0x14;
  public static final int ISZERO = 0x15;
  public static final int AND = 0x16;
  public static final int OR = 0x17;
  public static final int XOR = 0x18;
  public static final int NOT = 0x19;
  public static final int BYTE = 0x1a;
  public static final int SHL = 0x1b;
  public static final int SHR = 0x1c;
  public static final int SAR = 0x1d;
  public static final int KECCAK256 = 0x20;
  public static final int ADDRESS = 0x30;
  public static final int BALANCE = 0x31;
  public static final int ORIGIN = 0x32;
  public static final int CALLER = 0x33;
  public static final int CALLVALUE = 0x34;
  public static final int CALLDATALOAD = 0x35;
  public static final int CALLDATASIZE = 0x36;
  public static final int CALLDATACOPY = 0x37;
  public static final int CODESIZE = 0x38;
  public static final int CODECOPY = 0x39;
  public static final int GASPRICE = 0x3a;
  public static final int EXTCODESIZE = 0x3b;
  public static final int EXTCODECOPY = 0x3c;
  public static final int RETURNDATASIZE = 0x3d;
  public static final int RETURNDATACOPY = 0x3e;
  public static final int EXTCODEHASH = 0x3f;
  public static final int BLOCKHASH = 0x40;
  public static final int COINBASE = 0x41;
  public static final int TIMESTAMP = 0x42;
  public static final int NUMBER = 0x43;
  public static final int PREVRANDAO = 0x44;
  public static final int GASLIMIT = 0x45;
  public static final int CHAINID = 0x46;
  public static final int SELFBALANCE = 0x47;
  public static final int BASEFEE = 0x48;
  public static final int BLOBHASH = 0x49;
  public static final int BLOBBASEFEE = 0x4a;
  public static final int POP = 0x50;
  public static final int MLOAD = 0x51;
  public static final int MSTORE = 0x52;
  public static final int MSTORE8 = 0x53;
  public static final int SLOAD = 0x54;
  public static final int SSTORE = 0x55;
  public static final int JUMP = 0x56;
  public static final int JUMPI = 0x57;
  public static final int PC = 0x58;
  public static final int MSIZE = 0x59;
  public static final int GAS = 0x5a;
  public static final int JUMPDEST = 0x5b;
  public static final int TLOAD = 0x5c;
  public static final int TSTORE = 0x5d;
  public static final int MCOPY = 0x5e;
  public static final int PUSH0 = 0x5f;
  public static final int PUSH1 = 0x60;
  public static final int PUSH32 = 0x7f;
  public static final int DUP1 = 0x80;
  public static final int DUP16 = 0x8f;
  public static final int SWAP1 = 0x90;
  public static final int SWAP16 = 0x9f;
  public static final int LOG0 = 0xa0;
  public static final int LOG4 = 0xa4;
  public static final int CREATE = 0xf0;
  public static final int CALL = 0xf1;
  public static final int CALLCODE = 0xf2;
  public static final int RETURN = 0xf3;
  public static final int DELEGATECALL = 0xf4;
  public static final int CREATE2 = 0xf5;
  public static final int STATICCALL = 0xfa;
  public static final int REVERT = 0xfd;
  public static final int INVALID = 0xfe;
  public static final int SELFDESTRUCT = 0xff;

  private static final String[] NAMES = new String[256];
  private static final int[] STACK_IN = new int[256];
  private static final int[] STACK_OUT = new int[256];

  private static void define(int op, String name, int in, int out) {
    NAMES[op] = name;
    STACK_IN[op] = in;
    STACK_OUT[op] = out;
  }

  static {
    define(STOP, "STOP", 0, 0);
    define(ADD, "ADD", 2, 1);
    define(MUL, "MUL", 2, 1);
    define(SUB, "SUB", 2, 1);
    define(DIV, "DIV", 2, 1);
    define(SDIV, "SDIV", 2, 1);
    define(MOD, "MOD", 2, 1);
    define(SMOD, "SMOD", 2, 1);
    define(ADDMOD, "ADDMOD", 3, 1);
    define(MULMOD, "MULMOD", 3, 1);
    define(EXP, "EXP", 2, 1);
    define(SIGNEXTEND, "SIGNEXTEND", 2, 1);
    define(LT, "LT", 2, 1);
    define(GT, "GT", 2, 1);
    define(SLT, "SLT", 2, 1);
    define(SGT, "SGT", 2, 1);
    define(EQ, "EQ", 2, 1);
    define(ISZERO, "ISZERO", 1, 1);
    define(AND, "AND", 2, 1);
    define(OR, "OR", 2, 1);
    define(XOR, "XOR", 2, 1);
    define(NOT, "NOT", 1, 1);
    define(BYTE, "BYTE", 2, 1);
    define(SHL, "SHL", 2, 1);
    define(SHR, "SHR", 2, 1);
    define(SAR, "SAR", 2, 1);
    define(KECCAK256, "KECCAK256", 2, 1);
    define(ADDRESS, "ADDRESS", 0, 1);
    define(BALANCE, "BALANCE", 1, 1);
    define(ORIGIN, "ORIGIN", 0, 1);
    define(CALLER, "CALLER", 0, 1);
    define(CALLVALUE, "CALLVALUE", 0, 1);
    define(CALLDATALOAD, "CALLDATALOAD", 1, 1);
    define(CALLDATASIZE, "CALLDATASIZE", 0, 1);
    define(CALLDATACOPY, "CALLDATACOPY", 3, 0);
    define(CODESIZE, "CODESIZE", 0, 1);
    define(CODECOPY, "CODECOPY", 3, 0);
    define(GASPRICE, "GASPRICE", 0, 1);
    define(EXTCODESIZE, "EXTCODESIZE", 1, 1);
    define(EXTCODECOPY, "EXTCODECOPY", 4, 0);
    define(RETURNDATASIZE, "RETURNDATASIZE", 0, 1);
    define(RETURNDATACOPY, "RETURNDATACOPY", 3, 0);
    define(EXTCODEHASH, "EXTCODEHASH", 1, 1);
    define(BLOCKHASH, "BLOCKHASH", 1, 1);
    define(COINBASE, "COINBASE", 0, 1);
    define(TIMESTAMP, "TIMESTAMP", 0, 1);
    define(NUMBER, "NUMBER", 0, 1);
    define(PREVRANDAO, "PREVRANDAO", 0, 1);
    define(GASLIMIT, "GASLIMIT", 0, 1);
    define(CHAINID, "CHAINID", 0, 1);
    define(SELFBALANCE, "SELFBALANCE", 0, 1);
    define(BASEFEE, "BASEFEE", 0, 1);
    define(BLOBHASH, "BLOBHASH", 1, 1);
    define(BLOBBASEFEE, "BLOBBASEFEE", 0, 1);
    define(POP, "POP", 1, 0);
    define(MLOAD, "MLOAD", 1, 1);
    define(MSTORE, "MSTORE", 2, 0);
    define(MSTORE8, "MSTORE8", 2, 0);
    define(SLOAD, "SLOAD", 1, 1);
    define(SSTORE, "SSTORE", 2, 0);
    define(JUMP, "JUMP", 1, 0);
    define(JUMPI, "JUMPI", 2, 0);
    define(PC, "PC", 0, 1);
    define(MSIZE, "MSIZE", 0, 1);
    define(GAS, "GAS", 0, 1);
    define(JUMPDEST, "JUMPDEST", 0, 0);
    define(TLOAD, "TLOAD", 1, 1);
    define(TSTORE, "TSTORE", 2, 0);
    define(MCOPY, "MCOPY", 3, 0);
    define(PUSH0, "PUSH0", 0, 1);
    for (int n = 1; n <= 32; n++) {
      define(PUSH1 + n - 1, "PUSH" + n, 0, 1);
    }
    for (int n = 1; n <= 16; n++) {
      define(DUP1 + n - 1, "DUP" + n, n, n + 1);
      define(SWAP1 + n - 1, "SWAP" + n, n + 1, n + 1);
    }
    for (int n = 0; n <= 4; n++) {
      define(LOG0 + n, "LOG" + n, n + 2, 0);
    }
    define(CREATE, "CREATE", 3, 1);
    define(CALL, "CALL", 7, 1);
    define(CALLCODE, "CALLCODE", 7, 1);
    define(RETURN, "RETURN", 2, 0);
    define(DELEGATECALL, "DELEGATECALL", 6, 1);
    define(CREATE2, "CREATE2", 4, 1);
    define(STATICCALL, "STATICCALL", 6, 1);
    define(REVERT, "REVERT", 2, 0);
    define(INVALID, "INVALID", 0, 0);
    define(SELFDESTRUCT, "SELFDESTRUCT", 1, 0);
  }

  /**
   * The mnemonic as geth's tracers print it ("PUSH1", "KECCAK256"); for bytes that are no opcode,
   * "opcode 0x0c not defined" like geth.
   */
  public static String name(int op) {
    String name = NAMES[op & 0xff];
    return name != null ? name : String.format("opcode 0x%02x not defined", op & 0xff);
  }

  static int stackIn(int op) {
    return STACK_IN[op];
  }

  static int stackOut(int op) {
    return STACK_OUT[op];
  }
}
