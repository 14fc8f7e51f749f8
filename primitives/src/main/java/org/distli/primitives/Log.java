package org.distli.primitives;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.distli.rlp.RlpReader;
import org.distli.rlp.RlpWriter;

/** An event emitted by LOG0..LOG4: the emitting contract, up to four topics and opaque data. */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
  }

  /** RLP as in receipts: [address, [topic, ...], data]. */
  public void writeTo(RlpWriter w) {
    w.startList();
    w.writeAddress(address);
    w.startList();
    for (Hash topic : topics) {
      w.writeHash(topic);
    }
    w.endList();
    w.writeBytes(data);
    w.endList();
  }

  /** Reads what {@link #writeTo} writes. */
  public static Log readFrom(RlpReader r) {
    r.enterList("log");
    Address address = r.readAddress("log address");
    r.enterList("log topics");
    List<Hash> topics = new ArrayList<>(4);
    while (r.hasNext()) {
      topics.add(r.readHash("log topic"));
    }
    r.exitList("log topics");
    Bytes data = r.readValue("log data");
    r.exitList("log");
    return new Log(address, topics, data);
  }

  /** A list of logs as receipts carry it: [[address, [topics...], data], ...]. */
  public static void writeList(RlpWriter w, List<Log> logs) {
    w.startList();
    for (Log log : logs) {
      log.writeTo(w);
    }
    w.endList();
  }

  /** Reads what {@link #writeList} writes. */
  public static List<Log> readList(RlpReader r) {
    r.enterList("logs");
    List<Log> logs = new ArrayList<>();
    while (r.hasNext()) {
      logs.add(readFrom(r));
    }
    r.exitList("logs");
    return logs;
  }
}
