package org.distli.chain.validation;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.block.BlockHeader;
import org.distli.chain.block.Receipt;
import org.distli.chain.block.Withdrawal;
import org.distli.chain.transaction.Transaction;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpWriter;
import org.distli.trie.TrieRoots;

/** The commitments a header makes to its body and its execution: trie roots and hashes. */
public final class BlockRoots {
  private BlockRoots() {}

  /** The transactions root: the ordered-list trie of the transactions' binary forms. */
  public static Hash transactionsRoot(List<Transaction> transactions) {
    if (transactions.isEmpty()) {
      return Hash.EMPTY_TRIE_ROOT;
    }
    List<Bytes> items = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) {
      items.add(tx.encoded());
    }
    return TrieRoots.orderedListRoot(items);
  }

  /** The receipts root: the ordered-list trie of the receipts' binary forms. */
  public static Hash receiptsRoot(List<Receipt> receipts) {
    if (receipts.isEmpty()) {
      return Hash.EMPTY_TRIE_ROOT;
    }
    List<Bytes> items = new ArrayList<>(receipts.size());
    for (Receipt receipt : receipts) {
      items.add(Bytes.wrap(receipt.encoded()));
    }
    return TrieRoots.orderedListRoot(items);
  }

  /** The withdrawals root (EIP-4895). */
  public static Hash withdrawalsRoot(List<Withdrawal> withdrawals) {
    if (withdrawals.isEmpty()) {
      return Hash.EMPTY_TRIE_ROOT;
    }
    List<Bytes> items = new ArrayList<>(withdrawals.size());
    for (Withdrawal withdrawal : withdrawals) {
      items.add(Bytes.wrap(withdrawal.encoded()));
    }
    return TrieRoots.orderedListRoot(items);
  }

  /** keccak256(rlp(ommers)); {@link Hash#EMPTY_LIST} for none. */
  public static Hash ommersHash(List<BlockHeader> ommers) {
    if (ommers.isEmpty()) {
      return Hash.EMPTY_LIST;
    }
    RlpWriter w = new RlpWriter();
    w.startList();
    for (BlockHeader ommer : ommers) {
      ommer.writeTo(w);
    }
    w.endList();
    return Keccak256.hash(w.toByteArray());
  }
}
