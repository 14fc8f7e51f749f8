package org.distli.rlp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads consecutive top-level RLP items from a stream (go-ethereum's chain export: blocks one after
 * another), one complete item at a time, without holding the whole stream in memory.
 */
public final class RlpItemStream {
  /** The largest item accepted: no block comes near it. */
  public static final int MAX_ITEM_SIZE = 256 << 20;

  private final InputStream in;

  public RlpItemStream(InputStream in) {
    this.in = in;
  }

  /**
   * The next item's complete encoding, or null at the end of the stream.
   *
   * @throws RlpException when the stream ends inside an item or an item is impossibly large
   */
  public byte[] next() throws IOException {
    int prefix = in.read();
    if (prefix < 0) {
      return null;
    }
    int headerSize;
    long contentLength;
    if (prefix < 0x80) {
      return new byte[] {(byte) prefix};
    } else if (prefix <= 0xb7) {
      headerSize = 1;
      contentLength = prefix - 0x80;
    } else if (prefix <= 0xbf) {
      headerSize = 1 + prefix - 0xb7;
      contentLength = -1;
    } else if (prefix <= 0xf7) {
      headerSize = 1;
      contentLength = prefix - 0xc0;
    } else {
      headerSize = 1 + prefix - 0xf7;
      contentLength = -1;
    }
    byte[] header = new byte[headerSize];
    header[0] = (byte) prefix;
    readFully(header, 1, headerSize - 1);
    if (contentLength < 0) {
      contentLength = 0;
      for (int i = 1; i < headerSize; i++) {
        contentLength = (contentLength << 8) | (header[i] & 0xff);
      }
    }
    if (contentLength + headerSize > MAX_ITEM_SIZE) {
      throw new RlpException(
          "item of " + contentLength + " bytes exceeds the limit of " + MAX_ITEM_SIZE);
    }
    byte[] item = new byte[headerSize + (int) contentLength];
    System.arraycopy(header, 0, item, 0, headerSize);
    readFully(item, headerSize, (int) contentLength);
    return item;
  }

  private void readFully(byte[] target, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = in.read(target, offset + done, length - done);
      if (n < 0) {
        throw new RlpException("unexpected end of input inside an item", new EOFException());
      }
      done += n;
    }
  }
}
