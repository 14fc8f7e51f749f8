package org.distli.trie;

import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpWriter;

/** Roots of tries built in one go: transactions, receipts and withdrawals roots of a block. */
public final class TrieRoots {
  private TrieRoots() {}

  /**
   * The root of the trie mapping {@code rlp(index)} to each item, as the transactions, receipts and
   * withdrawals roots of a block header are computed. The items are stored as given (already
   * encoded).
   */
  public static Hash orderedListRoot(List<Bytes> items) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    for (int i = 0; i < items.size(); i++) {
      trie.put(indexKey(i), items.get(i).toArrayUnsafe());
    }
    return trie.rootHash();
  }

  /** The root of a plain trie holding {@code entries}. */
  public static Hash root(Map<Bytes, Bytes> entries) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie();
    entries.forEach(trie::put);
    return trie.rootHash();
  }

  /** The root of a secure (hashed-key) trie holding {@code entries}. */
  public static Hash secureRoot(Map<Bytes, Bytes> entries) {
    SecureTrie trie = new SecureTrie();
    entries.forEach(trie::put);
    return trie.rootHash();
  }

  /** rlp(index): the key of an item in an ordered-list trie. */
  static byte[] indexKey(int index) {
    return new RlpWriter(5).writeLong(index).toByteArray();
  }
}
