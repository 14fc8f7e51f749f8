package org.distli.evm.interpreter;

import static org.distli.evm.interpreter.Opcodes.*;

import java.util.List;
import java.util.function.Consumer;
import org.distli.evm.Fork;

/**
 * Each fork as the list of EIPs it adds to the previous one, and each EIP as one small function
 * that patches the rules: the instruction table, gas prices and switches. Reading a fork's list
 * tells which EIPs it has; reading an EIP's function tells everything it changed. A new fork is a
 * new entry in {@link #of(Fork)} plus the functions of its EIPs.
 */
final class Eips {
  private Eips() {}

  record Eip(String name, Consumer<Rules> apply) {}

  private static Eip eip(int number, Consumer<Rules> apply) {
    return new Eip("EIP-" + number, apply);
  }

  static List<Eip> of(Fork fork) {
    return switch (fork) {
      case FRONTIER -> List.of();
      case HOMESTEAD -> List.of(eip(2, Eips::eip2), eip(7, Eips::eip7));
      case TANGERINE_WHISTLE -> List.of(eip(150, Eips::eip150));
      case SPURIOUS_DRAGON ->
          List.of(eip(160, Eips::eip160), eip(161, Eips::eip161), eip(170, Eips::eip170));
      case BYZANTIUM ->
          List.of(eip(140, Eips::eip140), eip(211, Eips::eip211), eip(214, Eips::eip214));
      case CONSTANTINOPLE ->
          List.of(
              eip(145, Eips::eip145),
              eip(1014, Eips::eip1014),
              eip(1052, Eips::eip1052),
              eip(1283, Eips::eip1283));
      case PETERSBURG -> List.of(new Eip("EIP-1716", Eips::eip1716));
      case ISTANBUL ->
          List.of(
              eip(1344, Eips::eip1344),
              eip(1884, Eips::eip1884),
              eip(2028, Eips::eip2028),
              eip(2200, Eips::eip2200));
      case BERLIN -> List.of(eip(2929, Eips::eip2929), eip(2930, Eips::eip2930));
      case LONDON ->
          List.of(
              eip(1559, Eips::eip1559),
              eip(3198, Eips::eip3198),
              eip(3529, Eips::eip3529),
              eip(3541, Eips::eip3541));
      case PARIS -> List.of(eip(4399, Eips::eip4399));
      case SHANGHAI ->
          List.of(eip(3651, Eips::eip3651), eip(3855, Eips::eip3855), eip(3860, Eips::eip3860));
      case CANCUN ->
          List.of(
              eip(1153, Eips::eip1153),
              eip(4844, Eips::eip4844),
              eip(5656, Eips::eip5656),
              eip(6780, Eips::eip6780),
              eip(7516, Eips::eip7516));
      // Prague and Osaka: their EVM-level EIPs (7702, 7623, 2537, 2935, 7939, ...) are added here
      // when implemented; until then they run Cancun's rules.
      case PRAGUE, OSAKA -> List.of();
    };
  }

  /** The Frontier instruction set and prices (Yellow Paper, Appendix G and H). */
  static void frontier(Rules r) {
    r.define(STOP, 0);
    for (int op : new int[] {ADD, SUB, LT, GT, SLT, SGT, EQ, ISZERO, AND, OR, XOR, NOT, BYTE}) {
      r.define(op, Gas.VERY_LOW);
    }
    for (int op : new int[] {MUL, DIV, SDIV, MOD, SMOD, SIGNEXTEND}) {
      r.define(op, Gas.LOW);
    }
    r.define(ADDMOD, Gas.MID);
    r.define(MULMOD, Gas.MID);
    r.define(EXP, Gas.HIGH);
    r.define(KECCAK256, 30);
    for (int op :
        new int[] {
          ADDRESS,
          ORIGIN,
          CALLER,
          CALLVALUE,
          CALLDATASIZE,
          CODESIZE,
          GASPRICE,
          COINBASE,
          TIMESTAMP,
          NUMBER,
          PREVRANDAO,
          GASLIMIT,
          POP,
          PC,
          MSIZE,
          GAS
        }) {
      r.define(op, Gas.BASE);
    }
    r.define(BALANCE, 20);
    r.define(CALLDATALOAD, Gas.VERY_LOW);
    r.define(CALLDATACOPY, Gas.VERY_LOW);
    r.define(CODECOPY, Gas.VERY_LOW);
    r.define(EXTCODESIZE, 20);
    r.define(EXTCODECOPY, 20);
    r.define(BLOCKHASH, 20);
    r.define(MLOAD, Gas.VERY_LOW);
    r.define(MSTORE, Gas.VERY_LOW);
    r.define(MSTORE8, Gas.VERY_LOW);
    r.define(SLOAD, 50);
    r.define(SSTORE, 0);
    r.define(JUMP, Gas.MID);
    r.define(JUMPI, Gas.HIGH);
    r.define(JUMPDEST, 1);
    for (int op = PUSH1; op <= PUSH32; op++) {
      r.define(op, Gas.VERY_LOW);
    }
    for (int op = DUP1; op <= DUP16; op++) {
      r.define(op, Gas.VERY_LOW);
    }
    for (int op = SWAP1; op <= SWAP16; op++) {
      r.define(op, Gas.VERY_LOW);
    }
    for (int n = 0; n <= 4; n++) {
      r.define(LOG0 + n, 375 + 375L * n);
    }
    r.define(CREATE, 32_000);
    r.define(CALL, 40);
    r.define(CALLCODE, 40);
    r.define(RETURN, 0);
    r.define(SELFDESTRUCT, 0);
    r.rejectSenderWithCode = true;
  }

  /** Homestead: contract creation costs 53000, and failing to pay for the code fails it. */
  static void eip2(Rules r) {
    r.txCreateGas = 32_000;
    r.failedCodeDepositReverts = true;
  }

  /** DELEGATECALL. */
  static void eip7(Rules r) {
    r.define(DELEGATECALL, 40);
  }

  /** Tangerine Whistle: IO-heavy operations repriced, calls get all but one 64th of the gas. */
  static void eip150(Rules r) {
    r.setGas(BALANCE, 400);
    r.setGas(EXTCODESIZE, 700);
    r.setGas(EXTCODECOPY, 700);
    r.setGas(SLOAD, 200);
    r.setGas(CALL, 700);
    r.setGas(CALLCODE, 700);
    r.setGas(DELEGATECALL, 700);
    r.setGas(SELFDESTRUCT, 5_000);
    r.allButOne64th = true;
  }

  /** EXP costs 50 per exponent byte. */
  static void eip160(Rules r) {
    r.expByteGas = 50;
  }

  /**
   * State clearing: empty accounts are neither created nor kept; new contracts start at nonce 1.
   */
  static void eip161(Rules r) {
    r.emptyAccountsRemoved = true;
  }

  /** Contract code size limit. */
  static void eip170(Rules r) {
    r.maxCodeSize = 24_576;
  }

  /** REVERT. */
  static void eip140(Rules r) {
    r.define(REVERT, 0);
  }

  /** RETURNDATASIZE and RETURNDATACOPY. */
  static void eip211(Rules r) {
    r.define(RETURNDATASIZE, Gas.BASE);
    r.define(RETURNDATACOPY, Gas.VERY_LOW);
  }

  /** STATICCALL. */
  static void eip214(Rules r) {
    r.define(STATICCALL, 700);
  }

  /** Bitwise shifts. */
  static void eip145(Rules r) {
    r.define(SHL, Gas.VERY_LOW);
    r.define(SHR, Gas.VERY_LOW);
    r.define(SAR, Gas.VERY_LOW);
  }

  /** CREATE2. */
  static void eip1014(Rules r) {
    r.define(CREATE2, 32_000);
  }

  /** EXTCODEHASH. */
  static void eip1052(Rules r) {
    r.define(EXTCODEHASH, 400);
  }

  /** Net gas metering for SSTORE (Constantinople). */
  static void eip1283(Rules r) {
    r.sstoreRule = Rules.SstoreRule.NET_METERING;
    r.sstoreNoopGas = 200;
  }

  /** Petersburg: EIP-1283 removed again. */
  static void eip1716(Rules r) {
    r.sstoreRule = Rules.SstoreRule.LEGACY;
  }

  /** CHAINID. */
  static void eip1344(Rules r) {
    r.define(CHAINID, Gas.BASE);
  }

  /** Trie-size-dependent opcodes repriced; SELFBALANCE. */
  static void eip1884(Rules r) {
    r.setGas(SLOAD, 800);
    r.setGas(BALANCE, 700);
    r.setGas(EXTCODEHASH, 700);
    r.define(SELFBALANCE, Gas.LOW);
  }

  /** Calldata costs 16 per non-zero byte. */
  static void eip2028(Rules r) {
    r.txDataNonZeroGas = 16;
  }

  /** Net gas metering for SSTORE with the stipend guard (Istanbul). */
  static void eip2200(Rules r) {
    r.sstoreRule = Rules.SstoreRule.NET_METERING_WITH_GUARD;
    r.sstoreNoopGas = 800;
  }

  /**
   * Warm and cold state access. Static costs become the warm price (100); the cold surcharge is
   * dynamic.
   */
  static void eip2929(Rules r) {
    r.accessLists = true;
    r.setGas(SLOAD, r.warmReadGas);
    r.setGas(BALANCE, r.warmReadGas);
    r.setGas(EXTCODESIZE, r.warmReadGas);
    r.setGas(EXTCODECOPY, r.warmReadGas);
    r.setGas(EXTCODEHASH, r.warmReadGas);
    r.setGas(CALL, r.warmReadGas);
    r.setGas(CALLCODE, r.warmReadGas);
    r.setGas(DELEGATECALL, r.warmReadGas);
    r.setGas(STATICCALL, r.warmReadGas);
    r.sstoreNoopGas = r.warmReadGas;
    r.sstoreResetGas = 5_000 - r.coldSloadGas;
  }

  /** Access lists in transactions. */
  static void eip2930(Rules r) {
    r.accessListTransactions = true;
  }

  /** Base fee. */
  static void eip1559(Rules r) {
    r.baseFee = true;
  }

  /** BASEFEE. */
  static void eip3198(Rules r) {
    r.define(BASEFEE, Gas.BASE);
  }

  /** Fewer refunds: none for SELFDESTRUCT, 4800 for clearing a slot, capped at a fifth. */
  static void eip3529(Rules r) {
    r.selfdestructRefund = 0;
    r.sstoreClearsRefund = r.sstoreResetGas + r.txAccessListStorageKeyGas;
    r.refundQuotient = 5;
  }

  /** New code starting with 0xEF is rejected. */
  static void eip3541(Rules r) {
    r.rejectEfCode = true;
  }

  /** DIFFICULTY returns the beacon chain's randomness. */
  static void eip4399(Rules r) {
    r.prevRandao = true;
  }

  /** The coinbase starts warm. */
  static void eip3651(Rules r) {
    r.warmCoinbase = true;
  }

  /** PUSH0. */
  static void eip3855(Rules r) {
    r.define(PUSH0, Gas.BASE);
  }

  /** Initcode limited to 49152 bytes and charged 2 gas per word. */
  static void eip3860(Rules r) {
    r.maxInitcodeSize = 2 * 24_576;
  }

  /** Transient storage: TLOAD and TSTORE. */
  static void eip1153(Rules r) {
    r.define(TLOAD, r.warmReadGas);
    r.define(TSTORE, r.warmReadGas);
  }

  /** Blob transactions and BLOBHASH. */
  static void eip4844(Rules r) {
    r.blobs = true;
    r.define(BLOBHASH, Gas.VERY_LOW);
    r.targetBlobGasPerBlock = 3 * r.blobGasPerBlob;
    r.maxBlobGasPerBlock = 6 * r.blobGasPerBlob;
    r.blobBaseFeeUpdateFraction = 3_338_477;
  }

  /** MCOPY. */
  static void eip5656(Rules r) {
    r.define(MCOPY, Gas.VERY_LOW);
  }

  /** SELFDESTRUCT only deletes contracts created in the same transaction. */
  static void eip6780(Rules r) {
    r.selfdestructOnlyInCreatingTx = true;
  }

  /** BLOBBASEFEE. */
  static void eip7516(Rules r) {
    r.define(BLOBBASEFEE, Gas.BASE);
  }
}
