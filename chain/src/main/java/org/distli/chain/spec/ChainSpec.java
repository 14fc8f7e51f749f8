package org.distli.chain.spec;

import java.util.Optional;
import org.distli.evm.Fork;
import org.distli.genesis.BaseFeeParameters;
import org.distli.genesis.ChainConfig;

/**
 * Everything block and transaction validation depend on: the chain's configuration (chain id, fork
 * schedule, fee market) plus the rules in which this chain differs from Ethereum.
 *
 * @param config the chain id, forks and fee market from the genesis
 * @param maxExtraDataBytes the longest header extra data accepted: 32 on Ethereum; a proof-of-stake
 *     seal that signs into extra data needs more
 * @param blobTransactions whether EIP-4844 blob transactions are accepted (Ethereum: yes from
 *     Cancun; Distli chains carry no blobs and refuse them as "transaction type not supported")
 */
public record ChainSpec(ChainConfig config, int maxExtraDataBytes, boolean blobTransactions) {
  public static final int ETHEREUM_MAX_EXTRA_DATA = 32;

  /** 32 bytes of vanity plus a 65-byte secp256k1 seal, as a proof-of-stake header carries. */
  public static final int SEALED_EXTRA_DATA = 32 + 65;

  public ChainSpec {
    if (maxExtraDataBytes < 0) {
      throw new IllegalArgumentException("maxExtraDataBytes cannot be negative");
    }
  }

  /** Ethereum's rules for a chain configuration: 32 bytes of extra data, blob transactions on. */
  public static ChainSpec ethereum(ChainConfig config) {
    return new ChainSpec(config, ETHEREUM_MAX_EXTRA_DATA, true);
  }

  /** A Distli chain: no blob transactions, extra data as long as the seal needs. */
  public static ChainSpec distli(ChainConfig config, int maxExtraDataBytes) {
    return new ChainSpec(config, maxExtraDataBytes, false);
  }

  public long chainId() {
    return config.chainId();
  }

  public Fork forkAt(long blockNumber, long timestamp) {
    return config.forkAt(blockNumber, timestamp);
  }

  public BaseFeeParameters baseFee() {
    return config.baseFee();
  }

  /** The blob market of {@code fork}, from the EVM's rules for it; empty before Cancun. */
  public static Optional<BlobSchedule> blobSchedule(Fork fork) {
    if (!org.distli.evm.BlobGas.hasBlobs(fork)) {
      return Optional.empty();
    }
    long perBlob = org.distli.evm.BlobGas.gasPerBlob(fork);
    return Optional.of(
        new BlobSchedule(
            org.distli.evm.BlobGas.targetBlobGasPerBlock(fork) / perBlob,
            org.distli.evm.BlobGas.maxBlobGasPerBlock(fork) / perBlob,
            org.distli.evm.BlobGas.baseFeeUpdateFraction(fork)));
  }

  public ChainSpec withMaxExtraDataBytes(int bytes) {
    return new ChainSpec(config, bytes, blobTransactions);
  }

  public ChainSpec withBlobTransactions(boolean allowed) {
    return new ChainSpec(config, maxExtraDataBytes, allowed);
  }
}
