package org.distli.trie;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Hash;

/**
 * The "secure" trie of the state: keys are keccak-hashed before they reach the trie, which keeps
 * the trie balanced whatever keys are chosen. A view over a {@link MerklePatriciaTrie}.
 */
public final class SecureTrie {
  private final MerklePatriciaTrie trie;

  public SecureTrie() {
    this(new MerklePatriciaTrie());
  }

  public SecureTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  /** The value under {@code key}, or null when there is none. */
  public Bytes get(Bytes key) {
    byte[] value = trie.get(hashed(key));
    return value == null ? null : Bytes.wrap(value);
  }

  /** Sets {@code key} to {@code value}; an empty value deletes the key. */
  public void put(Bytes key, Bytes value) {
    trie.put(hashed(key), value.toArrayUnsafe());
  }

  public void delete(Bytes key) {
    trie.delete(hashed(key));
  }

  /** The proof for {@code key}, whose path follows keccak(key). */
  public List<Bytes> proof(Bytes key) {
    return trie.proof(Bytes.wrap(hashed(key)));
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash commit(NodeSink sink) {
    return trie.commit(sink);
  }

  /** The underlying trie, keyed by hashes. */
  public MerklePatriciaTrie trie() {
    return trie;
  }

  private static byte[] hashed(Bytes key) {
    return Keccak256.digest(key.toArrayUnsafe());
  }
}
