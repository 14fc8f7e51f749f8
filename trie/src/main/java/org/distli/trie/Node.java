package org.distli.trie;

import java.util.Arrays;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Hash;
import org.distli.rlp.Rlp;

/**
 * A trie node (Yellow Paper, appendix D). Nodes are immutable once built: an update builds new
 * nodes along the changed path and shares every untouched subtree, so a root node is a snapshot
 * that readers may keep while the writer moves on. The RLP encoding and hash are computed once,
 * lazily.
 *
 * <p>A parent refers to a child by its encoding when that is under 32 bytes (the child is inlined)
 * and by its keccak hash otherwise; a {@link Ref} stands for a hashed child not loaded yet.
 */
abstract sealed class Node permits Node.Leaf, Node.Extension, Node.Branch, Node.Ref {
  private byte[] rlp;
  private Hash hash;

  /**
   * The store holds this node at the position it was reached from: true for nodes loaded by hash
   * and for nodes written by a commit. Replacing a stored node makes it stale.
   */
  boolean stored;

  abstract byte[] encode();

  byte[] rlp() {
    byte[] encoded = rlp;
    if (encoded == null) {
      encoded = encode();
      rlp = encoded;
    }
    return encoded;
  }

  Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Keccak256.hash(rlp());
      hash = h;
    }
    return h;
  }

  /**
   * Roughly the heap this decoded node occupies with its encoding, for sizing the node cache: a
   * branch of sixteen hashed children is about 2 KB, much more than its 532-byte encoding.
   */
  int memorySize() {
    int size = 64 + rlp().length;
    switch (this) {
      case Leaf leaf -> size += 32 + leaf.path.length + leaf.value.length;
      case Extension extension -> size += 32 + extension.path.length + childSize(extension.child);
      case Branch branch -> {
        size += 8;
        Node[] children = branch.children;
        if (children != null) {
          size += 80;
          for (Node child : children) {
            size += childSize(child);
          }
        }
      }
      case Ref ref -> size += 0;
    }
    return size;
  }

  private static int childSize(Node child) {
    if (child == null) {
      return 0;
    }
    return child instanceof Ref ? 96 : child.memorySize();
  }

  /** Whether a parent refers to this node by hash (encoding of 32 bytes or more). */
  boolean isHashed() {
    return rlp().length >= 32;
  }

  int refLength() {
    int length = rlp().length;
    return length < 32 ? length : 33;
  }

  int writeRef(byte[] out, int offset) {
    byte[] encoded = rlp();
    if (encoded.length < 32) {
      System.arraycopy(encoded, 0, out, offset, encoded.length);
      return offset + encoded.length;
    }
    out[offset] = (byte) (Rlp.STRING + Hash.SIZE);
    hash().copyTo(out, offset + 1);
    return offset + 33;
  }

  final Node withEncoding(byte[] encoded, Hash knownHash) {
    this.rlp = encoded;
    this.hash = knownHash;
    return this;
  }

  /**
   * This node as it would decode from its stored encoding: hashed children become {@link Ref}s, so
   * a cached node does not keep a whole generation of resolved nodes reachable.
   */
  abstract Node detached();

  static Node refTo(Node child) {
    return child == null || child instanceof Ref || !child.isHashed()
        ? child
        : new Ref(child.hash());
  }

  // ---- node kinds

  static final class Leaf extends Node {
    final byte[] path;
    final byte[] value;

    Leaf(byte[] path, byte[] value) {
      this.path = path;
      this.value = value;
    }

    @Override
    byte[] encode() {
      int hpLength = Nibbles.hexPrefixLength(path.length);
      int pathItem = hpLength == 1 ? 1 : Rlp.headerLength(hpLength) + hpLength;
      int payload = pathItem + Rlp.stringLength(value);
      byte[] out = new byte[Rlp.headerLength(payload) + payload];
      int o = Rlp.writeListHeader(payload, out, 0);
      if (hpLength > 1) {
        o = Rlp.writeHeader(0x80, hpLength, out, o);
      }
      Nibbles.writeHexPrefix(path, true, out, o);
      o += hpLength;
      Rlp.writeString(value, out, o);
      return out;
    }

    @Override
    Node detached() {
      return this;
    }
  }

  static final class Extension extends Node {
    final byte[] path;
    // Not final only so that a commit can replace a new extension's written child by its hash
    // reference (same encoding), see MerklePatriciaTrie#retainLevels.
    Node child;

    Extension(byte[] path, Node child) {
      this.path = path;
      this.child = child;
    }

    @Override
    byte[] encode() {
      int hpLength = Nibbles.hexPrefixLength(path.length);
      int pathItem = hpLength == 1 ? 1 : Rlp.headerLength(hpLength) + hpLength;
      int payload = pathItem + child.refLength();
      byte[] out = new byte[Rlp.headerLength(payload) + payload];
      int o = Rlp.writeListHeader(payload, out, 0);
      if (hpLength > 1) {
        o = Rlp.writeHeader(0x80, hpLength, out, o);
      }
      Nibbles.writeHexPrefix(path, false, out, o);
      o += hpLength;
      child.writeRef(out, o);
      return out;
    }

    @Override
    Node detached() {
      Node ref = refTo(child);
      if (ref == child) {
        return this;
      }
      Extension copy = new Extension(path, ref);
      copy.withEncoding(rlp(), hash());
      copy.stored = true;
      return copy;
    }
  }

  /**
   * A branch. New branches hold their children as nodes; stored ones are usually compact: no
   * children array, each child read from the encoding when asked for (a {@link Ref} made on the
   * spot, or an inlined node decoded). A cached branch is then two objects and its encoding rather
   * than fifty-odd small objects, which is what the node cache and the garbage collector pay for.
   */
  static final class Branch extends Node {
    // Null when compact. A commit may compact a new branch once its children are written (see
    // MerklePatriciaTrie#retainLevels); the children it stands for do not change.
    Node[] children;
    final byte[] value;

    Branch(Node[] children, byte[] value) {
      this.children = children;
      this.value = value;
    }

    /** A compact branch of a known encoding. */
    static Branch compact(byte[] encoded, Hash hash, byte[] value) {
      Branch branch = new Branch(null, value);
      branch.withEncoding(encoded, hash);
      return branch;
    }

    /** The child at {@code nibble}: a node, a {@link Ref}, or null. */
    Node child(int nibble) {
      Node[] nodes = children;
      return nodes != null ? nodes[nibble] : childFromEncoding(nibble);
    }

    /** The sixteen children as a new array the caller may change. */
    Node[] childrenCopy() {
      Node[] nodes = children;
      if (nodes != null) {
        return nodes.clone();
      }
      Node[] copy = new Node[16];
      byte[] in = rlp();
      int o = Rlp.payloadOffset(Rlp.item(in, 0, in.length));
      for (int i = 0; i < 16; i++) {
        long item = Rlp.item(in, o, in.length);
        copy[i] = Node.child(in, o, item);
        o = Rlp.payloadOffset(item) + Rlp.payloadLength(item);
      }
      return copy;
    }

    /** Drops the children array: they are read from the encoding from now on. */
    void compact() {
      rlp();
      children = null;
    }

    private Node childFromEncoding(int nibble) {
      byte[] in = rlp();
      // No value and 532 bytes: sixteen hashed children (an item is at most 33 bytes), each 33
      // bytes
      // after a 3-byte list header.
      if (value == null && in.length == FULL_BRANCH_LENGTH) {
        int o = 3 + 33 * nibble;
        return new Ref(in, o + 1);
      }
      int o = Rlp.payloadOffset(Rlp.item(in, 0, in.length));
      for (int i = 0; i < nibble; i++) {
        long item = Rlp.item(in, o, in.length);
        o = Rlp.payloadOffset(item) + Rlp.payloadLength(item);
      }
      return Node.child(in, o, Rlp.item(in, o, in.length));
    }

    private static final int FULL_BRANCH_LENGTH = 3 + 16 * 33 + 1;

    @Override
    byte[] encode() {
      int payload = value == null ? 1 : Rlp.stringLength(value);
      for (Node child : children) {
        payload += child == null ? 1 : child.refLength();
      }
      byte[] out = new byte[Rlp.headerLength(payload) + payload];
      int o = Rlp.writeListHeader(payload, out, 0);
      for (Node child : children) {
        if (child == null) {
          out[o++] = (byte) Rlp.STRING;
        } else {
          o = child.writeRef(out, o);
        }
      }
      if (value == null) {
        out[o] = (byte) Rlp.STRING;
      } else {
        Rlp.writeString(value, out, o);
      }
      return out;
    }

    @Override
    Node detached() {
      if (children == null) {
        return this;
      }
      Branch copy = compact(rlp(), hash(), value);
      copy.stored = true;
      return copy;
    }

    int childCount() {
      int count = 0;
      for (int i = 0; i < 16; i++) {
        if (child(i) != null) {
          count++;
        }
      }
      return count;
    }
  }

  /**
   * A hashed child that is in the store but not loaded. One read from a parent's encoding points
   * into it and makes its {@link Hash} only when asked: re-encoding a parent copies the unchanged
   * references without ever making them.
   */
  static final class Ref extends Node {
    private Hash target;
    private final byte[] source;
    private final int offset;

    Ref(Hash target) {
      this.target = target;
      this.source = null;
      this.offset = 0;
      this.stored = true;
    }

    /** The reference whose 32-byte hash is at {@code offset} in {@code source}. */
    Ref(byte[] source, int offset) {
      this.source = source;
      this.offset = offset;
      this.stored = true;
    }

    Hash target() {
      Hash made = target;
      if (made == null) {
        made = Hash.wrap(Arrays.copyOfRange(source, offset, offset + 32));
        target = made; // racing threads make equal hashes
      }
      return made;
    }

    @Override
    byte[] encode() {
      throw new IllegalStateException("a node reference has no encoding of its own");
    }

    @Override
    Hash hash() {
      return target();
    }

    @Override
    boolean isHashed() {
      return true;
    }

    @Override
    int refLength() {
      return 33;
    }

    @Override
    int writeRef(byte[] out, int offset) {
      out[offset] = (byte) (Rlp.STRING + Hash.SIZE);
      Hash made = target;
      if (made != null) {
        made.copyTo(out, offset + 1);
      } else {
        System.arraycopy(source, this.offset, out, offset + 1, 32);
      }
      return offset + 33;
    }

    @Override
    Node detached() {
      return this;
    }
  }

  // ---- decoding

  /** Decodes a stored node; its children come back as {@link Ref}s or inlined nodes. */
  static Node decode(byte[] encoded, Hash hash) {
    Node node = decode(encoded, 0, encoded.length);
    node.withEncoding(encoded, hash);
    return node;
  }

  private static Node decode(byte[] in, int offset, int end) {
    long list = Rlp.item(in, offset, end);
    if (!Rlp.isList(in, offset)) {
      throw new MalformedNodeException("trie node is not an RLP list");
    }
    int p = Rlp.payloadOffset(list);
    int listEnd = p + Rlp.payloadLength(list);
    if (listEnd != end) {
      throw new MalformedNodeException("trailing bytes after trie node");
    }
    long first = Rlp.item(in, p, listEnd);
    int firstEnd = Rlp.payloadOffset(first) + Rlp.payloadLength(first);
    if (firstEnd == listEnd) {
      throw new MalformedNodeException("trie node with one item");
    }
    long second = Rlp.item(in, firstEnd, listEnd);
    int secondEnd = Rlp.payloadOffset(second) + Rlp.payloadLength(second);
    if (secondEnd == listEnd) {
      if (Rlp.isList(in, p)) {
        throw new MalformedNodeException("trie node path is a list");
      }
      byte[] path = Nibbles.readHexPrefix(in, Rlp.payloadOffset(first), Rlp.payloadLength(first));
      if (Nibbles.isLeafFlag(in[Rlp.payloadOffset(first)])) {
        if (Rlp.isList(in, firstEnd)) {
          throw new MalformedNodeException("leaf value is a list");
        }
        return new Leaf(path, copy(in, second));
      }
      Node child = child(in, firstEnd, second);
      if (child == null || path.length == 0) {
        throw new MalformedNodeException("extension node without path or child");
      }
      return new Extension(path, child);
    }
    int o = p;
    for (int i = 0; i < 16; i++) {
      if (o >= listEnd) {
        throw new MalformedNodeException("branch node with fewer than 17 items");
      }
      long item = Rlp.item(in, o, listEnd);
      checkChild(in, o, item);
      o = Rlp.payloadOffset(item) + Rlp.payloadLength(item);
    }
    long valueItem = Rlp.item(in, o, listEnd);
    if (Rlp.isList(in, o)
        || Rlp.payloadOffset(valueItem) + Rlp.payloadLength(valueItem) != listEnd) {
      throw new MalformedNodeException("branch node is not 17 items with a string value");
    }
    byte[] value = Rlp.payloadLength(valueItem) == 0 ? null : copy(in, valueItem);
    if (offset == 0 && end == in.length) {
      return Branch.compact(in, null, value);
    }
    // An inlined branch: its own copy of the encoding, so that it can stay compact.
    byte[] own = Arrays.copyOfRange(in, offset, end);
    return Branch.compact(own, null, value);
  }

  /** Checks a child item of a branch the way {@link #child} would read it later. */
  private static void checkChild(byte[] in, int offset, long item) {
    int length = Rlp.payloadLength(item);
    if (Rlp.isList(in, offset)) {
      int end = Rlp.payloadOffset(item) + length;
      if (end - offset >= 32) {
        throw new MalformedNodeException("inlined child node of 32 bytes or more");
      }
      decode(in, offset, end);
      return;
    }
    if (length != 0 && length != 32) {
      throw new MalformedNodeException("child reference of " + length + " bytes");
    }
  }

  private static Node child(byte[] in, int offset, long item) {
    int payloadOffset = Rlp.payloadOffset(item);
    int length = Rlp.payloadLength(item);
    if (Rlp.isList(in, offset)) {
      int end = payloadOffset + length;
      Node inline = decode(in, offset, end);
      if (end - offset >= 32) {
        throw new MalformedNodeException("inlined child node of 32 bytes or more");
      }
      inline.withEncoding(Arrays.copyOfRange(in, offset, end), null);
      return inline;
    }
    if (length == 0) {
      return null;
    }
    if (length != 32) {
      throw new MalformedNodeException("child reference of " + length + " bytes");
    }
    return new Ref(in, payloadOffset);
  }

  private static byte[] copy(byte[] in, long item) {
    int offset = Rlp.payloadOffset(item);
    return Arrays.copyOfRange(in, offset, offset + Rlp.payloadLength(item));
  }
}
