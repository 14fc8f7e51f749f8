package org.distli.chain.reference.statetest;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.AccessListEntry;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * One test of the Ethereum GeneralStateTests format: a pre-state, a block environment, a
 * transaction with alternative data, gas limits and values, and the expected post-state per fork
 * and per (data, gas, value) index combination. {@code dataLabels} names data alternatives when the
 * file does (the EVM benchmarks label their inputs).
 */
public record StateTest(
    String file,
    String name,
    Environment env,
    Map<Address, PreAccount> pre,
    TransactionTemplate transaction,
    Map<String, List<Expectation>> post,
    Map<Integer, String> dataLabels) {

  /** The block the transaction runs in. Absent optional fields are null. */
  public record Environment(
      Address coinbase,
      UInt256 difficulty,
      long gasLimit,
      long number,
      long timestamp,
      Wei baseFee,
      Hash random,
      Long excessBlobGas) {}

  public record PreAccount(
      long nonce, Wei balance, Bytes code, NavigableMap<UInt256, UInt256> storage) {}

  /**
   * The transaction with its alternatives. Amounts are BigIntegers because some tests use values
   * that do not fit 256 bits (the transaction is then invalid).
   */
  public record TransactionTemplate(
      List<Bytes> data,
      List<Long> gasLimit,
      List<BigInteger> value,
      long nonce,
      BigInteger gasPrice,
      BigInteger maxFeePerGas,
      BigInteger maxPriorityFeePerGas,
      Address to,
      Address sender,
      List<List<AccessListEntry>> accessLists,
      List<Hash> blobVersionedHashes,
      BigInteger maxFeePerBlobGas) {}

  /** The expected outcome of one index combination on one fork. */
  public record Expectation(
      int dataIndex,
      int gasIndex,
      int valueIndex,
      Hash stateRoot,
      Hash logsHash,
      String expectException) {}
}
