package org.distli.genesis;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Wei;

/** An account of the initial state: balance, nonce, code and storage. */
public record GenesisAccount(
    Wei balance, long nonce, Bytes code, NavigableMap<UInt256, UInt256> storage) {
  public GenesisAccount {
    storage = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(storage));
  }

  public static GenesisAccount funded(Wei balance) {
    return new GenesisAccount(balance, 0, Bytes.EMPTY, new TreeMap<>());
  }

  public static GenesisAccount contract(Bytes code, Map<UInt256, UInt256> storage) {
    return new GenesisAccount(Wei.ZERO, 1, code, new TreeMap<>(storage));
  }
}
