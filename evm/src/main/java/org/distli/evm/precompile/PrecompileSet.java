package org.distli.evm.precompile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.distli.evm.Fork;
import org.distli.primitives.Address;

/**
 * The precompiled contracts of one fork, by address. Built from {@link #UPGRADES}: a fork has the
 * contracts of every upgrade at or before it, a later entry at the same address replacing an
 * earlier one (a repricing). Adding a fork's precompiles means adding its entries to that list.
 *
 * <p>Lookups run on every call to an address, so they cost a few byte comparisons: precompiles live
 * at small addresses and are kept in an array indexed by the address's low bytes.
 */
public final class PrecompileSet {
  /** One EIP's change: from {@code fork} on, {@code number} holds {@code contract}. */
  private record Upgrade(Fork fork, int number, Precompile contract) {}

  private static final List<Upgrade> UPGRADES =
      List.of(
          // Frontier: the four original contracts.
          new Upgrade(Fork.FRONTIER, 0x01, new EcRecover()),
          new Upgrade(Fork.FRONTIER, 0x02, new Sha256Hash()),
          new Upgrade(Fork.FRONTIER, 0x03, new Ripemd160Hash()),
          new Upgrade(Fork.FRONTIER, 0x04, new Identity()),
          // EIP-198: big-integer modular exponentiation.
          new Upgrade(Fork.BYZANTIUM, 0x05, new ModExp(ModExp.EIP_198)),
          // EIP-196 and EIP-197: alt_bn128 addition, scalar multiplication and pairing check.
          new Upgrade(Fork.BYZANTIUM, 0x06, Bn254Add.BYZANTIUM),
          new Upgrade(Fork.BYZANTIUM, 0x07, Bn254Mul.BYZANTIUM),
          new Upgrade(Fork.BYZANTIUM, 0x08, Bn254Pairing.BYZANTIUM),
          // EIP-1108: alt_bn128 repriced.
          new Upgrade(Fork.ISTANBUL, 0x06, Bn254Add.ISTANBUL),
          new Upgrade(Fork.ISTANBUL, 0x07, Bn254Mul.ISTANBUL),
          new Upgrade(Fork.ISTANBUL, 0x08, Bn254Pairing.ISTANBUL),
          // EIP-152: BLAKE2b compression.
          new Upgrade(Fork.ISTANBUL, 0x09, new Blake2f()),
          // EIP-2565: modexp repriced.
          new Upgrade(Fork.BERLIN, 0x05, new ModExp(ModExp.EIP_2565)),
          // EIP-4844: KZG point evaluation.
          new Upgrade(Fork.CANCUN, 0x0a, new PointEvaluation()));

  private static final Map<Fork, PrecompileSet> BY_FORK = buildAll();

  private final Precompile[] byNumber;
  private final List<Address> addresses;

  private PrecompileSet(Precompile[] byNumber) {
    this.byNumber = byNumber;
    List<Address> list = new ArrayList<>();
    for (int number = 0; number < byNumber.length; number++) {
      if (byNumber[number] != null) {
        list.add(address(number));
      }
    }
    this.addresses = Collections.unmodifiableList(list);
  }

  /** The precompiles active at {@code fork}. */
  public static PrecompileSet forFork(Fork fork) {
    return BY_FORK.get(fork);
  }

  /** The precompile at {@code address}, or null when there is none. */
  public Precompile get(Address address) {
    for (int i = 0; i < Address.SIZE - 2; i++) {
      if (address.get(i) != 0) {
        return null;
      }
    }
    int number =
        ((address.get(Address.SIZE - 2) & 0xff) << 8) | (address.get(Address.SIZE - 1) & 0xff);
    return number < byNumber.length ? byNumber[number] : null;
  }

  public boolean contains(Address address) {
    return get(address) != null;
  }

  /** The addresses of the active precompiles in ascending order (warm from the start, EIP-2929). */
  public List<Address> addresses() {
    return addresses;
  }

  /** The address {@code 0x00..00NN} of precompile number {@code number}. */
  public static Address address(int number) {
    byte[] bytes = new byte[Address.SIZE];
    bytes[Address.SIZE - 2] = (byte) (number >>> 8);
    bytes[Address.SIZE - 1] = (byte) number;
    return Address.of(bytes);
  }

  private static Map<Fork, PrecompileSet> buildAll() {
    int size = 0;
    for (Upgrade upgrade : UPGRADES) {
      if (upgrade.number() < 1 || upgrade.number() > 0xffff) {
        throw new IllegalStateException("precompile number out of range: " + upgrade.number());
      }
      size = Math.max(size, upgrade.number() + 1);
    }
    Map<Fork, PrecompileSet> sets = new EnumMap<>(Fork.class);
    for (Fork fork : Fork.values()) {
      Precompile[] byNumber = new Precompile[size];
      int highest = 0;
      for (Upgrade upgrade : UPGRADES) {
        if (fork.isAtLeast(upgrade.fork())) {
          byNumber[upgrade.number()] = upgrade.contract();
          highest = Math.max(highest, upgrade.number());
        }
      }
      Precompile[] trimmed = new Precompile[highest + 1];
      System.arraycopy(byNumber, 0, trimmed, 0, highest + 1);
      sets.put(fork, new PrecompileSet(trimmed));
    }
    return sets;
  }
}
