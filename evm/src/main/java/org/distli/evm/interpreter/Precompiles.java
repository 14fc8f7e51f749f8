package org.distli.evm.interpreter;

import java.util.List;
import java.util.Map;
import org.distli.evm.precompile.Precompile;
import org.distli.primitives.Address;

/** The precompiled contracts in force: lookup by address, and the addresses EIP-2929 warms. */
public final class Precompiles {
  public static final Precompiles NONE = new Precompiles(Map.of());

  private final Map<Address, Precompile> byAddress;
  private final List<Address> addresses;

  public Precompiles(Map<Address, Precompile> byAddress) {
    this.byAddress = Map.copyOf(byAddress);
    this.addresses = List.copyOf(byAddress.keySet());
  }

  /** The precompile at {@code address}, or null. */
  public Precompile get(Address address) {
    return byAddress.isEmpty() ? null : byAddress.get(address);
  }

  public List<Address> addresses() {
    return addresses;
  }
}
