package org.distli.rpc.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.distli.chain.block.Bloom;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Log;
import org.distli.rpc.jsonrpc.BlockParameter;
import org.distli.rpc.jsonrpc.ParamDecoder;
import org.distli.rpc.jsonrpc.ParamException;

/**
 * The criteria of eth_getLogs, eth_newFilter and "logs" subscriptions: a block range or one block
 * hash, addresses (any of them), and topics by position, where null matches anything and a list
 * matches any of its entries.
 *
 * @param addresses empty for any address
 * @param topics per position: null for a wildcard, else the accepted values
 */
public record LogFilter(
    BlockParameter fromBlock,
    BlockParameter toBlock,
    Hash blockHash,
    List<Address> addresses,
    List<List<Hash>> topics) {

  /** go-ethereum's limit: a log has at most four topics. */
  public static final int MAX_TOPICS = 4;

  public LogFilter {
    addresses = List.copyOf(addresses);
    List<List<Hash>> copy = new ArrayList<>(topics.size());
    for (List<Hash> position : topics) {
      copy.add(position == null ? null : List.copyOf(position));
    }
    topics = java.util.Collections.unmodifiableList(copy);
  }

  /** Decodes go-ethereum's FilterCriteria JSON; failures name the problem as geth does. */
  public static LogFilter decode(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ParamException(
          "json: cannot unmarshal non-object into Go value of type filters.FilterCriteria");
    }
    Hash blockHash = null;
    BlockParameter from = null;
    BlockParameter to = null;
    if (present(node, "blockHash")) {
      blockHash = ParamDecoder.hash(node.get("blockHash"));
      if (present(node, "fromBlock") || present(node, "toBlock")) {
        throw new ParamException(
            "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
      }
    } else {
      from = present(node, "fromBlock") ? BlockParameter.decodeNumber(node.get("fromBlock")) : null;
      to = present(node, "toBlock") ? BlockParameter.decodeNumber(node.get("toBlock")) : null;
    }
    return new LogFilter(
        from,
        to,
        blockHash,
        decodeAddresses(node.get("address")),
        decodeTopics(node.get("topics")));
  }

  private static boolean present(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  private static List<Address> decodeAddresses(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(decodeAddress(node));
    }
    if (!node.isArray()) {
      throw new ParamException("invalid addresses in query");
    }
    List<Address> addresses = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      addresses.add(decodeAddress(item));
    }
    return addresses;
  }

  private static Address decodeAddress(JsonNode node) {
    try {
      return ParamDecoder.address(node);
    } catch (ParamException e) {
      throw new ParamException("invalid address: " + e.getMessage());
    }
  }

  private static List<List<Hash>> decodeTopics(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new ParamException("invalid topic(s)");
    }
    if (node.size() > MAX_TOPICS) {
      throw new ParamException("exceed max topics");
    }
    List<List<Hash>> topics = new ArrayList<>(node.size());
    for (JsonNode position : node) {
      if (position == null || position.isNull()) {
        topics.add(null);
      } else if (position.isTextual()) {
        topics.add(List.of(decodeTopic(position)));
      } else if (position.isArray()) {
        List<Hash> alternatives = new ArrayList<>(position.size());
        boolean wildcard = false;
        for (JsonNode item : position) {
          if (item == null || item.isNull()) {
            // A null among alternatives accepts anything at this position, as in go-ethereum.
            wildcard = true;
          } else {
            alternatives.add(decodeTopic(item));
          }
        }
        topics.add(wildcard ? null : alternatives);
      } else {
        throw new ParamException("invalid topic(s)");
      }
    }
    return topics;
  }

  private static Hash decodeTopic(JsonNode node) {
    try {
      return ParamDecoder.hash(node);
    } catch (ParamException e) {
      throw new ParamException("invalid topic(s)");
    }
  }

  /** Whether {@code log} satisfies the address and topic criteria. */
  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      List<Hash> accepted = topics.get(i);
      if (accepted != null && !accepted.isEmpty() && !accepted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** False when the block's bloom rules out every matching log, so its receipts can be skipped. */
  public boolean mightMatch(Bloom bloom) {
    if (!addresses.isEmpty()) {
      boolean any = false;
      for (Address address : addresses) {
        if (bloom.mightContain(address)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    for (List<Hash> accepted : topics) {
      if (accepted == null || accepted.isEmpty()) {
        continue;
      }
      boolean any = false;
      for (Hash topic : accepted) {
        if (bloom.mightContain(topic)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }
}
