package org.distli.trading;

import java.util.NavigableMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;

/**
 * A contract account that exists from genesis: its runtime code and the storage its constructor
 * (and setup calls) would have left. As genesis accounts they get nonce 1, as EIP-161 gives a
 * created contract.
 *
 * @param name what {@code GET /api/contracts} calls it
 * @param contract the artifact it runs ({@link ContractArtifact#ORDER_BOOK}, ...)
 * @param storage the non-zero slots
 */
public record PredeployedContract(
    String name,
    String contract,
    Address address,
    Bytes code,
    NavigableMap<UInt256, UInt256> storage) {

  public KnownContract toKnownContract() {
    return new KnownContract(name, contract, address);
  }
}
