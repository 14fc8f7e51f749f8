package org.distli.genesis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.distli.evm.Fork;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * Reads both genesis formats. Distli's own format refuses unknown fields (a typo must not silently
 * change a chain); go-ethereum's ignores the config keys it has no use for (ethash, blobSchedule,
 * deposit contract), so that files written for geth load unchanged.
 */
final class GenesisParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** go-ethereum's default when a genesis.json gives no gas limit (params.GenesisGasLimit). */
  static final long GETH_DEFAULT_GAS_LIMIT = 4_712_388L;

  /** go-ethereum's default difficulty when a genesis.json gives none (params.GenesisDifficulty). */
  static final UInt256 GETH_DEFAULT_DIFFICULTY = UInt256.valueOf(131_072);

  private static final Set<String> DISTLI_FIELDS =
      new LinkedHashSet<>(
          List.of(
              "chainId",
              "consensus",
              "blockTime",
              "validators",
              "initialState",
              "hardfork",
              "forks",
              "gasLimit",
              "baseFeePerGas",
              "baseFeeChangeDenominator",
              "elasticityMultiplier",
              "emptyBlocks",
              "timestamp",
              "extraData"));

  private static final Set<String> VALIDATOR_FIELDS =
      new LinkedHashSet<>(List.of("address", "stake", "publicKey"));

  private static final Set<String> ACCOUNT_FIELDS =
      new LinkedHashSet<>(List.of("balance", "nonce", "code", "storage"));

  /** go-ethereum's block-numbered fork keys, oldest first. */
  private static final Map<String, Fork> GETH_BLOCK_FORKS = new LinkedHashMap<>();

  /** go-ethereum's timestamped fork keys, oldest first. */
  private static final Map<String, Fork> GETH_TIME_FORKS = new LinkedHashMap<>();

  static {
    GETH_BLOCK_FORKS.put("homesteadBlock", Fork.HOMESTEAD);
    GETH_BLOCK_FORKS.put("eip150Block", Fork.TANGERINE_WHISTLE);
    GETH_BLOCK_FORKS.put("eip158Block", Fork.SPURIOUS_DRAGON);
    GETH_BLOCK_FORKS.put("byzantiumBlock", Fork.BYZANTIUM);
    GETH_BLOCK_FORKS.put("constantinopleBlock", Fork.CONSTANTINOPLE);
    GETH_BLOCK_FORKS.put("petersburgBlock", Fork.PETERSBURG);
    GETH_BLOCK_FORKS.put("istanbulBlock", Fork.ISTANBUL);
    GETH_BLOCK_FORKS.put("berlinBlock", Fork.BERLIN);
    GETH_BLOCK_FORKS.put("londonBlock", Fork.LONDON);
    GETH_TIME_FORKS.put("shanghaiTime", Fork.SHANGHAI);
    GETH_TIME_FORKS.put("cancunTime", Fork.CANCUN);
    GETH_TIME_FORKS.put("pragueTime", Fork.PRAGUE);
    GETH_TIME_FORKS.put("osakaTime", Fork.OSAKA);
  }

  private GenesisParser() {}

  static Genesis parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new GenesisException("", "not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new GenesisException("", "a genesis file is a JSON object");
    }
    JsonField file = new JsonField(root, "");
    return root.has("config") || root.has("alloc") ? parseGeth(file) : parseDistli(file);
  }

  // ---------------------------------------------------------------- Distli's format

  private static Genesis parseDistli(JsonField file) {
    file.rejectUnknownMembers(DISTLI_FIELDS);
    long chainId = chainId(file.get("chainId"));
    JsonField consensus = file.get("consensus");
    if (consensus.present() && !consensus.asText().equals("pos")) {
      throw consensus.fail("only \"pos\" is supported, got \"" + consensus.asText() + "\"");
    }
    ForkSchedule forks = distliForks(file.get("hardfork"), file.get("forks"));

    BaseFeeParameters baseFee = BaseFeeParameters.ETHEREUM;
    JsonField denominator = file.get("baseFeeChangeDenominator");
    JsonField elasticity = file.get("elasticityMultiplier");
    if (denominator.present() || elasticity.present()) {
      baseFee =
          new BaseFeeParameters(
              denominator.present() ? positive(denominator) : baseFee.changeDenominator(),
              elasticity.present() ? positive(elasticity) : baseFee.elasticityMultiplier(),
              baseFee.initialBaseFee());
    }
    Optional<Wei> genesisBaseFee = Optional.empty();
    JsonField baseFeePerGas = file.get("baseFeePerGas");
    if (baseFeePerGas.present()) {
      genesisBaseFee = Optional.of(baseFeePerGas.asWei());
      baseFee =
          new BaseFeeParameters(
              baseFee.changeDenominator(), baseFee.elasticityMultiplier(), genesisBaseFee.get());
    }

    JsonField gasLimitField = file.get("gasLimit");
    long gasLimit =
        gasLimitField.present() ? gasLimit(gasLimitField) : ChainConfig.DEFAULT_GAS_LIMIT;

    JsonField validatorsField = file.get("validators");
    List<Validator> validators = validators(validatorsField);
    if (validators.isEmpty()) {
      throw validatorsField.fail("a proof-of-stake chain needs at least one validator");
    }
    ConsensusConfig pos =
        new ConsensusConfig(
            blockTime(file.get("blockTime")),
            validators,
            emptyBlocks(file.get("emptyBlocks"), EmptyBlockPolicy.PRODUCE));

    ChainConfig config = new ChainConfig(chainId, forks, baseFee, gasLimit, pos);
    JsonField timestamp = file.get("timestamp");
    JsonField extraData = file.get("extraData");
    return new Genesis(
        config,
        timestamp.present() ? timestamp.asUnsignedLong() : 0,
        extraData.present() ? extraData.asBytes() : Bytes.EMPTY,
        gasLimit,
        UInt256.ZERO,
        Hash.ZERO,
        Address.ZERO,
        0,
        genesisBaseFee,
        0,
        0,
        alloc(file.get("initialState"), true));
  }

  private static ForkSchedule distliForks(JsonField hardfork, JsonField later) {
    Fork base = Fork.CANCUN;
    if (hardfork.present()) {
      base = fork(hardfork, hardfork.asText());
    }
    List<ForkSchedule.Activation> activations =
        new ArrayList<>(ForkSchedule.allFromGenesis(base).activations());
    if (later.present()) {
      Fork previous = base;
      long previousAt = 0;
      for (Map.Entry<String, JsonField> entry : later.members()) {
        JsonField field = entry.getValue();
        Fork fork = fork(field, entry.getKey());
        if (fork.compareTo(previous) <= 0) {
          throw field.fail("must come after " + previous.displayName() + " (list forks in order)");
        }
        long at = field.asUnsignedLong();
        if (Long.compareUnsigned(at, previousAt) < 0) {
          throw field.fail("activates at " + at + ", before " + previous.displayName());
        }
        ForkSchedule.Trigger trigger =
            fork.isAtLeast(Fork.SHANGHAI)
                ? ForkSchedule.Trigger.TIMESTAMP
                : ForkSchedule.Trigger.BLOCK;
        activations.add(new ForkSchedule.Activation(fork, trigger, at));
        previous = fork;
        previousAt = at;
      }
    }
    return new ForkSchedule(activations);
  }

  private static Fork fork(JsonField field, String name) {
    try {
      return Fork.parse(name);
    } catch (IllegalArgumentException e) {
      throw field.fail(e.getMessage());
    }
  }

  private static List<Validator> validators(JsonField list) {
    List<Validator> out = new ArrayList<>();
    if (!list.present()) {
      return out;
    }
    Set<Address> seen = new java.util.HashSet<>();
    for (JsonField item : list.elements()) {
      item.rejectUnknownMembers(VALIDATOR_FIELDS);
      Address address = item.get("address").required().asAddress();
      if (!seen.add(address)) {
        throw item.get("address").fail("validator " + address + " is listed twice");
      }
      JsonField stakeField = item.get("stake").required();
      Wei stake = stakeField.asWei();
      if (stake.isZero()) {
        throw stakeField.fail("must be positive");
      }
      Optional<Bytes> publicKey = Optional.empty();
      JsonField keyField = item.get("publicKey");
      if (keyField.present()) {
        Bytes key = uncompressedPublicKey(keyField);
        if (!Address.fromPublicKey(key.toArrayUnsafe()).equals(address)) {
          throw keyField.fail("is not the key of address " + address);
        }
        publicKey = Optional.of(key);
      }
      out.add(new Validator(address, stake, publicKey));
    }
    return out;
  }

  /** Accepts 64 bytes (x || y), 65 bytes (0x04 || x || y) or 33 bytes (compressed). */
  private static Bytes uncompressedPublicKey(JsonField field) {
    Bytes key = field.asBytes();
    if (key.size() == 64) {
      return key;
    }
    if (key.size() == 65 && key.get(0) == 4) {
      return key.slice(1);
    }
    if (key.size() == 33 && (key.get(0) == 2 || key.get(0) == 3)) {
      X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
      try {
        byte[] uncompressed = curve.getCurve().decodePoint(key.toArrayUnsafe()).getEncoded(false);
        return Bytes.wrap(uncompressed).slice(1);
      } catch (IllegalArgumentException e) {
        throw field.fail("not a point on secp256k1");
      }
    }
    throw field.fail(
        "expected a secp256k1 public key of 64, 65 (0x04-prefixed) or 33 (compressed) bytes, got "
            + key.size());
  }

  private static Duration blockTime(JsonField field) {
    if (!field.present()) {
      return ConsensusConfig.DEFAULT_BLOCK_TIME;
    }
    BigDecimal seconds = field.asDecimal();
    if (seconds.signum() <= 0) {
      throw field.fail("must be positive, got " + seconds.toPlainString());
    }
    if (seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
      throw field.fail("at most one day (86400 seconds), got " + seconds.toPlainString());
    }
    long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    if (millis == 0) {
      throw field.fail("at least 0.001 seconds");
    }
    return Duration.ofMillis(millis);
  }

  private static EmptyBlockPolicy emptyBlocks(JsonField field, EmptyBlockPolicy otherwise) {
    if (!field.present()) {
      return otherwise;
    }
    try {
      return EmptyBlockPolicy.parse(field.asText());
    } catch (IllegalArgumentException e) {
      throw field.fail(e.getMessage());
    }
  }

  private static long chainId(JsonField field) {
    long chainId = field.required().asLong();
    if (chainId == 0) {
      throw field.fail("must be positive");
    }
    return chainId;
  }

  private static long gasLimit(JsonField field) {
    long value = field.asLong();
    if (value < ChainConfig.MIN_GAS_LIMIT) {
      throw field.fail(
          "must be at least " + ChainConfig.MIN_GAS_LIMIT + " (the protocol's minimum gas limit)");
    }
    return value;
  }

  private static long positive(JsonField field) {
    long value = field.asLong();
    if (value == 0) {
      throw field.fail("must be positive");
    }
    return value;
  }

  private static Map<Address, GenesisAccount> alloc(JsonField accounts, boolean strict) {
    Map<Address, GenesisAccount> out = new LinkedHashMap<>();
    if (!accounts.present()) {
      return out;
    }
    for (Map.Entry<String, JsonField> entry : accounts.members()) {
      JsonField account = entry.getValue();
      Address address;
      String key = entry.getKey();
      try {
        address = Address.fromHex(key);
      } catch (IllegalArgumentException e) {
        throw account.fail("not an address: " + e.getMessage());
      }
      if (out.containsKey(address)) {
        throw account.fail("account listed twice");
      }
      if (strict) {
        account.rejectUnknownMembers(ACCOUNT_FIELDS);
      } else {
        account.requireObject();
      }
      JsonField balance = account.get("balance");
      JsonField nonce = account.get("nonce");
      JsonField code = account.get("code");
      TreeMap<UInt256, UInt256> storage = new TreeMap<>();
      JsonField storageField = account.get("storage");
      if (storageField.present()) {
        for (Map.Entry<String, JsonField> slot : storageField.members()) {
          UInt256 slotKey = JsonField.wordKey(slot.getKey(), slot.getValue());
          UInt256 value = slot.getValue().asWord();
          if (!value.isZero()) {
            storage.put(slotKey, value);
          }
        }
      }
      out.put(
          address,
          new GenesisAccount(
              balance.present() ? balance.asWei() : Wei.ZERO,
              nonce.present() ? nonce.asUnsignedLong() : 0,
              code.present() ? code.asBytes() : Bytes.EMPTY,
              storage));
    }
    return out;
  }

  // ---------------------------------------------------------------- go-ethereum's format

  private static Genesis parseGeth(JsonField file) {
    JsonField config = file.get("config");
    config.requireObject();
    long chainId = chainId(config.get("chainId"));
    ForkSchedule forks = gethForks(config);

    JsonField gasLimitField = file.get("gasLimit");
    long gasLimit = gasLimitField.present() ? gasLimit(gasLimitField) : GETH_DEFAULT_GAS_LIMIT;
    Bytes extraData =
        file.get("extraData").present() ? file.get("extraData").asBytes() : Bytes.EMPTY;
    JsonField baseFeeField = file.get("baseFeePerGas");
    Optional<Wei> genesisBaseFee =
        baseFeeField.present() ? Optional.of(baseFeeField.asWei()) : Optional.empty();
    BaseFeeParameters baseFee =
        genesisBaseFee
            .map(
                fee ->
                    new BaseFeeParameters(
                        BaseFeeParameters.ETHEREUM.changeDenominator(),
                        BaseFeeParameters.ETHEREUM.elasticityMultiplier(),
                        fee))
            .orElse(BaseFeeParameters.ETHEREUM);

    ConsensusConfig pos = gethConsensus(config, extraData);
    ChainConfig chainConfig = new ChainConfig(chainId, forks, baseFee, gasLimit, pos);

    JsonField mixHash = file.get("mixHash");
    JsonField difficulty = file.get("difficulty");
    UInt256 genesisDifficulty =
        difficulty.present()
            ? difficulty.asUInt256()
            : mixHash.present() && !mixHash.asHash().isZero()
                ? UInt256.ZERO
                : GETH_DEFAULT_DIFFICULTY;
    JsonField number = file.get("number");
    if (number.present() && number.asBigInteger().signum() != 0) {
      throw number.fail("a genesis block is block 0");
    }
    JsonField timestamp = file.get("timestamp");
    JsonField coinbase = file.get("coinbase");
    JsonField nonce = file.get("nonce");
    JsonField excessBlobGas = file.get("excessBlobGas");
    JsonField blobGasUsed = file.get("blobGasUsed");
    return new Genesis(
        chainConfig,
        timestamp.present() ? timestamp.asUnsignedLong() : 0,
        extraData,
        gasLimit,
        genesisDifficulty,
        mixHash.present() ? mixHash.asHash() : Hash.ZERO,
        coinbase.present() ? coinbase.asAddress() : Address.ZERO,
        nonce.present() ? nonce.asUnsignedLong() : 0,
        genesisBaseFee,
        excessBlobGas.present() ? excessBlobGas.asUnsignedLong() : 0,
        blobGasUsed.present() ? blobGasUsed.asUnsignedLong() : 0,
        alloc(file.get("alloc"), false));
  }

  private static ForkSchedule gethForks(JsonField config) {
    List<ForkSchedule.Activation> activations = new ArrayList<>();
    activations.add(new ForkSchedule.Activation(Fork.FRONTIER, ForkSchedule.Trigger.BLOCK, 0));
    String previousKey = null;
    long previousAt = 0;
    for (Map.Entry<String, Fork> entry : GETH_BLOCK_FORKS.entrySet()) {
      JsonField field = config.get(entry.getKey());
      if (entry.getValue() == Fork.SPURIOUS_DRAGON && !field.present()) {
        field = config.get("eip155Block");
      }
      if (!field.present()) {
        continue;
      }
      long at = field.asUnsignedLong();
      checkOrder(field, at, previousKey, previousAt);
      activations.add(
          new ForkSchedule.Activation(entry.getValue(), ForkSchedule.Trigger.BLOCK, at));
      previousKey = field.path();
      previousAt = at;
    }

    boolean anyTimeFork = GETH_TIME_FORKS.keySet().stream().anyMatch(k -> config.get(k).present());
    JsonField ttd = config.get("terminalTotalDifficulty");
    JsonField netsplit = config.get("mergeNetsplitBlock");
    if (ttd.present() || netsplit.present() || anyTimeFork) {
      // A proof-of-stake chain has no proof-of-work phase: the merge is reached where the file
      // says (mergeNetsplitBlock), else from the first block the fee market is active.
      long at = netsplit.present() ? netsplit.asUnsignedLong() : previousAt;
      JsonField where = netsplit.present() ? netsplit : config;
      if (netsplit.present()) {
        checkOrder(where, at, previousKey, previousAt);
      }
      activations.add(new ForkSchedule.Activation(Fork.PARIS, ForkSchedule.Trigger.BLOCK, at));
    }

    previousKey = null;
    previousAt = 0;
    for (Map.Entry<String, Fork> entry : GETH_TIME_FORKS.entrySet()) {
      JsonField field = config.get(entry.getKey());
      if (!field.present()) {
        continue;
      }
      long at = field.asUnsignedLong();
      checkOrder(field, at, previousKey, previousAt);
      activations.add(
          new ForkSchedule.Activation(entry.getValue(), ForkSchedule.Trigger.TIMESTAMP, at));
      previousKey = field.path();
      previousAt = at;
    }
    return new ForkSchedule(activations);
  }

  private static void checkOrder(JsonField field, long at, String previousKey, long previousAt) {
    if (previousKey != null && Long.compareUnsigned(at, previousAt) < 0) {
      throw field.fail("activates at " + at + ", before " + previousKey + " at " + previousAt);
    }
  }

  /**
   * Proof-of-stake settings for a go-ethereum file: {@code config.distli} when present (blockTime,
   * validators, emptyBlocks as in Distli's format), else clique's signers from the extra data
   * (equal stakes, the clique period as the block time), else none (the node seals alone).
   */
  private static ConsensusConfig gethConsensus(JsonField config, Bytes extraData) {
    JsonField distli = config.get("distli");
    if (distli.present()) {
      distli.rejectUnknownMembers(
          new LinkedHashSet<>(List.of("blockTime", "validators", "emptyBlocks")));
      return new ConsensusConfig(
          blockTime(distli.get("blockTime")),
          validators(distli.get("validators")),
          emptyBlocks(distli.get("emptyBlocks"), EmptyBlockPolicy.PRODUCE));
    }
    JsonField clique = config.get("clique");
    if (clique.present()) {
      JsonField period = clique.get("period");
      long seconds = period.present() ? period.asLong() : 0;
      // Clique's extra data: 32 bytes of vanity, the signers' addresses, a 65-byte seal.
      int signerBytes = extraData.size() - 32 - 65;
      List<Validator> signers = new ArrayList<>();
      if (signerBytes > 0 && signerBytes % Address.SIZE == 0) {
        for (int offset = 32; offset < 32 + signerBytes; offset += Address.SIZE) {
          signers.add(Validator.of(Address.of(extraData.slice(offset, Address.SIZE)), Wei.of(1)));
        }
      }
      return new ConsensusConfig(
          seconds == 0 ? ConsensusConfig.DEFAULT_BLOCK_TIME : Duration.ofSeconds(seconds),
          signers,
          seconds == 0 ? EmptyBlockPolicy.SKIP : EmptyBlockPolicy.PRODUCE);
    }
    return ConsensusConfig.DEFAULT;
  }
}
