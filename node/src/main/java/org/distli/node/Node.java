package org.distli.node;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.distli.chain.Blockchain;
import org.distli.chain.ChainEvent;
import org.distli.chain.GenesisBlock;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.Transaction;
import org.distli.crypto.SecretKey;
import org.distli.evm.TransactionProcessor;
import org.distli.genesis.ConsensusConfig;
import org.distli.genesis.DevAccount;
import org.distli.genesis.DevChain;
import org.distli.genesis.EmptyBlockPolicy;
import org.distli.genesis.Genesis;
import org.distli.genesis.Validator;
import org.distli.node.config.NodeConfig;
import org.distli.node.config.Settings;
import org.distli.node.keystore.KeystoreException;
import org.distli.node.keystore.ValidatorKeystore;
import org.distli.node.metrics.NodeMetrics;
import org.distli.node.trading.TradingRoutes;
import org.distli.pos.BlockProducer;
import org.distli.pos.PosSealVerifier;
import org.distli.pos.ProducerConfig;
import org.distli.pos.SealData;
import org.distli.pos.Seals;
import org.distli.pos.ValidatorSet;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.rpc.ApiLimits;
import org.distli.rpc.HttpReply;
import org.distli.rpc.JsonRpc;
import org.distli.rpc.RpcBackend;
import org.distli.rpc.RpcConfig;
import org.distli.rpc.accounts.UnlockedAccounts;
import org.distli.rpc.call.CallExecutor;
import org.distli.rpc.query.ChainQueries;
import org.distli.state.StateDatabase;
import org.distli.state.StateDatabaseConfig;
import org.distli.storage.RocksDbConfig;
import org.distli.storage.RocksDbKeyValueStore;
import org.distli.txpool.TransactionPool;
import org.distli.txpool.TxPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the wiring of storage, chain, transaction pool, block producer, JSON-RPC and
 * metrics, in the one place that knows all of them. {@link #close()} stops them in reverse order:
 * block production first (a block in progress is finished), then JSON-RPC and metrics, then the
 * chain writer, then the database, which flushes.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final NodeConfig config;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private HealthCheck health;
  private Blockchain chain;
  private TransactionProcessor evm;
  private TransactionPool pool;
  private NodeMetrics metrics;
  private BlockProducer producer;
  private Path dataDir;
  private Genesis genesis;
  private SecretKey validatorKey;
  private int metricsPort = -1;
  private int rpcPort = -1;
  private volatile boolean closed;

  private Node(NodeConfig config) {
    this.config = config;
  }

  /**
   * Opens the database (writing the genesis on first start), and starts every service.
   *
   * @throws NodeStartException with a message for the operator when the node cannot start
   */
  public static Node start(NodeConfig config, PrintStream out) {
    Node node = new Node(config);
    try {
      node.open(out);
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e instanceof NodeStartException ? e : new NodeStartException(e.getMessage(), e);
    }
  }

  private void open(PrintStream out) {
    // The version first, so that whatever start-up logs follow are read against it.
    out.println(Version.banner());
    out.println();
    out.flush();
    genesis = loadGenesis();
    dataDir = config.dataDir(genesis.config().chainId());
    validatorKey = loadValidatorKey();
    genesis = withLocalSettings(genesis, validatorKey);

    ConsensusConfig consensus = genesis.config().consensus();
    // Blocks are due every slot only when empty ones are produced; a dev chain may rest for hours.
    Duration stallAfter =
        consensus.emptyBlocks() == EmptyBlockPolicy.PRODUCE
            ? consensus.blockTime().multipliedBy(10).compareTo(Duration.ofSeconds(30)) > 0
                ? consensus.blockTime().multipliedBy(10)
                : Duration.ofSeconds(30)
            : Duration.ZERO;
    health = new HealthCheck(() -> chain.head(), () -> 0, System::currentTimeMillis, stallAfter);
    ValidatorSet validators = new ValidatorSet(consensus.validators());
    Seals seals = new Seals(validators);
    ChainSpec spec = ChainSetup.spec(genesis);
    // The rules in force, as geth prints its chain config: a misspelt fork key shows here.
    var activations = spec.config().forkSchedule().activations();
    if (activations.stream().allMatch(a -> a.at() == 0)) {
      LOG.info("Chain {}: {} rules from genesis", spec.chainId(), activations.getLast().fork());
    } else {
      LOG.info(
          "Chain {}: forks {}",
          spec.chainId(),
          org.distli.chain.spec.ChainRules.of(spec).fields().get("forks"));
    }

    RocksDbKeyValueStore store = openDatabase(dataDir.resolve(ChainSetup.DATABASE_FOLDER));
    resources.add(
        () -> {
          store.flush();
          store.close();
        });
    StateDatabase state = StateDatabase.open(store, StateDatabaseConfig.DEFAULT);
    resources.add(state);
    GenesisBlock genesisBlock = GenesisBlock.of(genesis, state.at(Hash.EMPTY_TRIE_ROOT));
    // One EVM for the chain and JSON-RPC's calls, so that they share its code cache.
    evm = new TransactionProcessor();
    chain =
        Blockchain.builder(spec, store, state)
            .genesis(genesisBlock)
            .sealVerifier(new PosSealVerifier(seals))
            .transactionProcessor(evm)
            .open();
    resources.add(chain);
    BlockHeader head = chain.head();
    LOG.info(
        "{} chain {} at block #{} {}, data in {}",
        config.genesisFile().isPresent() ? "Genesis " + config.genesisFile().get() + ":" : "Dev",
        spec.chainId(),
        head.number(),
        head.hash(),
        dataDir.toAbsolutePath().normalize());

    TxPoolConfig poolConfig =
        TxPoolConfig.DEFAULT
            .withLimits(config.txpool().maxSize(), config.txpool().maxPerSender())
            .withMinTip(config.txpool().minTip());
    pool = new TransactionPool(poolConfig, spec, head, chain.stateAt(head));

    metrics =
        new NodeMetrics(
            new NodeMetrics.Sources(
                pool::pendingCount,
                pool::queuedCount,
                () -> 0,
                () -> directorySize(dataDir.resolve(ChainSetup.DATABASE_FOLDER))));
    resources.add(metrics);
    metrics.onHead(head.number());
    chain.addListener(this::onHeadChanged);

    if (config.metrics().enabled()) {
      try {
        metricsPort = metrics.serve(config.metrics().host(), config.metrics().port());
      } catch (IOException e) {
        throw new NodeStartException(
            "cannot serve metrics on "
                + config.metrics().host()
                + ":"
                + config.metrics().port()
                + ": "
                + e.getMessage()
                + " (set "
                + Settings.METRICS_PORT.optionName()
                + " or "
                + Settings.METRICS_ENABLED.optionName()
                + "=false)",
            e);
      }
    }

    if (config.rpc().enabled()) {
      startRpc(spec, state);
    }

    ProducerConfig producerConfig =
        new ProducerConfig(
            consensus.blockTime(),
            config.producer().automine(),
            consensus.emptyBlocks(),
            genesis.config().gasLimit(),
            SealData.vanity("distli " + Version.version()));
    producer =
        new BlockProducer(
            chain,
            pool,
            seals,
            validatorKey,
            producerConfig,
            System::currentTimeMillis,
            (block, nanos) -> metrics.onBlockProduced(block.transactions().size(), nanos));
    resources.add(producer);

    printBanner(out, spec, head, state);
    health.phase(HealthCheck.Phase.RUNNING);
    producer.start();
  }

  private void startRpc(ChainSpec spec, StateDatabase state) {
    Vertx vertx = Vertx.vertx();
    resources.add(() -> vertx.close().await(30, TimeUnit.SECONDS));
    NodeConfig.Rpc settings = config.rpc();
    RpcConfig rpcConfig =
        (config.dev() ? RpcConfig.dev() : RpcConfig.defaults())
            .withHost(settings.host())
            .withPort(settings.port())
            .withCorsOrigins(settings.corsOrigins())
            .withAllowedHosts(settings.allowedHosts())
            .withNamespaces(Set.copyOf(settings.namespaces()));
    UnlockedAccounts accounts =
        config.dev() && config.genesisFile().isEmpty()
            ? new UnlockedAccounts(DevChain.accounts().stream().map(DevAccount::key).toList())
            : UnlockedAccounts.NONE;
    RpcBackend backend =
        new RpcBackend(
            spec, chain.reader(), state, pool, evm, accounts, Version.clientVersion(), () -> 0);
    ApiLimits limits =
        ApiLimits.DEFAULT.withUnprotectedTransactions(config.rpc().allowUnprotectedTxs());
    JsonRpc rpc = JsonRpc.create(vertx, rpcConfig, limits, backend, metrics);
    resources.add(rpc);
    rpc.server()
        .get(
            "/health",
            query -> {
              HealthCheck.Report report = health.report();
              return HttpReply.json(report.status(), report.json());
            });
    CallExecutor calls =
        new CallExecutor(new ChainQueries(spec, chain.reader(), state, pool), evm, limits.gasCap());
    TradingRoutes.mount(rpc.server(), calls, chain.reader(), state, config.trading().orderBook());
    try {
      rpcPort = rpc.start();
    } catch (IllegalStateException e) {
      throw new NodeStartException(
          e.getMessage()
              + " (check "
              + Settings.RPC_HOST.optionName()
              + " and "
              + Settings.RPC_PORT.optionName()
              + ", or "
              + Settings.RPC_HOST.environmentVariable()
              + " and "
              + Settings.RPC_PORT.environmentVariable()
              + ")",
          e);
    }
    chain.addListener(rpc);
  }

  /** Keeps the pool and the metrics in step with the chain; runs on the chain-writer thread. */
  private void onHeadChanged(ChainEvent event) {
    List<Transaction> included = new ArrayList<>();
    for (ChainEvent.BlockWithReceipts added : event.added()) {
      included.addAll(added.block().transactions());
    }
    pool.onNewHead(event.head(), chain.stateAt(event.head()), included);
    metrics.onHead(event.head().number());
  }

  private Genesis loadGenesis() {
    return ChainSetup.genesis(config.genesisFile());
  }

  /**
   * The dev chain's validator is the well-known dev key; any other chain's comes from the encrypted
   * keystore, which is created on first start.
   */
  private SecretKey loadValidatorKey() {
    if (config.dev() && config.genesisFile().isEmpty()) {
      return DevChain.validatorKey();
    }
    Path keyFile = config.validatorKeyFile(dataDir);
    Optional<String> password =
        ValidatorKeystore.password(
            config.validator().passwordFile(), config.validator().password());
    if (password.isEmpty()) {
      throw new NodeStartException(
          "the validator keystore "
              + keyFile
              + " needs a password: set "
              + Settings.VALIDATOR_PASSWORD.environmentVariable()
              + " or "
              + Settings.VALIDATOR_PASSWORD_FILE.optionName());
    }
    if (!Files.exists(keyFile)) {
      if (config.validator().keyFile().isPresent()) {
        // A named key file must exist: creating one would hide a typo behind a node that never
        // produces blocks. Only the default location is created on first start.
        throw new NodeStartException(
            "no validator keystore at "
                + keyFile
                + " ("
                + Settings.VALIDATOR_KEY_FILE.optionName()
                + "); create one with `distli key new` or import one with `distli key import`,"
                + " or leave the option out to have one created in the data directory");
      }
      SecretKey key = SecretKey.random(new SecureRandom());
      ValidatorKeystore.create(keyFile, key, password.get(), ValidatorKeystore.Strength.STANDARD);
      LOG.info("Created validator key {} in {}", key.address(), keyFile);
      return key;
    }
    try {
      SecretKey key = ValidatorKeystore.load(keyFile, password.get());
      LOG.info("Validator key {} from {}", key.address(), keyFile);
      return key;
    } catch (KeystoreException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
  }

  /**
   * Applies the node's own settings to the genesis configuration: block time and empty-block
   * overrides, and the node's key as the only validator when the genesis names none.
   */
  private Genesis withLocalSettings(Genesis base, SecretKey key) {
    ConsensusConfig consensus = base.config().consensus();
    if (consensus.validators().isEmpty()) {
      LOG.warn(
          "The genesis names no validators: this node's key {} seals alone (a single-validator chain)",
          key.address());
      consensus = consensus.withValidators(List.of(Validator.of(key.address(), Wei.of(1))));
    }
    if (config.producer().blockTime().isPresent()) {
      consensus = consensus.withBlockTime(config.producer().blockTime().get());
    }
    Optional<EmptyBlockPolicy> emptyBlocks = config.producer().emptyBlocks();
    if (emptyBlocks.isPresent()) {
      consensus = consensus.withEmptyBlocks(emptyBlocks.get());
    }
    return base.withConfig(base.config().withConsensus(consensus));
  }

  private static RocksDbKeyValueStore openDatabase(Path directory) {
    try {
      return RocksDbKeyValueStore.open(directory, RocksDbConfig.DEFAULT);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (message.contains("lock")) {
        throw new NodeStartException(
            "the database in " + directory + " is in use by another process (is a node running?)",
            e);
      }
      throw new NodeStartException(message, e);
    }
  }

  private void printBanner(PrintStream out, ChainSpec spec, BlockHeader head, StateDatabase state) {
    if (config.dev()) {
      out.println("Dev chain: chain id " + spec.chainId() + ", data in " + dataDir);
      out.println();
      out.println("Accounts");
      out.println("========");
      out.println();
      out.println("WARNING: These accounts, and their private keys, are publicly known.");
      out.println("Any funds sent to them on Mainnet or any other live network WILL BE LOST.");
      out.println();
      // Balances as of the head: after a restart they are no longer the genesis amounts.
      var headState = state.at(head.stateRoot());
      for (DevAccount account : DevChain.accounts()) {
        var stored = headState.account(account.address());
        String ether =
            new BigDecimal((stored == null ? Wei.ZERO : stored.balance()).toBigInteger())
                .movePointLeft(18)
                .setScale(stored == null || stored.balance().isZero() ? 0 : 2, RoundingMode.DOWN)
                .stripTrailingZeros()
                .toPlainString();
        out.println(
            "Account #"
                + account.index()
                + ": "
                + account.address().toChecksumString()
                + " ("
                + ether
                + " ETH)");
        out.println("Private Key: " + account.key().toHexUnsafe());
        out.println();
      }
    } else {
      out.println("Chain id " + spec.chainId() + ", data in " + dataDir);
    }
    out.println("Head: block #" + head.number() + " " + head.hash());
    if (rpcPort >= 0) {
      String host = config.rpc().host();
      out.println(
          "JSON-RPC: http://"
              + host
              + ":"
              + rpcPort
              + " (WebSocket: ws://"
              + host
              + ":"
              + rpcPort
              + ")");
    }
    if (metricsPort >= 0) {
      out.println("Metrics: http://" + config.metrics().host() + ":" + metricsPort + "/metrics");
    }
    out.flush();
  }

  private static long directorySize(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              file -> {
                try {
                  return Files.size(file);
                } catch (IOException e) {
                  return 0; // compacted away while walking
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  public Blockchain chain() {
    return chain;
  }

  public TransactionPool pool() {
    return pool;
  }

  /** The JSON-RPC port (useful with port 0); -1 when JSON-RPC is off. */
  public int rpcPort() {
    return rpcPort;
  }

  public HealthCheck health() {
    return health;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (health != null) {
      health.phase(HealthCheck.Phase.STOPPING);
    }
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    java.util.Collections.reverse(reversed);
    for (AutoCloseable resource : reversed) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
    resources.clear();
  }
}
