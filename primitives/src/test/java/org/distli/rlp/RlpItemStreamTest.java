package org.distli.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RlpItemStreamTest {
  @Test
  void readsConcatenatedItemsOneByOne() throws IOException {
    byte[] small = new RlpWriter().startList().writeLong(1).endList().toByteArray();
    byte[] large = new RlpWriter().startList().writeBytes(new byte[300]).endList().toByteArray();
    ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
    concatenated.write(large);
    concatenated.write(small);
    concatenated.write(large);
    RlpItemStream stream = new RlpItemStream(new ByteArrayInputStream(concatenated.toByteArray()));
    assertArrayEquals(large, stream.next());
    assertArrayEquals(small, stream.next());
    assertArrayEquals(large, stream.next());
    assertNull(stream.next());
  }

  @Test
  void aTruncatedItemIsAnError() {
    byte[] large = new RlpWriter().startList().writeBytes(new byte[300]).endList().toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(large, large.length - 1);
    RlpItemStream stream = new RlpItemStream(new ByteArrayInputStream(truncated));
    assertThrows(RlpException.class, stream::next);
  }
}
