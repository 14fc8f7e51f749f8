package org.distli.chain.block;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.transaction.TransactionType;
import org.distli.primitives.Log;
import org.distli.rlp.RlpException;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * The consensus receipt of one transaction (post-Byzantium: a status, not a state root).
 *
 * <p>Encoded like its transaction (EIP-2718): a legacy receipt is the RLP list [status,
 * cumulativeGasUsed, logsBloom, logs]; a typed receipt is the type byte followed by that list. The
 * receipts trie holds these binary forms.
 *
 * @param type the type of the transaction it belongs to
 * @param success status 1 (success) or 0 (failure or revert)
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 * @param logsBloom the bloom of {@code logs}
 */
public record Receipt(
    TransactionType type,
    boolean success,
    long cumulativeGasUsed,
    Bloom logsBloom,
    List<Log> logs) {
  public Receipt {
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from its logs. */
  public static Receipt of(
      TransactionType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, Bloom.fromLogs(logs), logs);
  }

  /** The binary form (EIP-2718), as hashed into the receipts root. */
  public byte[] encoded() {
    RlpWriter w = new RlpWriter(300 + 100 * logs.size());
    if (type.isTyped()) {
      w.writeByteUnframed(type.typeByte());
    }
    w.startList();
    w.writeLong(success ? 1 : 0);
    w.writeLong(cumulativeGasUsed);
    w.writeBytes(logsBloom.array());
    Log.writeList(w, logs);
    w.endList();
    return w.toByteArray();
  }

  /** Decodes the binary form. */
  public static Receipt decode(Bytes binary) {
    byte[] bytes = binary.toArrayUnsafe();
    if (bytes.length == 0) {
      throw new RlpException("empty receipt");
    }
    TransactionType type = TransactionType.LEGACY;
    int offset = 0;
    if ((bytes[0] & 0xff) < 0x80) {
      type =
          TransactionType.fromTypeByte(bytes[0] & 0xff)
              .orElseThrow(() -> new RlpException("unknown receipt type " + (bytes[0] & 0xff)));
      offset = 1;
    }
    RlpReader r = RlpReader.of(bytes, offset, bytes.length - offset);
    r.enterList("receipt");
    boolean success = readStatus(r);
    long cumulativeGasUsed = r.readLong("cumulativeGasUsed");
    Bloom bloom = Bloom.wrap(r.readFixed("logsBloom", Bloom.SIZE));
    List<Log> logs = Log.readList(r);
    r.exitList("receipt");
    r.expectEnd("receipt");
    return new Receipt(type, success, cumulativeGasUsed, bloom, logs);
  }

  private static boolean readStatus(RlpReader r) {
    long status = r.readLong("status");
    if (status != 0 && status != 1) {
      throw new RlpException("receipt status must be 0 or 1, got " + status);
    }
    return status == 1;
  }
}
