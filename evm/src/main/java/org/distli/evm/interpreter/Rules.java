package org.distli.evm.interpreter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.distli.evm.Fork;

/**
 * The EVM rules of one fork: which opcodes exist, their static gas, and the parameters and switches
 * of the dynamic rules. Built by applying the EIPs of each fork in order to Frontier's rules (see
 * {@link Eips}); immutable once built, and shared by every execution on that fork.
 */
public final class Rules {
  static final int STACK_LIMIT = 1024;

  /** Stack requirements are in limbs (four per word), as the interpreter counts them. */
  static final int UNDEFINED = Integer.MAX_VALUE;

  private static final Map<Fork, Rules> BY_FORK = new EnumMap<>(Fork.class);

  static {
    for (Fork fork : Fork.values()) {
      BY_FORK.put(fork, build(fork));
    }
  }

  final Fork fork;
  private final List<String> eips = new ArrayList<>();

  // ---- the instruction table
  final long[] staticGas = new long[256];

  /** Minimum stack height in limbs for the opcode; {@link #UNDEFINED} when it does not exist. */
  final int[] minStack = new int[256];

  /** Maximum stack height in limbs before the opcode so that its result still fits. */
  final int[] maxStack = new int[256];

  // ---- switches and parameters, named after the EIP that introduced them

  /** EIP-2: a contract creation that cannot pay for its code fails instead of leaving no code. */
  boolean failedCodeDepositReverts;

  /** EIP-150: calls get at most all but one 64th of the remaining gas. */
  boolean allButOne64th;

  /** EIP-161: empty accounts are not created by calls and are removed when touched. */
  boolean emptyAccountsRemoved;

  /** EIP-160: gas per byte of the EXP exponent. */
  long expByteGas = 10;

  /** EIP-170: maximum deployed code size; 0 when unlimited. */
  int maxCodeSize;

  /** EIP-3860: maximum initcode size; 0 when unlimited (and no per-word initcode gas). */
  int maxInitcodeSize;

  /** The SSTORE pricing rule in force. */
  SstoreRule sstoreRule = SstoreRule.LEGACY;

  long sstoreSetGas = 20_000;
  long sstoreResetGas = 5_000;
  long sstoreClearsRefund = 15_000;

  /** What EIP-1283/2200 call SLOAD_GAS: the cost of an SSTORE that changes nothing. */
  long sstoreNoopGas = 200;

  /** EIP-2929: warm and cold access to accounts and storage. */
  boolean accessLists;

  long coldSloadGas = 2_100;
  long coldAccountGas = 2_600;
  long warmReadGas = 100;

  long selfdestructRefund = 24_000;

  /** EIP-6780: SELFDESTRUCT only deletes accounts created in the same transaction. */
  boolean selfdestructOnlyInCreatingTx;

  /** EIP-3529: the refund is capped at gasUsed / refundQuotient (2 before London). */
  long refundQuotient = 2;

  /** EIP-3541: new code may not start with 0xEF. */
  boolean rejectEfCode;

  /** EIP-4399: DIFFICULTY becomes PREVRANDAO. */
  boolean prevRandao;

  // ---- transaction level
  long txGas = 21_000;
  long txCreateGas = 0; // added to txGas for contract creations (EIP-2: 32000)
  long txDataZeroGas = 4;
  long txDataNonZeroGas = 68;
  long txAccessListAddressGas = 2_400;
  long txAccessListStorageKeyGas = 1_900;

  /** EIP-2930 access lists in transactions. */
  boolean accessListTransactions;

  /** EIP-1559 base fee. */
  boolean baseFee;

  /** EIP-3651: the coinbase starts warm. */
  boolean warmCoinbase;

  /** EIP-3607: transactions from accounts with code are invalid. */
  boolean rejectSenderWithCode = true;

  /** EIP-4844 blob transactions and their gas. */
  boolean blobs;

  long blobGasPerBlob = 131_072;
  long targetBlobGasPerBlock;
  long maxBlobGasPerBlock;
  long blobBaseFeeUpdateFraction;
  long minBlobBaseFee = 1;

  private Rules(Fork fork) {
    this.fork = fork;
    for (int op = 0; op < 256; op++) {
      minStack[op] = UNDEFINED;
    }
  }

  /** The rules of {@code fork}. */
  public static Rules of(Fork fork) {
    return BY_FORK.get(fork);
  }

  public Fork fork() {
    return fork;
  }

  /** The EIPs applied on top of Frontier to make this fork, in order ("EIP-150", ...). */
  public List<String> eips() {
    return Collections.unmodifiableList(eips);
  }

  /** Whether the opcode exists in this fork. */
  public boolean defines(int op) {
    return minStack[op & 0xff] != UNDEFINED;
  }

  /** The gas charged for the opcode before any dynamic cost. */
  public long staticGas(int op) {
    return staticGas[op & 0xff];
  }

  // ---- accessors the transaction processor uses

  public boolean emptyAccountsRemoved() {
    return emptyAccountsRemoved;
  }

  public boolean hasBaseFee() {
    return baseFee;
  }

  public boolean hasBlobs() {
    return blobs;
  }

  public boolean hasAccessLists() {
    return accessLists;
  }

  public boolean hasAccessListTransactions() {
    return accessListTransactions;
  }

  public boolean warmCoinbase() {
    return warmCoinbase;
  }

  public boolean rejectSenderWithCode() {
    return rejectSenderWithCode;
  }

  public int maxInitcodeSize() {
    return maxInitcodeSize;
  }

  public long refundQuotient() {
    return refundQuotient;
  }

  public long blobGasPerBlob() {
    return blobGasPerBlob;
  }

  public long targetBlobGasPerBlock() {
    return targetBlobGasPerBlock;
  }

  public long maxBlobGasPerBlock() {
    return maxBlobGasPerBlock;
  }

  public long blobBaseFeeUpdateFraction() {
    return blobBaseFeeUpdateFraction;
  }

  public long minBlobBaseFee() {
    return minBlobBaseFee;
  }

  /** The intrinsic gas of a transaction: what it costs before any code runs. */
  public long intrinsicGas(
      byte[] data, boolean isCreate, int accessListAddresses, int accessListStorageKeys) {
    long gas = txGas;
    if (isCreate) {
      gas += txCreateGas;
    }
    long zeros = 0;
    for (byte b : data) {
      if (b == 0) {
        zeros++;
      }
    }
    gas += zeros * txDataZeroGas + (data.length - zeros) * txDataNonZeroGas;
    if (isCreate && maxInitcodeSize > 0) {
      gas += Gas.INITCODE_WORD_GAS * Gas.words(data.length);
    }
    gas += accessListAddresses * txAccessListAddressGas;
    gas += accessListStorageKeys * txAccessListStorageKeyGas;
    return gas;
  }

  // ---- building

  void define(int op, long gas) {
    staticGas[op] = gas;
    minStack[op] = Opcodes.stackIn(op) * 4;
    int growth = Opcodes.stackOut(op) - Opcodes.stackIn(op);
    maxStack[op] = (STACK_LIMIT - Math.max(0, growth)) * 4;
  }

  void setGas(int op, long gas) {
    if (!defines(op)) {
      throw new IllegalStateException(Opcodes.name(op) + " repriced before it exists");
    }
    staticGas[op] = gas;
  }

  private static Rules build(Fork fork) {
    Rules rules = new Rules(fork);
    Eips.frontier(rules);
    for (Fork step : Fork.values()) {
      if (step.compareTo(fork) > 0) {
        break;
      }
      for (Eips.Eip eip : Eips.of(step)) {
        eip.apply().accept(rules);
        rules.eips.add(eip.name());
      }
    }
    return rules;
  }

  /** How SSTORE is priced. */
  enum SstoreRule {
    /** Frontier: 20000 to set a zero slot, 5000 otherwise, refund for clearing. */
    LEGACY,
    /** EIP-1283 (Constantinople only): net gas metering without the stipend guard. */
    NET_METERING,
    /** EIP-2200 (Istanbul on): net gas metering, failing when gas left is at most the stipend. */
    NET_METERING_WITH_GUARD
  }
}
