package org.distli.chain.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.distli.chain.transaction.Transaction;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * What a block carries besides its header: transactions, ommer headers (always empty after the
 * merge) and withdrawals (from Shanghai; absent before).
 */
public record BlockBody(
    List<Transaction> transactions,
    List<BlockHeader> ommers,
    Optional<List<Withdrawal>> withdrawals) {
  public static final BlockBody EMPTY = new BlockBody(List.of(), List.of(), Optional.empty());

  public BlockBody {
    transactions = List.copyOf(transactions);
    ommers = List.copyOf(ommers);
    withdrawals = withdrawals.map(List::copyOf);
  }

  public static BlockBody of(List<Transaction> transactions, List<Withdrawal> withdrawals) {
    return new BlockBody(transactions, List.of(), Optional.ofNullable(withdrawals));
  }

  /** Writes the body's items (transactions, ommers, withdrawals) without an enclosing list. */
  void writeItems(RlpWriter w) {
    w.startList();
    for (Transaction tx : transactions) {
      tx.writeTo(w);
    }
    w.endList();
    w.startList();
    for (BlockHeader ommer : ommers) {
      ommer.writeTo(w);
    }
    w.endList();
    if (withdrawals.isPresent()) {
      w.startList();
      for (Withdrawal withdrawal : withdrawals.get()) {
        withdrawal.writeTo(w);
      }
      w.endList();
    }
  }

  /** The body as its own RLP list [transactions, ommers, withdrawals?] (the chain store's form). */
  public byte[] encoded() {
    RlpWriter w = new RlpWriter(256 + 128 * transactions.size());
    w.startList();
    writeItems(w);
    w.endList();
    return w.toByteArray();
  }

  public static BlockBody decode(byte[] rlp) {
    RlpReader r = RlpReader.of(rlp);
    r.enterList("block body");
    BlockBody body = readItems(r);
    r.exitList("block body");
    r.expectEnd("block body");
    return body;
  }

  /** Reads the body's items from the current list (the rest of a block, or a stored body). */
  static BlockBody readItems(RlpReader r) {
    r.enterList("transactions");
    ArrayList<Transaction> txs = new ArrayList<>();
    while (r.hasNext()) {
      txs.add(Transaction.readFrom(r));
    }
    r.exitList("transactions");
    r.enterList("ommers");
    ArrayList<BlockHeader> ommers = new ArrayList<>();
    while (r.hasNext()) {
      ommers.add(BlockHeader.readFrom(r));
    }
    r.exitList("ommers");
    Optional<List<Withdrawal>> withdrawals = Optional.empty();
    if (r.hasNext()) {
      r.enterList("withdrawals");
      ArrayList<Withdrawal> list = new ArrayList<>();
      while (r.hasNext()) {
        list.add(Withdrawal.readFrom(r));
      }
      r.exitList("withdrawals");
      withdrawals = Optional.of(list);
    }
    return new BlockBody(txs, ommers, withdrawals);
  }
}
