package org.distli.chain.block;

import java.util.Arrays;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;

/**
 * The 2048-bit logs bloom of receipts and headers: each log's address and topics set three bits
 * chosen by their keccak256. Immutable; {@link Builder} accumulates one.
 */
public final class Bloom {
  public static final int SIZE = 256;
  public static final Bloom EMPTY = new Bloom(new byte[SIZE]);

  private final byte[] bits;

  private Bloom(byte[] bits) {
    this.bits = bits;
  }

  public static Bloom of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("bloom must be 256 bytes, got " + bytes.length);
    }
    return new Bloom(bytes.clone());
  }

  /** Takes ownership of {@code bytes} (256 of them); the caller must not modify them afterwards. */
  static Bloom wrap(byte[] bytes) {
    return new Bloom(bytes);
  }

  public static Bloom of(Bytes bytes) {
    return of(bytes.toArrayUnsafe());
  }

  /** The bloom of a receipt's logs. */
  public static Bloom fromLogs(List<Log> logs) {
    if (logs.isEmpty()) {
      return EMPTY;
    }
    Builder builder = new Builder();
    for (Log log : logs) {
      builder.add(log);
    }
    return builder.build();
  }

  /** Whether the address may have logged here; false means it certainly did not. */
  public boolean mightContain(Address address) {
    return mightContain(Keccak256.digest(address.toArray()));
  }

  /** Whether the topic may appear here; false means it certainly does not. */
  public boolean mightContain(Hash topic) {
    return mightContain(Keccak256.digest(topic.toArray()));
  }

  /** Whether every bit set in {@code other} is set here. */
  public boolean contains(Bloom other) {
    for (int i = 0; i < SIZE; i++) {
      if ((bits[i] & other.bits[i]) != other.bits[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean mightContain(byte[] digest) {
    for (int i = 0; i < 6; i += 2) {
      int bit = ((digest[i] & 0xff) << 8 | (digest[i + 1] & 0xff)) & 2047;
      if ((bits[SIZE - 1 - bit / 8] & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return equals(EMPTY);
  }

  public Bytes toBytes() {
    return Bytes.wrap(bits);
  }

  byte[] array() {
    return bits;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bloom that && Arrays.equals(bits, that.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return toBytes().toHexString();
  }

  /** Accumulates logs (or whole blooms) into a bloom. Not thread-safe. */
  public static final class Builder {
    private final byte[] bits = new byte[SIZE];
    private boolean built;

    public Builder add(Log log) {
      add(Keccak256.digest(log.address().toArray()));
      for (Hash topic : log.topics()) {
        add(Keccak256.digest(topic.toArray()));
      }
      return this;
    }

    public Builder add(Address address) {
      add(Keccak256.digest(address.toArray()));
      return this;
    }

    public Builder add(Hash topic) {
      add(Keccak256.digest(topic.toArray()));
      return this;
    }

    /** Merges another bloom (a block's bloom is the union of its receipts'). */
    public Builder or(Bloom bloom) {
      if (bloom != EMPTY) {
        for (int i = 0; i < SIZE; i++) {
          bits[i] |= bloom.bits[i];
        }
      }
      return this;
    }

    private void add(byte[] digest) {
      for (int i = 0; i < 6; i += 2) {
        int bit = ((digest[i] & 0xff) << 8 | (digest[i + 1] & 0xff)) & 2047;
        bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
      }
    }

    public Bloom build() {
      if (built) {
        throw new IllegalStateException("build() called twice");
      }
      built = true;
      return new Bloom(bits);
    }
  }
}
