package org.distli.chain.block;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.chain.transaction.Transaction;
import org.distli.primitives.Hash;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/**
 * A block: its header and body, encoded as [header, transactions, ommers, withdrawals?]. Immutable;
 * the encoding is computed once (or kept from decoding).
 */
public final class Block {
  private final BlockHeader header;
  private final BlockBody body;
  private volatile byte[] encoded;

  public Block(BlockHeader header, BlockBody body) {
    this(header, body, null);
  }

  private Block(BlockHeader header, BlockBody body, byte[] encoded) {
    this.header = header;
    this.body = body;
    this.encoded = encoded;
  }

  public BlockHeader header() {
    return header;
  }

  public BlockBody body() {
    return body;
  }

  public Hash hash() {
    return header.hash();
  }

  public long number() {
    return header.number();
  }

  public List<Transaction> transactions() {
    return body.transactions();
  }

  public Bytes encoded() {
    return Bytes.wrap(rlp());
  }

  /** The size of the encoding in bytes (what {@code eth_getBlockByNumber} reports as size). */
  public int size() {
    return rlp().length;
  }

  public void writeTo(RlpWriter w) {
    w.writeRaw(rlp());
  }

  private byte[] rlp() {
    byte[] e = encoded;
    if (e == null) {
      RlpWriter w = new RlpWriter(1024 + 128 * body.transactions().size());
      w.startList();
      header.writeTo(w);
      body.writeItems(w);
      w.endList();
      e = w.toByteArray();
      encoded = e;
    }
    return e;
  }

  /**
   * Decodes one block; the input must hold exactly one.
   *
   * @throws org.distli.rlp.RlpException for non-canonical or malformed input
   * @throws org.distli.chain.transaction.InvalidTransactionException for an unknown transaction
   *     type
   */
  public static Block decode(Bytes rlp) {
    RlpReader r = RlpReader.of(rlp);
    Block block = readFrom(r);
    r.expectEnd("block");
    return block;
  }

  /** Reads the next block from a stream of concatenated blocks (go-ethereum's export format). */
  public static Block readFrom(RlpReader r) {
    byte[] raw = r.readRaw("block");
    RlpReader inner = RlpReader.of(raw);
    inner.enterList("block");
    BlockHeader header = BlockHeader.readFrom(inner);
    BlockBody body = BlockBody.readItems(inner);
    inner.exitList("block");
    // strict decoding accepted only the canonical encoding, so the input is the encoding
    return new Block(header, body, raw);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Block that && hash().equals(that.hash()) && body.equals(that.body);
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "Block[#" + header.number() + " " + hash() + ", " + body.transactions().size() + " txs]";
  }
}
