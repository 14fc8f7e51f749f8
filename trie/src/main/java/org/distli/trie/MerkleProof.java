package org.distli.trie;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpException;

/** Checks Merkle proofs as {@link MerklePatriciaTrie#proof} and eth_getProof (EIP-1186) give. */
public final class MerkleProof {
  private MerkleProof() {}

  /** A proof that does not connect the root to the key. */
  public static final class InvalidProofException extends RuntimeException {
    public InvalidProofException(String message) {
      super(message);
    }
  }

  /**
   * The value the proof shows under {@code key} in the trie with {@code root}: empty when it proves
   * that the key is absent.
   *
   * @throws InvalidProofException when a node on the path is missing from the proof or malformed
   */
  public static Optional<Bytes> verify(Hash root, Bytes key, List<Bytes> proof) {
    Map<Hash, byte[]> nodes = new HashMap<>();
    for (Bytes node : proof) {
      byte[] encoded = node.toArray();
      nodes.put(Keccak256.hash(encoded), encoded);
    }
    if (root.equals(Hash.EMPTY_TRIE_ROOT)) {
      return Optional.empty();
    }
    byte[] nibbles = Nibbles.fromBytes(key.toArrayUnsafe());
    try {
      Node node = load(nodes, root, nibbles, 0);
      int pos = 0;
      while (true) {
        switch (node) {
          case Node.Leaf leaf -> {
            boolean match =
                nibbles.length - pos == leaf.path.length
                    && java.util.Arrays.equals(
                        nibbles, pos, nibbles.length, leaf.path, 0, leaf.path.length);
            return match ? Optional.of(Bytes.wrap(leaf.value)) : Optional.empty();
          }
          case Node.Extension extension -> {
            int length = extension.path.length;
            if (nibbles.length - pos < length
                || !java.util.Arrays.equals(
                    nibbles, pos, pos + length, extension.path, 0, length)) {
              return Optional.empty();
            }
            pos += length;
            node = extension.child;
          }
          case Node.Branch branch -> {
            if (pos == nibbles.length) {
              return Optional.ofNullable(branch.value).map(Bytes::wrap);
            }
            node = branch.child(nibbles[pos++]);
            if (node == null) {
              return Optional.empty();
            }
          }
          case Node.Ref ref -> node = load(nodes, ref.target(), nibbles, pos);
        }
      }
    } catch (MalformedNodeException | RlpException e) {
      throw new InvalidProofException("malformed proof node: " + e.getMessage());
    }
  }

  private static Node load(Map<Hash, byte[]> nodes, Hash hash, byte[] nibbles, int pos) {
    byte[] encoded = nodes.get(hash);
    if (encoded == null) {
      throw new InvalidProofException(
          "proof lacks node " + hash + " at path " + Nibbles.toHex(nibbles, pos));
    }
    return Node.decode(encoded, hash);
  }
}
