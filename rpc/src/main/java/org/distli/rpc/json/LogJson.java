package org.distli.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.rpc.jsonrpc.JsonWritable;

/**
 * A log with its position in the chain, as eth_getLogs, receipts and "logs" subscriptions return
 * it; {@code removed} is true when a reorganisation took its block out of the chain.
 */
public record LogJson(
    Log log,
    Hash blockHash,
    long blockNumber,
    long blockTimestamp,
    Hash transactionHash,
    int transactionIndex,
    int logIndex,
    boolean removed)
    implements JsonWritable {

  @Override
  public void writeJson(JsonGenerator out) throws IOException {
    out.writeStartObject();
    Fields.address(out, "address", log.address());
    out.writeArrayFieldStart("topics");
    for (Hash topic : log.topics()) {
      out.writeString(topic.toHexString());
    }
    out.writeEndArray();
    Fields.data(out, "data", log.data());
    Fields.quantity(out, "blockNumber", blockNumber);
    Fields.hash(out, "transactionHash", transactionHash);
    Fields.quantity(out, "transactionIndex", transactionIndex);
    Fields.hash(out, "blockHash", blockHash);
    Fields.quantity(out, "blockTimestamp", blockTimestamp);
    Fields.quantity(out, "logIndex", logIndex);
    out.writeBooleanField("removed", removed);
    out.writeEndObject();
  }

  public LogJson asRemoved() {
    return new LogJson(
        log,
        blockHash,
        blockNumber,
        blockTimestamp,
        transactionHash,
        transactionIndex,
        logIndex,
        true);
  }
}
