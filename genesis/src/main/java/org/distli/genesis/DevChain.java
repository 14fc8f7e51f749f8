package org.distli.genesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.SecretKey;
import org.distli.evm.Fork;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * The dev chain that {@code ./distli} starts with no arguments: chain id 1337, Cancun rules from
 * genesis, one validator, and the 20 accounts Hardhat and Anvil fund from the mnemonic "test test
 * ... junk" with 10,000 ETH each. Blocks come every {@link #BLOCK_TIME} and as soon as transactions
 * wait (automine); empty slots are skipped.
 */
public final class DevChain {
  public static final String MNEMONIC =
      "test test test test test test test test test test test junk";
  public static final long CHAIN_ID = 1337;
  public static final int ACCOUNT_COUNT = 20;
  public static final Wei ACCOUNT_BALANCE = Wei.ofEther(10_000);
  public static final long GAS_LIMIT = 60_000_000L;
  public static final Duration BLOCK_TIME = Duration.ofSeconds(3);

  /**
   * The validator key's index on the mnemonic's account path: the first key after the 20 funded
   * accounts, so that block fees do not change a funded account's balance.
   */
  public static final int VALIDATOR_INDEX = ACCOUNT_COUNT;

  /** The validator's stake; with one validator only its being positive matters. */
  public static final Wei VALIDATOR_STAKE = Wei.ofEther(32);

  private DevChain() {}

  /** The 20 funded accounts, in derivation order. */
  public static List<DevAccount> accounts() {
    return Keys.ACCOUNTS;
  }

  public static SecretKey validatorKey() {
    return Keys.VALIDATOR;
  }

  /** The dev genesis without any application predeploys. */
  public static Genesis genesis() {
    Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
    for (DevAccount account : accounts()) {
      alloc.put(account.address(), GenesisAccount.funded(ACCOUNT_BALANCE));
    }
    Validator validator =
        new Validator(
            validatorKey().address(), VALIDATOR_STAKE, Optional.of(validatorKey().publicKey()));
    ConsensusConfig pos =
        new ConsensusConfig(BLOCK_TIME, List.of(validator), EmptyBlockPolicy.SKIP);
    ChainConfig config =
        new ChainConfig(
            CHAIN_ID,
            ForkSchedule.allFromGenesis(Fork.CANCUN),
            BaseFeeParameters.ETHEREUM,
            GAS_LIMIT,
            pos);
    return new Genesis(
        config,
        0,
        Bytes.EMPTY,
        GAS_LIMIT,
        UInt256.ZERO,
        Hash.ZERO,
        Address.ZERO,
        0,
        Optional.of(BaseFeeParameters.ETHEREUM.initialBaseFee()),
        0,
        0,
        alloc);
  }

  /** The key at {@code m/44'/60'/0'/0/index} of a BIP-39 mnemonic with an empty passphrase. */
  public static SecretKey deriveKey(String mnemonic, int index) {
    return derive(Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, "")), index);
  }

  private static SecretKey derive(Bip32ECKeyPair master, int index) {
    int[] path = {
      44 | Bip32ECKeyPair.HARDENED_BIT,
      60 | Bip32ECKeyPair.HARDENED_BIT,
      Bip32ECKeyPair.HARDENED_BIT,
      0,
      index
    };
    byte[] key = toBytes32(Bip32ECKeyPair.deriveKeyPair(master, path).getPrivateKey());
    return SecretKey.of(key);
  }

  private static byte[] toBytes32(java.math.BigInteger value) {
    return UInt256.valueOf(value).toArrayUnsafe();
  }

  /** Derived once, on first use: PBKDF2 over the mnemonic takes a noticeable moment. */
  private static final class Keys {
    static final List<DevAccount> ACCOUNTS;
    static final SecretKey VALIDATOR;

    static {
      Bip32ECKeyPair master =
          Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
      List<DevAccount> accounts = new ArrayList<>();
      for (int i = 0; i < ACCOUNT_COUNT; i++) {
        accounts.add(new DevAccount(i, derive(master, i)));
      }
      ACCOUNTS = List.copyOf(accounts);
      VALIDATOR = derive(master, VALIDATOR_INDEX);
    }
  }
}
