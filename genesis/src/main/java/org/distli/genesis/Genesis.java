package org.distli.genesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.Fork;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * A chain's starting point: its configuration, the fields of block 0 and the initial state. Read
 * from Distli's own genesis format or from go-ethereum's genesis.json ({@link #parse(String)}).
 * Building block 0 and its state root is the chain module's job; this is configuration only.
 *
 * @param baseFeePerGas block 0's base fee when the file sets one; see {@link #genesisBaseFee()}
 * @param alloc the initial accounts, in file order
 */
public record Genesis(
    ChainConfig config,
    long timestamp,
    Bytes extraData,
    long gasLimit,
    UInt256 difficulty,
    Hash mixHash,
    Address coinbase,
    long nonce,
    Optional<Wei> baseFeePerGas,
    long excessBlobGas,
    long blobGasUsed,
    Map<Address, GenesisAccount> alloc) {

  public Genesis {
    alloc = Collections.unmodifiableMap(new LinkedHashMap<>(alloc));
  }

  /**
   * Parses a genesis file in either format: go-ethereum's when it has a {@code config} or {@code
   * alloc} member, Distli's otherwise.
   *
   * @throws GenesisException naming the offending field and the reason
   */
  public static Genesis parse(String json) {
    return GenesisParser.parse(json);
  }

  /**
   * @throws GenesisException when the file is malformed, or cannot be read
   */
  public static Genesis read(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read genesis file " + file + ": " + e.getMessage(), e);
    }
    return parse(json);
  }

  /** The fork whose rules block 0 follows. */
  public Fork fork() {
    return config.forkAt(0, timestamp);
  }

  /**
   * Block 0's base fee: the file's value, else the fee market's initial base fee when London is
   * active from genesis (EIP-1559), else none.
   */
  public Optional<Wei> genesisBaseFee() {
    if (!fork().isAtLeast(Fork.LONDON)) {
      return Optional.empty();
    }
    return Optional.of(baseFeePerGas.orElse(config.baseFee().initialBaseFee()));
  }

  public Genesis withConfig(ChainConfig replacement) {
    return new Genesis(
        replacement,
        timestamp,
        extraData,
        gasLimit,
        difficulty,
        mixHash,
        coinbase,
        nonce,
        baseFeePerGas,
        excessBlobGas,
        blobGasUsed,
        alloc);
  }

  /** This genesis with more initial accounts; an address already present is replaced. */
  public Genesis withAccounts(Map<Address, GenesisAccount> extra) {
    Map<Address, GenesisAccount> merged = new LinkedHashMap<>(alloc);
    merged.putAll(extra);
    return new Genesis(
        config,
        timestamp,
        extraData,
        gasLimit,
        difficulty,
        mixHash,
        coinbase,
        nonce,
        baseFeePerGas,
        excessBlobGas,
        blobGasUsed,
        merged);
  }
}
