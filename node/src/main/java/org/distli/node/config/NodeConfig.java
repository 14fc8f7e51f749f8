package org.distli.node.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.distli.genesis.EmptyBlockPolicy;
import org.distli.primitives.Address;
import org.distli.primitives.Wei;

/**
 * The node's resolved configuration: every setting with its value from the command line, the
 * environment, the config file or the default, in that order of precedence.
 */
public record NodeConfig(
    boolean dev,
    Optional<Path> dataDir,
    Optional<Path> genesisFile,
    Optional<String> configFile,
    String logLevel,
    Network network,
    Rpc rpc,
    Validator validator,
    Metrics metrics,
    Producer producer,
    TxPool txpool,
    Trading trading) {

  public static final List<String> ALL_NAMESPACES =
      List.of("eth", "net", "web3", "txpool", "debug", "personal");
  public static final List<String> PUBLIC_NAMESPACES = List.of("eth", "net", "web3");

  public record Network(String listenAddress, int maxPeers, List<String> bootstrapNodes) {}

  public record Rpc(
      boolean enabled,
      String host,
      int port,
      List<String> corsOrigins,
      List<String> allowedHosts,
      List<String> namespaces,
      boolean allowUnprotectedTxs) {}

  /**
   * Where the validator key comes from. The password itself is never part of the configuration
   * printout: {@link #toString()} leaves it out.
   */
  public record Validator(
      Optional<Path> keyFile, Optional<Path> passwordFile, Optional<String> password) {
    @Override
    public String toString() {
      return "Validator[keyFile="
          + keyFile
          + ", passwordFile="
          + passwordFile
          + ", password="
          + (password.isPresent() ? "(from environment)" : "none")
          + "]";
    }
  }

  public record Metrics(boolean enabled, String host, int port) {}

  /** Local overrides of block production; empty means the genesis decides. */
  public record Producer(
      boolean automine, Optional<EmptyBlockPolicy> emptyBlocks, Optional<Duration> blockTime) {}

  public record TxPool(int maxSize, int maxPerSender, Wei minTip) {}

  /** The order book the REST views read; empty means the dev chain's predeploy address. */
  public record Trading(Optional<Address> orderBook) {}

  /** The data folder: the configured one, else ./data/dev or ./data/chain-{chainId}. */
  public Path dataDir(long chainId) {
    return dataDir.orElseGet(() -> org.distli.node.ChainSetup.defaultDataDir(dev, chainId));
  }

  /** The validator keystore: the configured file, else keystore/validator.json in the data dir. */
  public Path validatorKeyFile(Path dataDir) {
    return validator.keyFile().orElse(dataDir.resolve("keystore").resolve("validator.json"));
  }

  /**
   * Resolves every setting.
   *
   * @throws ConfigException naming the source and the reason for the first unusable value
   */
  public static NodeConfig resolve(ConfigSources sources) {
    Reader r = new Reader(sources);
    Optional<Path> genesis = r.path(Settings.GENESIS);
    boolean dev = r.bool(Settings.DEV).orElse(genesis.isEmpty());
    if (!dev && genesis.isEmpty()) {
      throw r.error(
          Settings.DEV,
          "a chain other than the dev chain needs a genesis file ("
              + Settings.GENESIS.optionName()
              + ")");
    }
    String logLevel = r.text(Settings.LOG_LEVEL).orElse("INFO").toUpperCase(Locale.ROOT);
    if (!List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF").contains(logLevel)) {
      throw r.error(
          Settings.LOG_LEVEL, "unknown log level (use ERROR, WARN, INFO, DEBUG or TRACE)");
    }

    Network network =
        new Network(
            r.text(Settings.NETWORK_LISTEN_ADDR).orElse("0.0.0.0:30303"),
            r.integer(Settings.NETWORK_MAX_PEERS, 0).orElse(25),
            r.list(Settings.NETWORK_BOOTSTRAP_NODES).orElse(List.of()));

    List<String> namespaces =
        r.list(Settings.RPC_NAMESPACES).orElse(dev ? ALL_NAMESPACES : PUBLIC_NAMESPACES);
    for (String namespace : namespaces) {
      if (!ALL_NAMESPACES.contains(namespace.toLowerCase(Locale.ROOT))) {
        throw r.error(
            Settings.RPC_NAMESPACES,
            "unknown namespace \""
                + namespace
                + "\" (known: "
                + String.join(", ", ALL_NAMESPACES)
                + ")");
      }
    }
    Rpc rpc =
        new Rpc(
            r.bool(Settings.RPC_ENABLED).orElse(true),
            r.text(Settings.RPC_HOST).orElse("127.0.0.1"),
            r.integer(Settings.RPC_PORT, 0).orElse(8545),
            r.list(Settings.RPC_CORS_ORIGINS).orElse(dev ? List.of("*") : List.of()),
            r.list(Settings.RPC_ALLOWED_HOSTS).orElse(dev ? List.of("*") : List.of("localhost")),
            namespaces.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList(),
            r.bool(Settings.RPC_ALLOW_UNPROTECTED_TXS).orElse(dev));

    Validator validator =
        new Validator(
            r.path(Settings.VALIDATOR_KEY_FILE),
            r.path(Settings.VALIDATOR_PASSWORD_FILE),
            sources.find(Settings.VALIDATOR_PASSWORD).map(ConfigSources.Raw::text));

    Metrics metrics =
        new Metrics(
            r.bool(Settings.METRICS_ENABLED).orElse(true),
            r.text(Settings.METRICS_HOST).orElse("127.0.0.1"),
            r.integer(Settings.METRICS_PORT, 0).orElse(9545));

    Optional<EmptyBlockPolicy> emptyBlocks = Optional.empty();
    Optional<ConfigSources.Raw> emptyRaw = sources.find(Settings.PRODUCER_EMPTY_BLOCKS);
    if (emptyRaw.isPresent()) {
      try {
        emptyBlocks = Optional.of(EmptyBlockPolicy.parse(emptyRaw.get().text()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(emptyRaw.get().origin() + ": " + e.getMessage());
      }
    }
    Optional<Duration> blockTime =
        r.decimal(Settings.PRODUCER_BLOCK_TIME)
            .map(
                seconds -> {
                  long millis = seconds.movePointRight(3).longValue();
                  if (millis <= 0) {
                    throw r.error(Settings.PRODUCER_BLOCK_TIME, "must be at least 0.001 seconds");
                  }
                  return Duration.ofMillis(millis);
                });
    Producer producer =
        new Producer(r.bool(Settings.PRODUCER_AUTOMINE).orElse(dev), emptyBlocks, blockTime);

    TxPool txpool =
        new TxPool(
            r.integer(Settings.TXPOOL_MAX_SIZE, 1).orElse(100_000),
            r.integer(Settings.TXPOOL_MAX_PER_SENDER, 1).orElse(5_000),
            r.wei(Settings.TXPOOL_MIN_TIP).orElse(dev ? Wei.ZERO : Wei.of(1)));

    Trading trading = new Trading(r.address(Settings.TRADING_ORDER_BOOK));

    return new NodeConfig(
        dev,
        r.path(Settings.DATA_DIR),
        genesis,
        sources.configFile(),
        logLevel,
        network,
        rpc,
        validator,
        metrics,
        producer,
        txpool,
        trading);
  }

  /** Typed reads with errors that name the source of the value. */
  private record Reader(ConfigSources sources) {
    ConfigException error(Setting setting, String reason) {
      String origin =
          sources.find(setting).map(ConfigSources.Raw::origin).orElse(setting.optionName());
      return new ConfigException(origin + ": " + reason);
    }

    Optional<String> text(Setting setting) {
      return sources.find(setting).map(raw -> raw.text().trim());
    }

    Optional<List<String>> list(Setting setting) {
      return sources.find(setting).map(ConfigSources.Raw::list);
    }

    Optional<Path> path(Setting setting) {
      return text(setting).filter(t -> !t.isEmpty()).map(Path::of);
    }

    Optional<Boolean> bool(Setting setting) {
      return sources
          .find(setting)
          .map(
              raw ->
                  switch (raw.text().trim().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default ->
                        throw new ConfigException(
                            raw.origin() + ": expected true or false, got \"" + raw.text() + "\"");
                  });
    }

    Optional<Integer> integer(Setting setting, int minimum) {
      return sources
          .find(setting)
          .map(
              raw -> {
                int value;
                try {
                  value = Integer.parseInt(raw.text().trim());
                } catch (NumberFormatException e) {
                  throw new ConfigException(
                      raw.origin() + ": not a number: \"" + raw.text() + "\"");
                }
                int maximum = setting.kind() == Setting.Kind.PORT ? 65_535 : Integer.MAX_VALUE;
                if (value < minimum || value > maximum) {
                  throw new ConfigException(
                      raw.origin()
                          + ": "
                          + value
                          + " is out of range ("
                          + minimum
                          + " to "
                          + maximum
                          + ")");
                }
                return value;
              });
    }

    Optional<BigDecimal> decimal(Setting setting) {
      return sources
          .find(setting)
          .map(
              raw -> {
                try {
                  return new BigDecimal(raw.text().trim());
                } catch (NumberFormatException e) {
                  throw new ConfigException(
                      raw.origin() + ": not a number: \"" + raw.text() + "\"");
                }
              });
    }

    Optional<Address> address(Setting setting) {
      return sources
          .find(setting)
          .map(
              raw -> {
                try {
                  return Address.fromHex(raw.text().trim());
                } catch (IllegalArgumentException e) {
                  throw new ConfigException(
                      raw.origin() + ": not a 20-byte 0x address: \"" + raw.text() + "\"");
                }
              });
    }

    Optional<Wei> wei(Setting setting) {
      return sources
          .find(setting)
          .map(
              raw -> {
                try {
                  return Wei.parse(raw.text());
                } catch (IllegalArgumentException e) {
                  throw new ConfigException(
                      raw.origin() + ": not an amount of wei: \"" + raw.text() + "\"");
                }
              });
    }
  }
}
