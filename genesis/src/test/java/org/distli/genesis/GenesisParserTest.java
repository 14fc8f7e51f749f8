package org.distli.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.evm.Fork;
import org.distli.fixtures.SharedFixtures;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GenesisParserTest {
  private static final String VALIDATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String VALIDATOR_KEY =
      "0xba5734d8f7091719471e7f7ed6b9df170dc70cc661ca05e688601ad984f068b0d67351e5f06073092499336ab0839ef8a521afd334e53807205fa2f08eec74f4";

  private static String distli(String validators, String extra) {
    return """
        {"chainId":1337,"consensus":"pos","blockTime":3,
         "validators":%s,
         "initialState":{"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266":{"balance":"10000000000000000000000","nonce":"0x2","code":"0x6001","storage":{"0x01":"0x2a","0x02":"0x0"}}}%s}
        """
        .formatted(validators, extra);
  }

  private static String oneValidator(String stake) {
    return "[{\"address\":\"" + VALIDATOR + "\",\"stake\":" + stake + "}]";
  }

  private static GenesisException rejected(String json) {
    return assertThrows(GenesisException.class, () -> Genesis.parse(json));
  }

  @Test
  void distliFormatGivesChainIdValidatorsBlockTimeAndAccounts() {
    Genesis genesis = Genesis.parse(distli(oneValidator("\"32000000000000000000\""), ""));
    ChainConfig config = genesis.config();
    assertEquals(1337, config.chainId());
    assertEquals(Fork.CANCUN, genesis.fork());
    assertEquals(Duration.ofSeconds(3), config.consensus().blockTime());
    assertEquals(1, config.consensus().validators().size());
    Validator validator = config.consensus().validators().get(0);
    assertEquals(Address.fromHex(VALIDATOR), validator.address());
    assertEquals(Wei.ofEther(32), validator.stake());
    GenesisAccount account =
        genesis.alloc().get(Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    assertEquals(Wei.ofEther(10_000), account.balance());
    assertEquals(2, account.nonce());
    assertEquals(Bytes.fromHexString("0x6001"), account.code());
    assertEquals(UInt256.valueOf(42), account.storage().get(UInt256.ONE));
    assertEquals(1, account.storage().size(), "zero-valued slots are not stored");
    assertEquals(ChainConfig.DEFAULT_GAS_LIMIT, genesis.gasLimit());
    assertEquals(Optional.of(Wei.of(1_000_000_000L)), genesis.genesisBaseFee());
  }

  @Test
  void aStakeThatIsNotANumberIsNamedWithItsPath() {
    GenesisException error = rejected(distli(oneValidator("\"abc\""), ""));
    assertEquals("validators[0].stake: not a number: \"abc\"", error.getMessage());
  }

  @Test
  void aGasLimitBelowTheProtocolMinimumIsRefused() {
    GenesisException error = rejected(distli(oneValidator("1"), ",\"gasLimit\":2000"));
    assertTrue(error.getMessage().contains("gasLimit"), error.getMessage());
    assertTrue(error.getMessage().contains("must be at least 5000"), error.getMessage());
  }

  @Test
  void aZeroStakeIsRefused() {
    assertEquals(
        "validators[0].stake: must be positive",
        rejected(distli(oneValidator("0"), "")).getMessage());
  }

  @Test
  void aPosChainWithoutValidatorsIsRefused() {
    assertEquals(
        "validators: a proof-of-stake chain needs at least one validator",
        rejected(distli("[]", "")).getMessage());
  }

  @Test
  void aMisspeltFieldIsRefusedRatherThanIgnored() {
    GenesisException error = rejected(distli(oneValidator("1"), ",\"blocktime\":5"));
    assertTrue(error.getMessage().startsWith("blocktime: unknown field"), error.getMessage());
  }

  @Test
  void aBadAccountFieldNamesTheAccount() {
    String json =
        """
        {"chainId":5,"validators":[{"address":"%s","stake":1}],
         "initialState":{"0x0000000000000000000000000000000000000001":{"balance":"-5"}}}
        """
            .formatted(VALIDATOR);
    assertEquals(
        "initialState.0x0000000000000000000000000000000000000001.balance: must not be negative: -5",
        rejected(json).getMessage());
  }

  @Test
  void aBadAddressIsNamed() {
    String json = "{\"chainId\":5,\"validators\":[{\"address\":\"0x1234\",\"stake\":1}]}";
    assertEquals(
        "validators[0].address: an address has 20 bytes, got 2", rejected(json).getMessage());
  }

  @Test
  void aMissingChainIdIsNamed() {
    assertEquals(
        "chainId: missing",
        rejected("{\"validators\":[{\"address\":\"" + VALIDATOR + "\",\"stake\":1}]}")
            .getMessage());
  }

  @Test
  void brokenJsonSaysWhere() {
    GenesisException error = rejected("{\"chainId\": 1337,\n \"validators\": [}");
    assertTrue(error.getMessage().startsWith("not valid JSON at line 2"), error.getMessage());
  }

  @Test
  void aPublicKeyMustBelongToTheValidatorAddress() {
    String good =
        "[{\"address\":\"" + VALIDATOR + "\",\"stake\":1,\"publicKey\":\"" + VALIDATOR_KEY + "\"}]";
    assertTrue(
        Genesis.parse(distli(good, ""))
            .config()
            .consensus()
            .validators()
            .get(0)
            .publicKey()
            .isPresent());
    String wrongAddress = good.replace(VALIDATOR, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    assertEquals(
        "validators[0].publicKey: is not the key of address 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
        rejected(distli(wrongAddress, "")).getMessage());
  }

  @Test
  void laterForksGasLimitAndEmptyBlockPolicyAreConfigurable() {
    Genesis genesis =
        Genesis.parse(
            distli(
                oneValidator("1"),
                ",\"forks\":{\"prague\":1000},\"gasLimit\":\"0x1c9c380\",\"emptyBlocks\":\"skip\","
                    + "\"blockTime\":0.5".replace("\"blockTime\":0.5", "\"baseFeePerGas\":\"7\"")));
    assertEquals(Fork.CANCUN, genesis.config().forkAt(10, 999));
    assertEquals(Fork.PRAGUE, genesis.config().forkAt(10, 1000));
    assertEquals(30_000_000L, genesis.gasLimit());
    assertEquals(EmptyBlockPolicy.SKIP, genesis.config().consensus().emptyBlocks());
    assertEquals(Optional.of(Wei.of(7)), genesis.genesisBaseFee());
  }

  @Test
  void aForkListedOutOfOrderIsRefused() {
    GenesisException error =
        rejected(distli(oneValidator("1"), ",\"forks\":{\"osaka\":100,\"prague\":200}"));
    assertEquals("forks.prague: must come after osaka (list forks in order)", error.getMessage());
  }

  @Test
  void anUnknownForkNameListsTheKnownOnes() {
    GenesisException error = rejected(distli(oneValidator("1"), ",\"hardfork\":\"pargue\""));
    assertTrue(
        error.getMessage().startsWith("hardfork: unknown fork 'pargue'"), error.getMessage());
  }

  @Test
  void fractionalBlockTimesAreMilliseconds() {
    Genesis genesis =
        Genesis.parse(
            distli(oneValidator("1"), "").replace("\"blockTime\":3", "\"blockTime\":0.25"));
    assertEquals(Duration.ofMillis(250), genesis.config().consensus().blockTime());
    assertEquals(
        "blockTime: must be positive, got 0",
        rejected(distli(oneValidator("1"), "").replace("\"blockTime\":3", "\"blockTime\":0"))
            .getMessage());
  }

  // ------------------------------------------------------------ go-ethereum's genesis.json

  @Test
  void gethGenesisGivesForksHeaderFieldsAndAlloc() {
    String json =
        """
        {"config":{"chainId":12345,"homesteadBlock":0,"eip150Block":0,"eip155Block":0,"eip158Block":0,
          "byzantiumBlock":0,"constantinopleBlock":0,"petersburgBlock":0,"istanbulBlock":0,"berlinBlock":0,
          "londonBlock":0,"terminalTotalDifficulty":0,"shanghaiTime":0,"cancunTime":100,
          "blobSchedule":{"cancun":{"target":3,"max":6,"baseFeeUpdateFraction":3338477}}},
         "timestamp":"0x10","gasLimit":"0x1c9c380","difficulty":"0x0","extraData":"0x1234",
         "baseFeePerGas":"0x3b9aca00",
         "alloc":{"f39fd6e51aad88f6f4ce6ab8827279cfffb92266":{"balance":"0x56bc75e2d63100000"}}}
        """;
    Genesis genesis = Genesis.parse(json);
    assertEquals(12345, genesis.config().chainId());
    assertEquals(Fork.SHANGHAI, genesis.fork());
    assertEquals(Fork.CANCUN, genesis.config().forkAt(1, 100));
    assertEquals(16, genesis.timestamp());
    assertEquals(30_000_000L, genesis.gasLimit());
    assertEquals(Bytes.fromHexString("0x1234"), genesis.extraData());
    assertEquals(UInt256.ZERO, genesis.difficulty());
    assertEquals(Optional.of(Wei.of(1_000_000_000L)), genesis.genesisBaseFee());
    assertEquals(
        Wei.ofEther(100),
        genesis
            .alloc()
            .get(Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"))
            .balance());
    assertTrue(genesis.config().consensus().validators().isEmpty());
  }

  @Test
  void gethForksOutOfOrderAreRefusedNamingBoth() {
    String json =
        """
        {"config":{"chainId":1,"berlinBlock":10,"londonBlock":5},"alloc":{}}
        """;
    assertEquals(
        "config.londonBlock: activates at 5, before config.berlinBlock at 10",
        rejected(json).getMessage());
  }

  @Test
  void gethGenesisWithoutConfigChainIdIsRefused() {
    assertEquals("config.chainId: missing", rejected("{\"config\":{},\"alloc\":{}}").getMessage());
  }

  @Test
  void cliqueSignersBecomeEqualStakeValidators() {
    String signer = "f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    String extra = "0x" + "00".repeat(32) + signer + "00".repeat(65);
    String json =
        """
        {"config":{"chainId":7,"londonBlock":0,"clique":{"period":5,"epoch":30000}},
         "extraData":"%s","alloc":{}}
        """
            .formatted(extra);
    ConsensusConfig pos = Genesis.parse(json).config().consensus();
    assertEquals(Duration.ofSeconds(5), pos.blockTime());
    assertEquals(Address.fromHex(signer), pos.validators().get(0).address());
  }

  @Test
  void distliSettingsInAGethConfigAreRead() {
    String json =
        """
        {"config":{"chainId":7,"londonBlock":0,
          "distli":{"blockTime":2,"validators":[{"address":"%s","stake":"5"}],"emptyBlocks":"skip"}},
         "alloc":{}}
        """
            .formatted(VALIDATOR);
    ConsensusConfig pos = Genesis.parse(json).config().consensus();
    assertEquals(Duration.ofSeconds(2), pos.blockTime());
    assertEquals(Wei.of(5), pos.validators().get(0).stake());
    assertEquals(EmptyBlockPolicy.SKIP, pos.emptyBlocks());
  }

  @Test
  void theRpcCompatibilityGenesisLoads() {
    Optional<Path> file = SharedFixtures.find("execution-apis/tests/genesis.json");
    Assumptions.assumeTrue(
        file.isPresent(), SharedFixtures.missingMessage("execution-apis/tests/genesis.json"));
    Genesis genesis = Genesis.read(file.get());
    assertEquals(3503995874084926L, genesis.config().chainId());
    assertEquals(Fork.HOMESTEAD, genesis.config().forkAt(0, 0));
    assertEquals(Fork.TANGERINE_WHISTLE, genesis.config().forkAt(3, 30));
    assertEquals(Fork.LONDON, genesis.config().forkAt(27, 270));
    assertEquals(Fork.PARIS, genesis.config().forkAt(36, 360));
    assertEquals(Fork.CANCUN, genesis.config().forkAt(50, 420));
    assertEquals(Fork.OSAKA, genesis.config().forkAt(60, 480));
    assertEquals(100_000_000L, genesis.gasLimit());
    assertEquals(UInt256.valueOf(0x20000), genesis.difficulty());
    assertEquals(27, genesis.alloc().size());
    assertEquals(Optional.empty(), genesis.genesisBaseFee());
  }
}
