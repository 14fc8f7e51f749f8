package org.distli.txpool;

import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionType;
import org.distli.crypto.SecretKey;
import org.distli.evm.Fork;
import org.distli.genesis.ChainConfig;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.state.StateReader;

/** Keys, a chain head and a state for pool tests. */
final class PoolFixtures {
  static final long CHAIN_ID = 1337;
  static final ChainSpec SPEC =
      ChainSpec.distli(ChainConfig.allFromGenesis(CHAIN_ID, Fork.CANCUN), 256);
  static final Wei GWEI = Wei.of(1_000_000_000L);
  static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000aa");

  private PoolFixtures() {}

  static SecretKey key(int i) {
    byte[] bytes = new byte[32];
    bytes[31] = (byte) (i + 1);
    bytes[30] = 0x11;
    return SecretKey.of(bytes);
  }

  static Wei gwei(long n) {
    return Wei.of(n * 1_000_000_000L);
  }

  /** A block at {@code number} with a 30M gas limit whose child's base fee is 1 gwei. */
  static BlockHeader head(long number) {
    return BlockHeader.builder()
        .number(number)
        .gasLimit(30_000_000)
        .gasUsed(15_000_000)
        .timestamp(1_000 + number)
        .baseFee(GWEI)
        .withdrawalsRoot(Hash.EMPTY_TRIE_ROOT)
        .blobGasUsed(0L)
        .excessBlobGas(0L)
        .parentBeaconBlockRoot(Hash.ZERO)
        .build();
  }

  static Transaction transfer(SecretKey key, long nonce, Wei tip, Wei feeCap) {
    return Transaction.builder(TransactionType.DYNAMIC_FEE)
        .chainId(CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(tip)
        .maxFeePerGas(feeCap)
        .gasLimit(21_000)
        .to(RECIPIENT)
        .value(Wei.of(1))
        .sign(key, CHAIN_ID);
  }

  static Transaction transfer(SecretKey key, long nonce, long tipGwei) {
    return transfer(key, nonce, gwei(tipGwei), gwei(100 + tipGwei));
  }

  /** An in-memory state of plain accounts. */
  static final class MapState implements StateReader {
    final Map<Address, Account> accounts = new HashMap<>();

    MapState fund(Address address, long nonce, Wei balance) {
      accounts.put(address, new Account(nonce, balance, Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_CODE));
      return this;
    }

    @Override
    public Hash rootHash() {
      return Hash.EMPTY_TRIE_ROOT;
    }

    @Override
    public Account account(Address address) {
      return accounts.get(address);
    }

    @Override
    public UInt256 storage(Address address, UInt256 slot) {
      return UInt256.ZERO;
    }

    @Override
    public Bytes code(Hash codeHash) {
      return Bytes.EMPTY;
    }
  }
}
