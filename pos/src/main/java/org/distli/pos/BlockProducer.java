package org.distli.pos;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.distli.chain.BlockTemplate;
import org.distli.chain.Blockchain;
import org.distli.chain.BuiltBlock;
import org.distli.chain.block.BaseFee;
import org.distli.chain.block.Block;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionError;
import org.distli.chain.validation.InvalidBlockException;
import org.distli.crypto.SecretKey;
import org.distli.genesis.EmptyBlockPolicy;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.txpool.PendingSelection;
import org.distli.txpool.TransactionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces this validator's blocks on its own thread ("block-producer"): every block time, and with
 * automine as soon as transactions are pending. Each block takes the pool's pending transactions
 * best effective tip first up to the gas limit, is built and executed by the chain writer, sealed
 * here (proposer seal and, as a validator whose stake alone is a quorum, the commit seal), imported
 * as the new head, and marked safe and finalized: a committed block is final.
 *
 * <p>Automine batches: while a block is being produced, arrivals wait, and the next block takes all
 * of them. Under load blocks follow each other back to back, with timestamps one second apart at
 * least (a block's timestamp must exceed its parent's), so the chain's clock may run ahead of the
 * wall clock during a burst, as Hardhat's and Anvil's do.
 */
public final class BlockProducer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BlockProducer.class);

  /** Told about every block this producer adds (for metrics). */
  @FunctionalInterface
  public interface Observer {
    void onProduced(Block block, long nanos);
  }

  private final Blockchain chain;
  private final TransactionPool pool;
  private final Seals seals;
  private final SecretKey key;
  private final ProducerConfig config;
  private final LongSupplier clockMillis;
  private final Observer observer;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final boolean canCommitAlone;
  private volatile boolean running;
  private AutoCloseable subscription;
  private volatile long lastSlotMillis;

  public BlockProducer(
      Blockchain chain,
      TransactionPool pool,
      Seals seals,
      SecretKey key,
      ProducerConfig config,
      LongSupplier clockMillis,
      Observer observer) {
    this.chain = chain;
    this.pool = pool;
    this.seals = seals;
    this.key = key;
    this.config = config;
    this.clockMillis = clockMillis;
    this.observer = observer;
    BigInteger stake = seals.validators().stakeOf(key.address()).orElse(BigInteger.ZERO);
    this.canCommitAlone = seals.validators().isQuorum(stake);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "block-producer");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Whether this node can produce blocks on its own: its key is a validator whose stake is more
   * than two thirds of the total. Committing with other validators needs peer-to-peer messaging.
   */
  public boolean canProduce() {
    return canCommitAlone;
  }

  public void start() {
    if (!canCommitAlone) {
      LOG.warn(
          "This node's key {} {}; it will not produce blocks",
          key.address(),
          seals.validators().contains(key.address())
              ? "holds less than two thirds of the stake and cannot commit blocks alone"
              : "is not a validator of this chain");
      return;
    }
    running = true;
    lastSlotMillis = clockMillis.getAsLong();
    long tick = Math.max(10, Math.min(250, config.blockTime().toMillis() / 10));
    thread.scheduleWithFixedDelay(this::onTick, tick, tick, TimeUnit.MILLISECONDS);
    if (config.automine()) {
      subscription = pool.subscribePending(transactions -> requestBlock());
      if (pool.pendingCount() > 0) {
        requestBlock();
      }
    }
    LOG.info(
        "Producing blocks as {} every {} s{}; empty blocks are {}",
        key.address(),
        config.blockTime().toMillis() / 1000.0,
        config.automine() ? " and as soon as transactions are pending (automine)" : "",
        config.emptyBlocks() == EmptyBlockPolicy.PRODUCE ? "produced" : "skipped");
  }

  /** Asks for a block as soon as the producer is free (automine). */
  private void requestBlock() {
    if (running && requested.compareAndSet(false, true)) {
      try {
        thread.execute(
            () -> {
              requested.set(false);
              produceWhilePending();
            });
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        requested.set(false);
      }
    }
  }

  private void onTick() {
    long now = clockMillis.getAsLong();
    if (now - lastSlotMillis < config.blockTime().toMillis()) {
      return;
    }
    lastSlotMillis = now;
    produceSafely(config.emptyBlocks() == EmptyBlockPolicy.PRODUCE);
  }

  /** Produces blocks back to back while each one takes transactions and more are pending. */
  private void produceWhilePending() {
    while (running && pool.pendingCount() > 0) {
      if (produceSafely(false) <= 0) {
        return;
      }
    }
  }

  /** Produces one block; returns its transaction count, or -1 when none was produced. */
  private int produceSafely(boolean allowEmpty) {
    if (!running) {
      return -1;
    }
    try {
      return produce(allowEmpty);
    } catch (RuntimeException | InvalidBlockException e) {
      LOG.error("Block production failed: {}", e.getMessage(), e);
      // A failure that repeats (a full disk, a bug) must not turn into a busy loop of errors.
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }
  }

  private int produce(boolean allowEmpty) throws InvalidBlockException {
    long started = System.nanoTime();
    BlockHeader parent = chain.head();
    long number = parent.number() + 1;
    if (!seals.validators().proposer(number, 0).equals(key.address())) {
      return -1;
    }
    long timestamp = Math.max(clockMillis.getAsLong() / 1000, parent.timestamp() + 1);
    Wei baseFee = BaseFee.forChild(chain.spec(), parent, chain.spec().forkAt(number, timestamp));
    PendingSelection selection = pool.pendingSelection(baseFee);
    if (!allowEmpty && selection.remainingSenders() == 0) {
      return -1;
    }
    BlockTemplate template =
        new BlockTemplate(
            timestamp,
            key.address(),
            Seals.nextPrevRandao(parent),
            Seals.unsealedExtraData(config.vanity(), 0),
            config.gasLimit(),
            List.of(),
            Hash.ZERO);
    BuiltBlock built = chain.buildBlock(template, () -> iterate(selection));
    dropUnusable(built);
    int transactions = built.block().transactions().size();
    if (transactions == 0 && !allowEmpty) {
      return -1;
    }
    BlockHeader sealed = Seals.sealAlone(built.block().header(), key);
    Block block = new Block(sealed, built.block().body());
    chain.importBlock(block);
    chain.setSafeAndFinalized(block.hash(), block.hash());
    long nanos = System.nanoTime() - started;
    LOG.info(
        "Produced block #{} {} txs={} gas={} ({}%) in {} ms",
        number,
        shortHash(block.hash()),
        transactions,
        sealed.gasUsed(),
        sealed.gasLimit() == 0 ? 0 : sealed.gasUsed() * 100 / sealed.gasLimit(),
        nanos / 1_000_000);
    observer.onProduced(block, nanos);
    // An automined block fills the slot as well: the next one is due a block time from now.
    lastSlotMillis = clockMillis.getAsLong();
    return transactions;
  }

  /**
   * Removes candidates the chain refused for good. "nonce too high" only follows from an earlier
   * refusal of the same sender, so those stay; the pool's revalidation takes care of the rest.
   */
  private void dropUnusable(BuiltBlock built) {
    List<Hash> unusable = new ArrayList<>();
    for (BuiltBlock.Skipped skipped : built.skipped()) {
      if (skipped.reason().error() != TransactionError.NONCE_TOO_HIGH) {
        LOG.debug(
            "dropping {} from the pool: {}",
            skipped.transaction().hash(),
            skipped.reason().getMessage());
        unusable.add(skipped.transaction().hash());
      }
    }
    if (!unusable.isEmpty()) {
      pool.removeAll(unusable);
    }
  }

  private static Iterator<Transaction> iterate(PendingSelection selection) {
    return new Iterator<>() {
      private Transaction next = selection.next();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Transaction next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Transaction current = next;
        next = selection.next();
        return current;
      }
    };
  }

  /** {@code 0x1a2b3c…9f8e}: enough of a hash to recognise it in a log. */
  static String shortHash(Hash hash) {
    String hex = hash.toHexString();
    return hex.substring(0, 8) + "…" + hex.substring(hex.length() - 4);
  }

  /** Stops producing; a block being produced is finished first. */
  @Override
  public void close() {
    running = false;
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.debug("unsubscribing from the pool: {}", e.toString());
      }
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("block production did not stop within 60 s");
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
