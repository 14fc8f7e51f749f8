package org.distli.primitives;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPWriter;

/** An event emitted by LOG0..LOG4: the emitting contract, up to four topics and opaque data. */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
  }

  /** RLP as in receipts: [address, [topic, ...], data]. */
  public void writeTo(RLPWriter writer) {
    writer.writeList(
        log -> {
          log.writeValue(address.toBytes());
          log.writeList(
              topicList -> {
                for (Hash topic : topics) {
                  topicList.writeValue(topic.toBytes());
                }
              });
          log.writeValue(data);
        });
  }
}
