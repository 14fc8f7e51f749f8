package org.distli.state;

import org.apache.tuweni.bytes.Bytes;
import org.distli.primitives.Hash;

/**
 * Keys of stored trie nodes: the node's position (the owning trie and the nibble path from its
 * root) followed by its hash.
 *
 * <pre>
 *   account trie: 0x00 | packed path | path length | hash
 *   storage trie: 0x01 | keccak(address) | packed path | path length | hash
 * </pre>
 *
 * Keying by position as well as hash means that two tries holding an identical subtree (two
 * contracts with the same storage) never share a stored node, so a node made stale in one trie can
 * be deleted without checking who else refers to it; it also keeps a subtree's nodes close together
 * on disk.
 */
final class NodeKeys {
  static final byte ACCOUNT_TRIE = 0;
  static final byte STORAGE_TRIE = 1;

  private NodeKeys() {}

  /** The key prefix of every node of one trie: the account trie when {@code owner} is null. */
  static byte[] ownerPrefix(byte[] owner) {
    if (owner == null) {
      return new byte[] {ACCOUNT_TRIE};
    }
    byte[] prefix = new byte[33];
    prefix[0] = STORAGE_TRIE;
    System.arraycopy(owner, 0, prefix, 1, 32);
    return prefix;
  }

  /** The key of the node at the first {@code depth} nibbles (one per byte) of {@code path}. */
  static byte[] nodeKey(byte[] ownerPrefix, byte[] path, int depth, Hash hash) {
    int packed = (depth + 1) / 2;
    byte[] key = new byte[ownerPrefix.length + packed + 1 + Hash.SIZE];
    System.arraycopy(ownerPrefix, 0, key, 0, ownerPrefix.length);
    int o = ownerPrefix.length;
    int i = 0;
    for (; i + 1 < depth; i += 2) {
      key[o++] = (byte) ((path[i] << 4) | path[i + 1]);
    }
    if (i < depth) {
      key[o++] = (byte) (path[i] << 4);
    }
    key[o++] = (byte) depth;
    hash.copyTo(key, o);
    return key;
  }

  /** Appends the key's length (one byte) and the key itself, as stale lists hold them. */
  static void writeNodeKey(
      GrowableBytes out, byte[] ownerPrefix, byte[] path, int depth, Hash hash) {
    int packed = (depth + 1) / 2;
    out.write(ownerPrefix.length + packed + 1 + Hash.SIZE);
    out.write(ownerPrefix, 0, ownerPrefix.length);
    int i = 0;
    for (; i + 1 < depth; i += 2) {
      out.write((path[i] << 4) | path[i + 1]);
    }
    if (i < depth) {
      out.write(path[i] << 4);
    }
    out.write(depth);
    out.write(hash);
  }

  static byte[] nodeKey(byte[] ownerPrefix, Bytes nibblePath, Hash hash) {
    int length = nibblePath.size();
    int packed = (length + 1) / 2;
    byte[] key = new byte[ownerPrefix.length + packed + 1 + Hash.SIZE];
    System.arraycopy(ownerPrefix, 0, key, 0, ownerPrefix.length);
    int o = ownerPrefix.length;
    for (int i = 0; i < length; i++) {
      int nibble = nibblePath.get(i);
      if ((i & 1) == 0) {
        key[o + i / 2] = (byte) (nibble << 4);
      } else {
        key[o + i / 2] |= (byte) nibble;
      }
    }
    o += packed;
    key[o++] = (byte) length;
    hash.copyTo(key, o);
    return key;
  }
}
