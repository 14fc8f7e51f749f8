package org.distli.txpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.block.BaseFee;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.spec.ChainSpec;
import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.chain.transaction.Transaction;
import org.distli.chain.transaction.TransactionError;
import org.distli.chain.transaction.TransactionValidator;
import org.distli.evm.Fork;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;
import org.distli.state.StateReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction pool: transactions waiting for a block, per sender by nonce. A sender's
 * transactions from its account nonce on without a gap are <em>pending</em> (executable); those
 * behind a gap are <em>queued</em> until it closes. Block producers take pending transactions best
 * effective tip first ({@link #pendingSelection(Wei)}).
 *
 * <p>Admission follows go-ethereum's rules and wording (the errors of {@link TransactionError}):
 * duplicates are "already known"; a transaction with a sender and nonce already present replaces it
 * only when both its fee cap and its tip are at least {@link TxPoolConfig#priceBumpPercent()}
 * higher ("replacement transaction underpriced"); below the minimum tip is "transaction
 * underpriced"; a full pool evicts its lowest-paying transaction for a better one, or refuses the
 * newcomer.
 *
 * <p>Thread-safe. Signature recovery, stateless validation and account reads happen before the
 * pool's lock is taken, so concurrent submissions from RPC worker threads contend only for the
 * short bookkeeping step.
 */
public final class TransactionPool {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionPool.class);

  private final TxPoolConfig config;
  private final ChainSpec spec;
  private final LongSupplier clockSeconds;

  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentHashMap<Hash, PoolEntry> byHash = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Address, Sender> senders = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<PendingTransactionListener> listeners =
      new CopyOnWriteArrayList<>();

  /** Every entry, cheapest first at {@link #evictionBaseFee}: who goes when the pool is full. */
  private TreeSet<PoolEntry> byPrice = new TreeSet<>(EVICTION_ORDER);

  private Wei evictionBaseFee;

  /** The base fee moved since {@link #byPrice} was ordered; reordered when an eviction needs it. */
  private boolean evictionOrderStale;

  private long sequence;
  private int pendingCount;
  private long lastQueuedSweepSeconds;
  private volatile Head head;

  private static final Comparator<PoolEntry> EVICTION_ORDER =
      Comparator.<PoolEntry, UInt256>comparing(e -> e.evictionKey)
          // among equals, the newest goes first: earlier arrivals keep their place
          .thenComparing(e -> -e.sequence);

  /** The chain head the pool validates against, with the next block's base fee. */
  private record Head(BlockHeader header, StateReader state, Wei nextBaseFee, long version) {}

  /** What the pool knows of a sender's account and the sender's transactions by nonce. */
  private static final class Sender {
    final TreeMap<Long, PoolEntry> byNonce = new TreeMap<>();
    long stateNonce;
    Wei balance;
    boolean hasCode;
    int pending;

    /** At least the largest upfront cost among the sender's transactions (never too low). */
    BigInteger maxCost = BigInteger.ZERO;

    Sender(AccountView account) {
      this.stateNonce = account.nonce;
      this.balance = account.balance;
      this.hasCode = account.hasCode;
    }
  }

  private record AccountView(long nonce, Wei balance, boolean hasCode, long version) {}

  /**
   * @param head the current chain head
   * @param state the state at {@code head}
   */
  public TransactionPool(
      TxPoolConfig config,
      ChainSpec spec,
      BlockHeader head,
      StateReader state,
      LongSupplier clockSeconds) {
    this.config = config;
    this.spec = spec;
    this.clockSeconds = clockSeconds;
    Wei nextBaseFee = nextBaseFee(head);
    this.head = new Head(head, state, nextBaseFee, 0);
    this.evictionBaseFee = nextBaseFee;
  }

  public TransactionPool(TxPoolConfig config, ChainSpec spec, BlockHeader head, StateReader state) {
    this(config, spec, head, state, () -> System.currentTimeMillis() / 1000);
  }

  public TxPoolConfig config() {
    return config;
  }

  // ------------------------------------------------------------------ submission

  /**
   * Adds a signed transaction.
   *
   * @return whether it is pending or queued, and what it replaced
   * @throws InvalidTransactionException with go-ethereum's reason when it is refused; the pool is
   *     then unchanged
   */
  public AddResult add(Transaction tx) {
    Head at = head;
    Address sender = validateStateless(tx, at);
    AccountView account = readAccount(at, sender);
    List<Transaction> promoted = new ArrayList<>();
    AddResult result;
    lock.lock();
    try {
      result = insert(tx, sender, account, promoted);
    } finally {
      lock.unlock();
    }
    notifyPending(promoted);
    return result;
  }

  /**
   * Adds several transactions under one acquisition of the pool's lock, as a batch of {@code
   * eth_sendRawTransaction} calls does. Outcomes come back in submission order; a refused
   * transaction does not affect the others.
   */
  public List<SubmissionOutcome> addAll(List<Transaction> transactions) {
    Head at = head;
    int n = transactions.size();
    Address[] sendersOf = new Address[n];
    AccountView[] accounts = new AccountView[n];
    InvalidTransactionException[] errors = new InvalidTransactionException[n];
    Map<Address, AccountView> read = new HashMap<>();
    for (int i = 0; i < n; i++) {
      try {
        sendersOf[i] = validateStateless(transactions.get(i), at);
        accounts[i] = read.computeIfAbsent(sendersOf[i], a -> readAccount(at, a));
      } catch (InvalidTransactionException e) {
        errors[i] = e;
      }
    }
    List<SubmissionOutcome> outcomes = new ArrayList<>(n);
    List<Transaction> promoted = new ArrayList<>();
    lock.lock();
    try {
      for (int i = 0; i < n; i++) {
        Transaction tx = transactions.get(i);
        if (errors[i] == null) {
          try {
            outcomes.add(
                new SubmissionOutcome(
                    tx.hash(), insert(tx, sendersOf[i], accounts[i], promoted), null));
            continue;
          } catch (InvalidTransactionException e) {
            errors[i] = e;
          }
        }
        outcomes.add(new SubmissionOutcome(tx.hash(), null, errors[i]));
      }
    } finally {
      lock.unlock();
    }
    notifyPending(promoted);
    return outcomes;
  }

  /** The checks that need no pool state; recovers the sender. */
  private Address validateStateless(Transaction tx, Head at) {
    if (byHash.containsKey(tx.hash())) {
      throw new InvalidTransactionException(TransactionError.ALREADY_KNOWN);
    }
    if (tx.size() > config.maxTransactionSize()) {
      throw new InvalidTransactionException(
          TransactionError.OVERSIZED_DATA,
          "transaction size " + tx.size() + ", limit " + config.maxTransactionSize());
    }
    long number = at.header.number() + 1;
    long timestamp = Math.max(clockSeconds.getAsLong(), at.header.timestamp() + 1);
    Fork fork = spec.forkAt(number, timestamp);
    TransactionValidator.validateIntrinsic(tx, spec, fork);
    if (Long.compareUnsigned(tx.gasLimit(), at.header.gasLimit()) > 0) {
      throw new InvalidTransactionException(
          TransactionError.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas " + Long.toUnsignedString(tx.gasLimit()) + ", limit " + at.header.gasLimit());
    }
    if (tx.maxPriorityFeePerGas().compareTo(config.minTip()) < 0) {
      throw new InvalidTransactionException(
          TransactionError.UNDERPRICED,
          "gas tip cap " + tx.maxPriorityFeePerGas() + ", minimum needed " + config.minTip());
    }
    return tx.sender();
  }

  private static AccountView readAccount(Head at, Address address) {
    Account account = at.state.account(address);
    if (account == null) {
      return new AccountView(0, Wei.ZERO, false, at.version);
    }
    return new AccountView(
        account.nonce(),
        account.balance(),
        !account.codeHash().equals(Hash.EMPTY_CODE),
        at.version);
  }

  /** Admission against the sender's account and the pool; the caller holds the lock. */
  private AddResult insert(
      Transaction tx, Address address, AccountView account, List<Transaction> promoted) {
    Hash hash = tx.hash();
    if (byHash.containsKey(hash)) {
      throw new InvalidTransactionException(TransactionError.ALREADY_KNOWN);
    }
    Head at = head;
    Sender sender = senders.get(address);
    if (sender == null) {
      if (account.version != at.version) {
        account = readAccount(at, address);
      }
      sender = new Sender(account);
    }
    long nonce = tx.nonce();
    if (Long.compareUnsigned(nonce, sender.stateNonce) < 0) {
      throw new InvalidTransactionException(
          TransactionError.NONCE_TOO_LOW,
          "address "
              + address
              + ", tx: "
              + Long.toUnsignedString(nonce)
              + " state: "
              + Long.toUnsignedString(sender.stateNonce));
    }
    if (sender.hasCode) {
      throw new InvalidTransactionException(TransactionError.SENDER_NOT_EOA, "address " + address);
    }
    BigInteger cost = TransactionValidator.maxCost(tx);
    if (sender.balance.toBigInteger().compareTo(cost) < 0) {
      throw new InvalidTransactionException(
          TransactionError.INSUFFICIENT_FUNDS,
          // go-ethereum's pool words it so, unlike its state transition ("have .. want ..").
          "balance "
              + sender.balance.toBigInteger()
              + ", tx cost "
              + cost
              + ", overshot "
              + cost.subtract(sender.balance.toBigInteger()));
    }

    PoolEntry existing = sender.byNonce.get(nonce);
    Optional<Hash> replaced = Optional.empty();
    if (existing != null) {
      checkReplacement(existing.tx, tx);
      replaced = Optional.of(existing.tx.hash());
    } else {
      makeRoom(sender, address, tx);
    }

    PoolEntry entry = new PoolEntry(tx, address, sequence++, clockSeconds.getAsLong());
    entry.evictionKey = evictionKey(tx, evictionBaseFee);
    if (cost.compareTo(sender.maxCost) > 0) {
      sender.maxCost = cost;
    }
    if (existing != null) {
      boolean wasPending = existing.pending;
      unlink(existing);
      sender.byNonce.put(nonce, entry);
      if (wasPending) {
        entry.pending = true;
        pendingCount++;
        promoted.add(tx);
      }
    } else {
      sender.byNonce.put(nonce, entry);
    }
    byHash.put(hash, entry);
    byPrice.add(entry);
    senders.put(address, sender);
    if (existing == null) {
      promote(sender, promoted);
    }
    return new AddResult(hash, entry.pending, replaced);
  }

  /**
   * A replacement must raise both the fee cap and the tip strictly, and each by at least the price
   * bump (go-ethereum's rule, so that replacements cannot spam the network for free).
   */
  private void checkReplacement(Transaction old, Transaction replacement) {
    BigInteger bump = BigInteger.valueOf(100L + config.priceBumpPercent());
    BigInteger hundred = BigInteger.valueOf(100);
    BigInteger oldFeeCap = old.maxFeePerGas().toBigInteger();
    BigInteger oldTip = old.maxPriorityFeePerGas().toBigInteger();
    BigInteger newFeeCap = replacement.maxFeePerGas().toBigInteger();
    BigInteger newTip = replacement.maxPriorityFeePerGas().toBigInteger();
    boolean raised = newFeeCap.compareTo(oldFeeCap) > 0 && newTip.compareTo(oldTip) > 0;
    boolean enough =
        newFeeCap.multiply(hundred).compareTo(oldFeeCap.multiply(bump)) >= 0
            && newTip.multiply(hundred).compareTo(oldTip.multiply(bump)) >= 0;
    if (!raised || !enough) {
      throw new InvalidTransactionException(TransactionError.REPLACEMENT_UNDERPRICED);
    }
  }

  /** Frees a slot for a new (non-replacing) transaction, or refuses it. */
  private void makeRoom(Sender sender, Address address, Transaction tx) {
    if (sender.byNonce.size() >= config.maxPerSender()) {
      // A sender at its limit may still close a gap: its furthest-out transaction makes way.
      PoolEntry furthest = sender.byNonce.lastEntry().getValue();
      if (Long.compareUnsigned(tx.nonce(), furthest.nonce) >= 0) {
        throw new InvalidTransactionException(
            TransactionError.ACCOUNT_LIMIT_EXCEEDED,
            "address " + address + " has " + sender.byNonce.size() + " transactions in the pool");
      }
      remove(furthest);
    }
    if (byHash.size() >= config.maxSize()) {
      if (evictionOrderStale) {
        reorderForEviction(head.nextBaseFee());
      }
      PoolEntry cheapest = byPrice.first();
      if (evictionKey(tx, evictionBaseFee).compareTo(cheapest.evictionKey) <= 0) {
        throw new InvalidTransactionException(
            TransactionError.UNDERPRICED,
            "the pool is full and the transaction pays no more than the cheapest it holds");
      }
      LOG.debug("pool full: evicting {} for {}", cheapest.tx.hash(), tx.hash());
      remove(cheapest);
    }
  }

  private static UInt256 evictionKey(Transaction tx, Wei baseFee) {
    Wei tip = tx.effectiveTip(baseFee);
    return tip == null ? UInt256.ZERO : tip.toUInt256();
  }

  // ------------------------------------------------------------------ pending and queued

  /**
   * Marks the sender's transactions pending from its account nonce up to the first gap; adds the
   * newly pending ones to {@code promoted}.
   */
  private void promote(Sender sender, List<Transaction> promoted) {
    long next = sender.stateNonce + sender.pending;
    PoolEntry entry;
    while ((entry = sender.byNonce.get(next)) != null) {
      if (!entry.pending) {
        entry.pending = true;
        pendingCount++;
        promoted.add(entry.tx);
      }
      sender.pending++;
      next++;
    }
  }

  /** Removes an entry from every index; the sender's later transactions become queued. */
  private void remove(PoolEntry entry) {
    Sender sender = senders.get(entry.sender);
    boolean wasPending = entry.pending;
    unlink(entry);
    sender.byNonce.remove(entry.nonce);
    if (wasPending) {
      demoteAfter(sender, entry.nonce);
    }
    if (sender.byNonce.isEmpty()) {
      senders.remove(entry.sender);
    }
  }

  private void unlink(PoolEntry entry) {
    byHash.remove(entry.tx.hash());
    byPrice.remove(entry);
    if (entry.pending) {
      pendingCount--;
      entry.pending = false;
    }
  }

  private void demoteAfter(Sender sender, long nonce) {
    for (PoolEntry later : sender.byNonce.tailMap(nonce, false).values()) {
      if (later.pending) {
        later.pending = false;
        pendingCount--;
      }
    }
    sender.pending = (int) Math.max(0, nonce - sender.stateNonce);
  }

  // ------------------------------------------------------------------ new heads

  /**
   * Moves the pool to a new chain head: drops the included transactions and revalidates their
   * senders against the new state (nonces that moved past, balances that no longer cover a
   * transaction), promoting what became executable. Only senders with a transaction in the block
   * can have lost nonce or balance, so only they are read.
   *
   * @param included the transactions of the blocks between the previous head and this one
   */
  public void onNewHead(BlockHeader newHead, StateReader state, Collection<Transaction> included) {
    Head previous = head;
    Head next = new Head(newHead, state, nextBaseFee(newHead), previous.version + 1);
    Map<Address, AccountView> accounts = new LinkedHashMap<>();
    for (Transaction tx : included) {
      Address sender = tx.sender();
      if (senders.containsKey(sender) && !accounts.containsKey(sender)) {
        accounts.put(sender, readAccount(next, sender));
      }
    }
    List<Transaction> promoted = new ArrayList<>();
    int dropped = 0;
    lock.lock();
    try {
      head = next;
      for (Transaction tx : included) {
        PoolEntry entry = byHash.get(tx.hash());
        if (entry != null) {
          unlink(entry);
          senders.get(entry.sender).byNonce.remove(entry.nonce);
          if (!accounts.containsKey(entry.sender)) {
            accounts.put(entry.sender, readAccount(next, entry.sender));
          }
        }
      }
      for (Map.Entry<Address, AccountView> update : accounts.entrySet()) {
        Sender sender = senders.get(update.getKey());
        if (sender != null) {
          dropped += revalidate(update.getKey(), sender, update.getValue(), promoted);
        }
      }
      dropped += sweepExpiredQueued();
      // Reordering every entry for each block's base fee would cost O(n log n) per block; it is
      // done when a full pool next needs to evict.
      evictionOrderStale = !java.util.Objects.equals(next.nextBaseFee(), evictionBaseFee);
    } finally {
      lock.unlock();
    }
    if (dropped > 0) {
      LOG.debug("dropped {} transactions no longer valid at block {}", dropped, newHead.number());
    }
    notifyPending(promoted);
  }

  /**
   * Moves a sender to its account after a block. Incremental: only the transactions the chain has
   * passed are visited, unless the balance dropped below what the sender's transactions may cost.
   */
  private int revalidate(
      Address address, Sender sender, AccountView account, List<Transaction> promoted) {
    int dropped = 0;
    long oldEnd = sender.stateNonce + sender.pending;
    // Nonces the chain has moved past can never be included.
    NavigableMap<Long, PoolEntry> stale = sender.byNonce.headMap(account.nonce, false);
    while (!stale.isEmpty()) {
      PoolEntry entry = stale.pollFirstEntry().getValue();
      unlink(entry);
      dropped++;
    }
    sender.stateNonce = account.nonce;
    sender.balance = account.balance;
    sender.hasCode = account.hasCode;
    if (Long.compareUnsigned(account.nonce, oldEnd) <= 0) {
      // the pending run still starts here and ends where it ended
      sender.pending = (int) (oldEnd - account.nonce);
    } else {
      // the chain moved past the run: whatever follows was queued and is recounted below
      sender.pending = 0;
    }
    if (account.balance.toBigInteger().compareTo(sender.maxCost) < 0) {
      dropped += dropUnaffordable(sender, account.balance.toBigInteger());
    }
    promote(sender, promoted);
    if (sender.byNonce.isEmpty()) {
      senders.remove(address);
    }
    return dropped;
  }

  /**
   * Drops queued transactions that waited longer than the queued lifetime for their nonce gap to
   * close. Runs at most once a minute; pending transactions never expire.
   */
  private int sweepExpiredQueued() {
    long now = clockSeconds.getAsLong();
    if (now - lastQueuedSweepSeconds < 60) {
      return 0;
    }
    lastQueuedSweepSeconds = now;
    long oldest = now - config.queuedLifetimeSeconds();
    int dropped = 0;
    for (Map.Entry<Address, Sender> entry : List.copyOf(senders.entrySet())) {
      Sender sender = entry.getValue();
      long firstQueued = sender.stateNonce + sender.pending;
      for (PoolEntry queued : List.copyOf(sender.byNonce.tailMap(firstQueued, true).values())) {
        if (queued.arrivedSeconds < oldest) {
          unlink(queued);
          sender.byNonce.remove(queued.nonce);
          dropped++;
        }
      }
      if (sender.byNonce.isEmpty()) {
        senders.remove(entry.getKey());
      }
    }
    return dropped;
  }

  /**
   * Drops the transactions the balance no longer covers; the ones after the first dropped wait
   * queued. Recomputes the sender's largest cost.
   */
  private int dropUnaffordable(Sender sender, BigInteger balance) {
    int dropped = 0;
    BigInteger maxCost = BigInteger.ZERO;
    long firstDropped = -1;
    for (PoolEntry entry : List.copyOf(sender.byNonce.values())) {
      BigInteger cost = TransactionValidator.maxCost(entry.tx);
      if (balance.compareTo(cost) < 0) {
        if (firstDropped < 0) {
          firstDropped = entry.nonce;
        }
        unlink(entry);
        sender.byNonce.remove(entry.nonce);
        dropped++;
      } else if (cost.compareTo(maxCost) > 0) {
        maxCost = cost;
      }
    }
    sender.maxCost = maxCost;
    if (firstDropped >= 0
        && Long.compareUnsigned(firstDropped, sender.stateNonce + sender.pending) < 0) {
      demoteAfter(sender, firstDropped);
    }
    return dropped;
  }

  private void reorderForEviction(Wei baseFee) {
    evictionBaseFee = baseFee;
    evictionOrderStale = false;
    TreeSet<PoolEntry> reordered = new TreeSet<>(EVICTION_ORDER);
    for (PoolEntry entry : byHash.values()) {
      entry.evictionKey = evictionKey(entry.tx, baseFee);
      reordered.add(entry);
    }
    byPrice = reordered;
  }

  private Wei nextBaseFee(BlockHeader parent) {
    long timestamp = parent.timestamp() + 1;
    Fork fork = spec.forkAt(parent.number() + 1, timestamp);
    return BaseFee.forChild(spec, parent, fork);
  }

  // ------------------------------------------------------------------ reads

  /**
   * The pending transactions for a block with {@code baseFee}, for the producer to take best tip
   * first. A snapshot: later submissions do not show up in it.
   */
  public PendingSelection pendingSelection(Wei baseFee) {
    List<Transaction[]> bySender = new ArrayList<>();
    List<long[]> sequences = new ArrayList<>();
    lock.lock();
    try {
      for (Sender sender : senders.values()) {
        if (sender.pending == 0) {
          continue;
        }
        Transaction[] txs = new Transaction[sender.pending];
        long[] seqs = new long[sender.pending];
        Iterator<PoolEntry> it = sender.byNonce.values().iterator();
        for (int i = 0; i < txs.length; i++) {
          PoolEntry entry = it.next();
          txs[i] = entry.tx;
          seqs[i] = entry.sequence;
        }
        bySender.add(txs);
        sequences.add(seqs);
      }
    } finally {
      lock.unlock();
    }
    return new PendingSelection(bySender, sequences, baseFee);
  }

  /** The next block's base fee as of the current head (null before London). */
  public Wei nextBaseFee() {
    return head.nextBaseFee();
  }

  public Optional<Transaction> get(Hash hash) {
    PoolEntry entry = byHash.get(hash);
    return entry == null ? Optional.empty() : Optional.of(entry.tx);
  }

  public boolean contains(Hash hash) {
    return byHash.containsKey(hash);
  }

  /**
   * The nonce the sender's next transaction needs counting its pending transactions, as {@code
   * eth_getTransactionCount(address, "pending")} reports; empty when the pool holds nothing of it.
   */
  public OptionalLong pendingNonce(Address address) {
    lock.lock();
    try {
      Sender sender = senders.get(address);
      return sender == null
          ? OptionalLong.empty()
          : OptionalLong.of(sender.stateNonce + sender.pending);
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    return byHash.size();
  }

  public int pendingCount() {
    lock.lock();
    try {
      return pendingCount;
    } finally {
      lock.unlock();
    }
  }

  public int queuedCount() {
    lock.lock();
    try {
      return byHash.size() - pendingCount;
    } finally {
      lock.unlock();
    }
  }

  /** Pending transactions by sender, by nonce: {@code txpool_content}'s "pending". */
  public Map<Address, List<Transaction>> pendingContent() {
    return content(true);
  }

  /** Queued transactions by sender, by nonce: {@code txpool_content}'s "queued". */
  public Map<Address, List<Transaction>> queuedContent() {
    return content(false);
  }

  private Map<Address, List<Transaction>> content(boolean pending) {
    Map<Address, List<Transaction>> out = new TreeMap<>();
    lock.lock();
    try {
      for (Map.Entry<Address, Sender> sender : senders.entrySet()) {
        List<Transaction> txs = new ArrayList<>();
        for (PoolEntry entry : sender.getValue().byNonce.values()) {
          if (entry.pending == pending) {
            txs.add(entry.tx);
          }
        }
        if (!txs.isEmpty()) {
          out.put(sender.getKey(), List.copyOf(txs));
        }
      }
    } finally {
      lock.unlock();
    }
    return out;
  }

  /**
   * Removes transactions the producer found unusable (they failed in a block) with the sender's
   * later ones demoted to queued.
   */
  public void removeAll(Collection<Hash> hashes) {
    lock.lock();
    try {
      Set<Hash> unique = new HashSet<>(hashes);
      for (Hash hash : unique) {
        PoolEntry entry = byHash.get(hash);
        if (entry != null) {
          remove(entry);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  // ------------------------------------------------------------------ listeners

  /**
   * Registers a listener for transactions that become pending.
   *
   * @return closing it unsubscribes
   */
  public AutoCloseable subscribePending(PendingTransactionListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void notifyPending(List<Transaction> promoted) {
    if (promoted.isEmpty()) {
      return;
    }
    List<Transaction> view = List.copyOf(promoted);
    for (PendingTransactionListener listener : listeners) {
      try {
        listener.onPending(view);
      } catch (RuntimeException e) {
        LOG.warn("pending-transaction listener failed", e);
      }
    }
  }
}
