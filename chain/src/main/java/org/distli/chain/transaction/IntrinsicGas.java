package org.distli.chain.transaction;

import org.distli.evm.Fork;
import org.distli.primitives.Hash;

/**
 * The gas a transaction costs before its first instruction runs, per fork: the base cost, call data
 * (EIP-2028 cheapened non-zero bytes at Istanbul), contract creation (Homestead), access lists
 * (EIP-2930) and init code words (EIP-3860, Shanghai). Also the EIP-7623 floor (Prague).
 */
public final class IntrinsicGas {
  public static final long TX_GAS = 21_000;
  public static final long TX_CREATE_GAS = 53_000;
  public static final long ZERO_BYTE_GAS = 4;
  public static final long NON_ZERO_BYTE_GAS_FRONTIER = 68;
  public static final long NON_ZERO_BYTE_GAS_ISTANBUL = 16;
  public static final long ACCESS_LIST_ADDRESS_GAS = 2_400;
  public static final long ACCESS_LIST_STORAGE_KEY_GAS = 1_900;
  public static final long INIT_CODE_WORD_GAS = 2;

  /** EIP-3860: twice the EIP-170 code size limit. */
  public static final int MAX_INIT_CODE_SIZE = 2 * 24_576;

  /** EIP-7623: gas per calldata token in the floor. */
  public static final long TOTAL_COST_FLOOR_PER_TOKEN = 10;

  private IntrinsicGas() {}

  /**
   * The intrinsic gas of {@code tx} under {@code fork}.
   *
   * @throws InvalidTransactionException {@link TransactionError#GAS_UINT_OVERFLOW} when the sum
   *     exceeds 2^64-1
   */
  public static long of(Transaction tx, Fork fork) {
    boolean creation = tx.isContractCreation();
    long gas = creation && fork.isAtLeast(Fork.HOMESTEAD) ? TX_CREATE_GAS : TX_GAS;
    byte[] data = tx.data().toArrayUnsafe();
    long zeros = zeroBytes(data);
    long nonZeros = data.length - zeros;
    long nonZeroCost =
        fork.isAtLeast(Fork.ISTANBUL) ? NON_ZERO_BYTE_GAS_ISTANBUL : NON_ZERO_BYTE_GAS_FRONTIER;
    // Sums cannot overflow below 2^63 for data of realistic sizes, but the arithmetic stays exact.
    gas = add(gas, multiply(nonZeros, nonZeroCost));
    gas = add(gas, multiply(zeros, ZERO_BYTE_GAS));
    if (creation && fork.isAtLeast(Fork.SHANGHAI)) {
      gas = add(gas, multiply((data.length + 31L) / 32, INIT_CODE_WORD_GAS));
    }
    for (AccessListEntry entry : tx.accessList()) {
      gas = add(gas, ACCESS_LIST_ADDRESS_GAS);
      gas = add(gas, multiply(entry.storageKeys().size(), ACCESS_LIST_STORAGE_KEY_GAS));
    }
    return gas;
  }

  /**
   * EIP-7623's minimum gas use from Prague: 21000 + 10 per calldata token (4 per non-zero byte).
   */
  public static long floorDataGas(Transaction tx) {
    byte[] data = tx.data().toArrayUnsafe();
    long zeros = zeroBytes(data);
    long tokens = zeros + 4 * (data.length - zeros);
    return add(TX_GAS, multiply(tokens, TOTAL_COST_FLOOR_PER_TOKEN));
  }

  /** The storage keys counted in access lists; for callers that price them separately. */
  public static int storageKeyCount(Transaction tx) {
    int count = 0;
    for (AccessListEntry entry : tx.accessList()) {
      count += entry.storageKeys().size();
    }
    return count;
  }

  static boolean isVersionedHash(Hash hash) {
    return hash.get(0) == 0x01;
  }

  private static long zeroBytes(byte[] data) {
    long zeros = 0;
    for (byte b : data) {
      if (b == 0) {
        zeros++;
      }
    }
    return zeros;
  }

  private static long add(long a, long b) {
    long sum = a + b;
    if (Long.compareUnsigned(sum, a) < 0) {
      throw new InvalidTransactionException(TransactionError.GAS_UINT_OVERFLOW);
    }
    return sum;
  }

  private static long multiply(long a, long b) {
    long high = Math.unsignedMultiplyHigh(a, b);
    if (high != 0) {
      throw new InvalidTransactionException(TransactionError.GAS_UINT_OVERFLOW);
    }
    return a * b;
  }
}
