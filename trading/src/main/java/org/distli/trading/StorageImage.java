package org.distli.trading;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Address;

/**
 * Contract storage computed the way solc lays it out, for accounts that exist from genesis without
 * their constructor having run: packed values, mapping entries, dynamic arrays and short strings.
 */
final class StorageImage {
  private final NavigableMap<UInt256, UInt256> slots = new TreeMap<>();

  /** Writes {@code value} into {@code size} bytes at byte {@code offset} (from the low end). */
  void put(UInt256 slot, int offset, int size, UInt256 value) {
    if (size < 32 && value.bitLength() > size * 8) {
      throw new IllegalArgumentException("value " + value + " does not fit in " + size + " bytes");
    }
    UInt256 shifted = value.shiftLeft(offset * 8);
    UInt256 mask = size == 32 ? UInt256.MAX_VALUE : UInt256.ONE.shiftLeft(size * 8).subtract(1);
    UInt256 word = slots.getOrDefault(slot, UInt256.ZERO).and(mask.shiftLeft(offset * 8).not());
    slots.put(slot, word.or(shifted));
  }

  void put(UInt256 slot, StorageLayout.Entry entry, UInt256 value) {
    put(slot.add(entry.slot()), entry.offset(), entry.numberOfBytes(), value);
  }

  void put(StorageLayout.Entry variable, UInt256 value) {
    put(UInt256.ZERO, variable, value);
  }

  UInt256 get(UInt256 slot) {
    return slots.getOrDefault(slot, UInt256.ZERO);
  }

  /** A string shorter than 32 bytes: its bytes left-aligned, the lowest byte twice its length. */
  void putShortString(StorageLayout.Entry variable, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 31) {
      throw new IllegalArgumentException("only strings under 32 bytes are stored inline: " + text);
    }
    byte[] word = new byte[32];
    System.arraycopy(utf8, 0, word, 0, utf8.length);
    word[31] = (byte) (utf8.length * 2);
    slots.put(variable.slot(), UInt256.fromBytes(Bytes32.wrap(word)));
  }

  /** The slot of {@code mapping[key]} for a mapping declared at {@code slot}. */
  static UInt256 mappingSlot(UInt256 slot, Address key) {
    return mappingSlot(slot, Bytes32.leftPad(key.toBytes()));
  }

  static UInt256 mappingSlot(UInt256 slot, Bytes32 key) {
    return UInt256.fromBytes(Keccak256.hash(Bytes.concatenate(key, slot.toBytes())).toBytes());
  }

  /** The slot of element {@code index} of a dynamic array declared at {@code slot}. */
  static UInt256 arrayElementSlot(UInt256 slot, long index) {
    return UInt256.fromBytes(Keccak256.hash(slot.toBytes()).toBytes()).add(index);
  }

  NavigableMap<UInt256, UInt256> toMap() {
    NavigableMap<UInt256, UInt256> nonZero = new TreeMap<>();
    slots.forEach(
        (slot, value) -> {
          if (!value.isZero()) {
            nonZero.put(slot, value);
          }
        });
    return Collections.unmodifiableNavigableMap(nonZero);
  }
}
