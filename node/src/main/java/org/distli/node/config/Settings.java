package org.distli.node.config;

import java.util.List;
import org.distli.node.config.Setting.Kind;

/**
 * Every setting of the node, in the order the reference documentation lists them. Command-line
 * options, environment variables and config-file keys are all derived from this list.
 */
public final class Settings {
  private Settings() {}

  public static final Setting DEV =
      new Setting(
          "dev",
          Kind.BOOLEAN,
          "<true|false>",
          "Run the dev chain: chain id 1337, 20 funded accounts, automine, every RPC namespace.",
          "true unless a genesis file is given",
          true,
          true);
  public static final Setting DATA_DIR =
      new Setting(
          "data_dir",
          Kind.PATH,
          "<dir>",
          "Where the chain database and keystore live.",
          "./data/dev, or ./data/chain-<chainId> for a genesis file",
          true,
          true);
  public static final Setting GENESIS =
      new Setting(
          "genesis",
          Kind.PATH,
          "<file>",
          "Genesis file (Distli's format or go-ethereum's genesis.json).",
          "the embedded dev genesis",
          true,
          true);
  public static final Setting CONFIG =
      new Setting("config", Kind.PATH, "<file>", "YAML config file.", "none", true, false);
  public static final Setting LOG_LEVEL =
      new Setting(
          "log_level",
          Kind.TEXT,
          "<level>",
          "Log level: ERROR, WARN, INFO, DEBUG or TRACE.",
          "INFO",
          true,
          true);

  public static final Setting NETWORK_LISTEN_ADDR =
      new Setting(
          "network.listen_addr",
          Kind.TEXT,
          "<host:port>",
          "Peer-to-peer listen address (reserved: peer-to-peer networking is not built yet).",
          "0.0.0.0:30303",
          true,
          true);
  public static final Setting NETWORK_MAX_PEERS =
      new Setting(
          "network.max_peers",
          Kind.INTEGER,
          "<n>",
          "Most peers to connect to (reserved).",
          "25",
          true,
          true);
  public static final Setting NETWORK_BOOTSTRAP_NODES =
      new Setting(
          "network.bootstrap_nodes",
          Kind.LIST,
          "<enode,...>",
          "Peers to connect to at start (reserved).",
          "none",
          true,
          true);

  public static final Setting RPC_ENABLED =
      new Setting(
          "rpc.enabled",
          Kind.BOOLEAN,
          "<true|false>",
          "Serve JSON-RPC over HTTP and WebSocket.",
          "true",
          true,
          true);
  public static final Setting RPC_HOST =
      new Setting(
          "rpc.host",
          Kind.TEXT,
          "<address>",
          "Interface the JSON-RPC server binds; 0.0.0.0 exposes it to the network.",
          "127.0.0.1",
          true,
          true);
  public static final Setting RPC_PORT =
      new Setting(
          "rpc.port",
          Kind.PORT,
          "<port>",
          "JSON-RPC port (HTTP and WebSocket); 0 picks a free one.",
          "8545",
          true,
          true);
  public static final Setting RPC_CORS_ORIGINS =
      new Setting(
          "rpc.cors_origins",
          Kind.LIST,
          "<origin,...>",
          "Origins browsers may call JSON-RPC from; * allows every origin.",
          "* in dev mode, none otherwise",
          true,
          true);
  public static final Setting RPC_ALLOWED_HOSTS =
      new Setting(
          "rpc.allowed_hosts",
          Kind.LIST,
          "<host,...>",
          "Host header values JSON-RPC answers (DNS-rebinding protection); * allows every host.",
          "* in dev mode, localhost otherwise",
          true,
          true);
  public static final Setting RPC_NAMESPACES =
      new Setting(
          "rpc.namespaces",
          Kind.LIST,
          "<name,...>",
          "JSON-RPC namespaces to enable (eth, net, web3, txpool, debug, personal).",
          "all in dev mode, eth,net,web3 otherwise",
          true,
          true);
  public static final Setting RPC_ALLOW_UNPROTECTED_TXS =
      new Setting(
          "rpc.allow_unprotected_txs",
          Kind.BOOLEAN,
          "<true|false>",
          "Accept legacy transactions signed without a chain id (replayable on any chain), as"
              + " deterministic-deployment proxies use.",
          "true in dev mode, false otherwise (as go-ethereum)",
          true,
          true);

  public static final Setting VALIDATOR_KEY_FILE =
      new Setting(
          "validator.key_file",
          Kind.PATH,
          "<file>",
          "The validator's encrypted keystore (web3j wallet format); must exist when named, the"
              + " default one is created on first start.",
          "<data_dir>/keystore/validator.json",
          true,
          true);
  public static final Setting VALIDATOR_PASSWORD_FILE =
      new Setting(
          "validator.password_file",
          Kind.PATH,
          "<file>",
          "File holding the keystore password (first line).",
          "none",
          true,
          true);
  public static final Setting VALIDATOR_PASSWORD =
      new Setting(
          "validator.password",
          Kind.TEXT,
          "<password>",
          "The keystore password (environment only, never an option or a file entry).",
          "none",
          false,
          false);

  public static final Setting METRICS_ENABLED =
      new Setting(
          "metrics.enabled",
          Kind.BOOLEAN,
          "<true|false>",
          "Serve Prometheus metrics.",
          "true",
          true,
          true);
  public static final Setting METRICS_HOST =
      new Setting(
          "metrics.host",
          Kind.TEXT,
          "<address>",
          "Interface the metrics server binds.",
          "127.0.0.1",
          true,
          true);
  public static final Setting METRICS_PORT =
      new Setting(
          "metrics.port",
          Kind.PORT,
          "<port>",
          "Prometheus metrics port (GET /metrics); 0 picks a free one.",
          "9545",
          true,
          true);

  public static final Setting PRODUCER_AUTOMINE =
      new Setting(
          "producer.automine",
          Kind.BOOLEAN,
          "<true|false>",
          "Produce a block as soon as transactions wait, besides every block time.",
          "true in dev mode",
          true,
          true);
  public static final Setting PRODUCER_EMPTY_BLOCKS =
      new Setting(
          "producer.empty_blocks",
          Kind.TEXT,
          "<produce|skip>",
          "Whether a slot with nothing to include produces an empty block.",
          "the genesis setting (skip in dev mode)",
          true,
          true);
  public static final Setting PRODUCER_BLOCK_TIME =
      new Setting(
          "producer.block_time",
          Kind.DECIMAL,
          "<seconds>",
          "Seconds between blocks, overriding the genesis.",
          "the genesis blockTime (3)",
          true,
          true);

  public static final Setting TXPOOL_MAX_SIZE =
      new Setting(
          "txpool.max_size",
          Kind.INTEGER,
          "<n>",
          "Most transactions the pool holds; the lowest-paying are evicted beyond it.",
          "100000",
          true,
          true);
  public static final Setting TXPOOL_MAX_PER_SENDER =
      new Setting(
          "txpool.max_per_sender",
          Kind.INTEGER,
          "<n>",
          "Most transactions one sender may have in the pool.",
          "5000",
          true,
          true);
  public static final Setting TXPOOL_MIN_TIP =
      new Setting(
          "txpool.min_tip",
          Kind.TEXT,
          "<wei>",
          "Smallest priority fee (tip) the pool accepts, in wei.",
          "0 in dev mode, 1 otherwise (as geth's txpool.pricelimit)",
          true,
          true);

  public static final Setting TRADING_ORDER_BOOK =
      new Setting(
          "trading.order_book",
          Kind.TEXT,
          "<address>",
          "Order book contract the /api/trading views read, e.g. one deployed with `distli trading"
              + " deploy`.",
          "the dev chain's predeploy 0xD157100000000000000000000000000000000001",
          true,
          true);

  public static final List<Setting> ALL =
      List.of(
          DEV,
          DATA_DIR,
          GENESIS,
          CONFIG,
          LOG_LEVEL,
          NETWORK_LISTEN_ADDR,
          NETWORK_MAX_PEERS,
          NETWORK_BOOTSTRAP_NODES,
          RPC_ENABLED,
          RPC_HOST,
          RPC_PORT,
          RPC_CORS_ORIGINS,
          RPC_ALLOWED_HOSTS,
          RPC_NAMESPACES,
          RPC_ALLOW_UNPROTECTED_TXS,
          VALIDATOR_KEY_FILE,
          VALIDATOR_PASSWORD_FILE,
          VALIDATOR_PASSWORD,
          METRICS_ENABLED,
          METRICS_HOST,
          METRICS_PORT,
          PRODUCER_AUTOMINE,
          PRODUCER_EMPTY_BLOCKS,
          PRODUCER_BLOCK_TIME,
          TXPOOL_MAX_SIZE,
          TXPOOL_MAX_PER_SENDER,
          TXPOOL_MIN_TIP,
          TRADING_ORDER_BOOK);

  /** The setting a config-file key names, if any. */
  public static java.util.Optional<Setting> byKey(String key) {
    return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
