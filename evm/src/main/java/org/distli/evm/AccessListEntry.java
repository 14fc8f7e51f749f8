package org.distli.evm;

import java.util.List;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/** One entry of an EIP-2930 access list: an address and storage keys to warm. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }
}
