package org.distli.evm.interpreter;

import java.util.ArrayList;
import java.util.List;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;

/** LOG0..LOG4. */
final class LogOps {
  private LogOps() {}

  static long log(Frame f, long[] s, int sp, long gas, int topicCount) {
    if (f.isStatic) {
      return Interpreter.WRITE_PROTECTION;
    }
    long offset = U256.clampedLong(s, sp - 4);
    long length = U256.clampedLong(s, sp - 8);
    if (length > Gas.MAX_MEMORY) {
      return Interpreter.OUT_OF_GAS;
    }
    gas -= Gas.LOG_DATA_BYTE * length;
    if (gas < 0) {
      return Interpreter.OUT_OF_GAS;
    }
    gas = f.expand(gas, offset, length);
    if (gas < 0) {
      return gas;
    }
    List<Hash> topics = new ArrayList<>(topicCount);
    for (int k = 0; k < topicCount; k++) {
      topics.add(Words.toHash(s, sp - 12 - 4 * k));
    }
    byte[] data = f.memoryCopy(offset, length);
    f.evm.addLog(new Log(f.address, topics, Words.wrap(data)));
    return gas;
  }
}
