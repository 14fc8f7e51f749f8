package org.distli.evm;

import java.util.Objects;
import java.util.function.LongFunction;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * What the EVM sees of the block a transaction runs in.
 *
 * @param fork the rules in force
 * @param coinbase the fee recipient (COINBASE)
 * @param number the block number
 * @param timestamp seconds since the epoch
 * @param gasLimit the block gas limit (GASLIMIT)
 * @param baseFee the EIP-1559 base fee; {@link Wei#ZERO} before London
 * @param prevRandao the beacon chain randomness (PREVRANDAO, from Paris)
 * @param difficulty the proof-of-work difficulty (DIFFICULTY, before Paris)
 * @param blobBaseFee the EIP-4844 blob base fee (BLOBBASEFEE); see {@link BlobGas#baseFee}
 * @param chainId the chain id (CHAINID)
 * @param blockHashes the hash of an earlier block by number; asked only for the 256 blocks before
 *     this one, may return null for unknown
 */
public record BlockContext(
    Fork fork,
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    Wei baseFee,
    Hash prevRandao,
    UInt256 difficulty,
    Wei blobBaseFee,
    long chainId,
    LongFunction<Hash> blockHashes) {

  public BlockContext {
    Objects.requireNonNull(fork, "fork");
    Objects.requireNonNull(coinbase, "coinbase");
    baseFee = baseFee == null ? Wei.ZERO : baseFee;
    prevRandao = prevRandao == null ? Hash.ZERO : prevRandao;
    difficulty = difficulty == null ? UInt256.ZERO : difficulty;
    blobBaseFee = blobBaseFee == null ? Wei.ZERO : blobBaseFee;
    blockHashes = blockHashes == null ? n -> null : blockHashes;
  }

  public static Builder builder(Fork fork) {
    return new Builder(fork);
  }

  /** This context with a different base fee (eth_call with zero gas price, like geth). */
  public BlockContext withBaseFee(Wei newBaseFee) {
    return new BlockContext(
        fork,
        coinbase,
        number,
        timestamp,
        gasLimit,
        newBaseFee,
        prevRandao,
        difficulty,
        blobBaseFee,
        chainId,
        blockHashes);
  }

  /** A builder with the defaults of a fresh dev chain: block 1, 30M gas, chain id 1. */
  public static final class Builder {
    private final Fork fork;
    private Address coinbase = Address.ZERO;
    private long number = 1;
    private long timestamp = 0;
    private long gasLimit = 30_000_000;
    private Wei baseFee = Wei.ZERO;
    private Hash prevRandao = Hash.ZERO;
    private UInt256 difficulty = UInt256.ZERO;
    private Wei blobBaseFee;
    private long chainId = 1;
    private LongFunction<Hash> blockHashes = n -> null;

    private Builder(Fork fork) {
      this.fork = fork;
    }

    public Builder coinbase(Address value) {
      coinbase = value;
      return this;
    }

    public Builder number(long value) {
      number = value;
      return this;
    }

    public Builder timestamp(long value) {
      timestamp = value;
      return this;
    }

    public Builder gasLimit(long value) {
      gasLimit = value;
      return this;
    }

    public Builder baseFee(Wei value) {
      baseFee = value;
      return this;
    }

    public Builder prevRandao(Hash value) {
      prevRandao = value;
      return this;
    }

    public Builder difficulty(UInt256 value) {
      difficulty = value;
      return this;
    }

    public Builder blobBaseFee(Wei value) {
      blobBaseFee = value;
      return this;
    }

    /** Sets the blob base fee from the header's excess blob gas (EIP-4844). */
    public Builder excessBlobGas(long excessBlobGas) {
      blobBaseFee = BlobGas.baseFee(fork, excessBlobGas);
      return this;
    }

    public Builder chainId(long value) {
      chainId = value;
      return this;
    }

    public Builder blockHashes(LongFunction<Hash> value) {
      blockHashes = value;
      return this;
    }

    public BlockContext build() {
      Wei blobFee = blobBaseFee != null ? blobBaseFee : BlobGas.baseFee(fork, 0);
      return new BlockContext(
          fork,
          coinbase,
          number,
          timestamp,
          gasLimit,
          baseFee,
          prevRandao,
          difficulty,
          blobFee,
          chainId,
          blockHashes);
    }
  }
}
