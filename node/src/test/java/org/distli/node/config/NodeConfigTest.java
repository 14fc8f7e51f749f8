package org.distli.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.distli.genesis.EmptyBlockPolicy;
import org.distli.primitives.Wei;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
  private static NodeConfig resolve(Map<String, String> cli, Map<String, String> env, String yaml) {
    return NodeConfig.resolve(ConfigSources.of(cli, env, yaml));
  }

  @Test
  void noSettingsAtAllIsTheDevChainOnLocalhost8545() {
    NodeConfig config = resolve(Map.of(), Map.of(), "");
    assertTrue(config.dev());
    assertEquals(Path.of("data", "dev"), config.dataDir(1337));
    assertEquals("127.0.0.1", config.rpc().host());
    assertEquals(8545, config.rpc().port());
    assertEquals(List.of("*"), config.rpc().corsOrigins());
    assertEquals(NodeConfig.ALL_NAMESPACES, config.rpc().namespaces());
    assertTrue(config.producer().automine());
    assertEquals(Wei.ZERO, config.txpool().minTip());
  }

  @Test
  void aGenesisFileMeansARealChainWithPublicNamespacesOnly() {
    NodeConfig config = resolve(Map.of("genesis", "g.json"), Map.of(), "");
    assertFalse(config.dev());
    assertEquals(Optional.of(Path.of("g.json")), config.genesisFile());
    assertEquals(Path.of("data", "chain-42"), config.dataDir(42));
    assertEquals(NodeConfig.PUBLIC_NAMESPACES, config.rpc().namespaces());
    assertEquals(List.of(), config.rpc().corsOrigins());
    assertFalse(config.producer().automine());
    assertEquals(Wei.of(1), config.txpool().minTip());
  }

  @Test
  void theCommandLineBeatsTheEnvironmentWhichBeatsTheFile() {
    String yaml =
        """
        rpc:
          port: 1111
          host: 0.0.0.0
        metrics:
          port: 3333
        """;
    NodeConfig config =
        resolve(
            Map.of("rpc.port", "2222"),
            Map.of("DISTLI_RPC_PORT", "9999", "DISTLI_METRICS_PORT", "4444"),
            yaml);
    assertEquals(2222, config.rpc().port());
    assertEquals("0.0.0.0", config.rpc().host());
    assertEquals(4444, config.metrics().port());
  }

  @Test
  void theConfigFileCoversNetworkRpcValidatorAndMetrics() {
    String yaml =
        """
        data_dir: /var/lib/distli
        network:
          listen_addr: 0.0.0.0:30305
          max_peers: 10
          bootstrap_nodes: [enode://a@1.2.3.4:30303, enode://b@5.6.7.8:30303]
        rpc:
          cors_origins: [http://localhost:3000]
          namespaces: [eth, net]
        validator:
          key_file: /etc/distli/key.json
          password_file: /etc/distli/password
        metrics:
          enabled: false
        producer:
          empty_blocks: skip
          block_time: 0.5
        """;
    NodeConfig config = resolve(Map.of(), Map.of(), yaml);
    assertEquals(Optional.of(Path.of("/var/lib/distli")), config.dataDir());
    assertEquals("0.0.0.0:30305", config.network().listenAddress());
    assertEquals(10, config.network().maxPeers());
    assertEquals(2, config.network().bootstrapNodes().size());
    assertEquals(List.of("http://localhost:3000"), config.rpc().corsOrigins());
    assertEquals(List.of("eth", "net"), config.rpc().namespaces());
    assertEquals(Optional.of(Path.of("/etc/distli/key.json")), config.validator().keyFile());
    assertFalse(config.metrics().enabled());
    assertEquals(Optional.of(EmptyBlockPolicy.SKIP), config.producer().emptyBlocks());
    assertEquals(500, config.producer().blockTime().orElseThrow().toMillis());
  }

  @Test
  void listsFromTheEnvironmentAreCommaSeparated() {
    NodeConfig config =
        resolve(Map.of(), Map.of("DISTLI_RPC_NAMESPACES", "eth, txpool ,debug"), "");
    assertEquals(List.of("eth", "txpool", "debug"), config.rpc().namespaces());
  }

  @Test
  void aBadValueNamesWhereItCameFrom() {
    assertEquals(
        "DISTLI_RPC_PORT: not a number: \"http\"",
        assertThrows(
                ConfigException.class,
                () -> resolve(Map.of(), Map.of("DISTLI_RPC_PORT", "http"), ""))
            .getMessage());
    assertEquals(
        "--rpc-port: 70000 is out of range (0 to 65535)",
        assertThrows(
                ConfigException.class, () -> resolve(Map.of("rpc.port", "70000"), Map.of(), ""))
            .getMessage());
    assertEquals(
        "config.yaml: metrics.enabled: expected true or false, got \"maybe\"",
        assertThrows(
                ConfigException.class,
                () -> resolve(Map.of(), Map.of(), "metrics:\n  enabled: maybe\n"))
            .getMessage());
  }

  @Test
  void theTradingViewsReadAConfiguredOrderBookAndRefuseAMalformedAddress() {
    assertTrue(resolve(Map.of(), Map.of(), "").trading().orderBook().isEmpty());
    NodeConfig config =
        resolve(
            Map.of(),
            Map.of(),
            "trading:\n  order_book: \"0x00000000000000000000000000000000000000aa\"\n");
    assertEquals(
        "0x00000000000000000000000000000000000000aa",
        config.trading().orderBook().orElseThrow().toHexString());
    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () -> resolve(Map.of(), Map.of("DISTLI_TRADING_ORDER_BOOK", "0x1234"), ""));
    assertTrue(bad.getMessage().contains("DISTLI_TRADING_ORDER_BOOK"), bad.getMessage());
    assertTrue(bad.getMessage().contains("not a 20-byte 0x address"), bad.getMessage());
  }

  @Test
  void aMisspeltFileKeyIsRefused() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> resolve(Map.of(), Map.of(), "rpc:\n  prot: 1\n"));
    assertTrue(
        error.getMessage().startsWith("config.yaml: unknown setting rpc.prot"), error.getMessage());
  }

  @Test
  void aPasswordInTheConfigFileIsRefusedAndNeverPrinted() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> resolve(Map.of(), Map.of(), "validator:\n  password: hunter2\n"));
    assertFalse(error.getMessage().contains("hunter2"));
    NodeConfig config = resolve(Map.of(), Map.of("DISTLI_VALIDATOR_PASSWORD", "hunter2"), "");
    assertEquals(Optional.of("hunter2"), config.validator().password());
    assertFalse(config.toString().contains("hunter2"), config.toString());
  }

  @Test
  void turningDevModeOffWithoutAGenesisIsRefused() {
    ConfigException error =
        assertThrows(ConfigException.class, () -> resolve(Map.of("dev", "false"), Map.of(), ""));
    assertEquals(
        "--dev: a chain other than the dev chain needs a genesis file (--genesis)",
        error.getMessage());
  }

  @Test
  void anUnknownNamespaceIsRefused() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> resolve(Map.of("rpc.namespaces", "eth,admin"), Map.of(), ""));
    assertTrue(error.getMessage().startsWith("--rpc-namespaces: unknown namespace \"admin\""));
  }

  @Test
  void optionAndEnvironmentNamesFollowFromTheKey() {
    Setting setting = Settings.RPC_CORS_ORIGINS;
    assertEquals("--rpc-cors-origins", setting.optionName());
    assertEquals("DISTLI_RPC_CORS_ORIGINS", setting.environmentVariable());
    assertEquals("DISTLI_DATA_DIR", Settings.DATA_DIR.environmentVariable());
  }
}
