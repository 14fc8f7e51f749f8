package org.distli.rpc.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.chain.transaction.AccessListEntry;
import org.distli.evm.interpreter.Opcodes;
import org.distli.evm.tracing.FrameView;
import org.distli.evm.tracing.Tracer;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * Collects the accounts and storage slots a call touches, for eth_createAccessList (go-ethereum's
 * access-list tracer): slots of SLOAD and SSTORE, accounts of BALANCE, EXTCODE*, the CALL family
 * and SELFDESTRUCT, leaving out the sender, the recipient and the precompiles, which are warm
 * anyway (EIP-2929).
 */
public final class AccessListTracer implements Tracer {
  private final Set<Address> excluded;
  private final Map<Address, Set<Hash>> touched = new LinkedHashMap<>();

  public AccessListTracer(List<AccessListEntry> start, Set<Address> excluded) {
    this.excluded = excluded;
    for (AccessListEntry entry : start) {
      touched
          .computeIfAbsent(entry.address(), a -> new LinkedHashSet<>())
          .addAll(entry.storageKeys());
    }
  }

  @Override
  public void onStep(FrameView frame) {
    int op = frame.opcode();
    int stack = frame.stackSize();
    switch (op) {
      case Opcodes.SLOAD, Opcodes.SSTORE -> {
        if (stack >= 1) {
          UInt256 slot = frame.stackItem(0);
          touched
              .computeIfAbsent(frame.address(), a -> new LinkedHashSet<>())
              .add(Hash.of(Bytes32.leftPad(slot)));
        }
      }
      case Opcodes.BALANCE,
          Opcodes.EXTCODESIZE,
          Opcodes.EXTCODECOPY,
          Opcodes.EXTCODEHASH,
          Opcodes.SELFDESTRUCT -> {
        if (stack >= 1) {
          addAddress(Address.fromWord(frame.stackItem(0)));
        }
      }
      case Opcodes.CALL, Opcodes.CALLCODE, Opcodes.DELEGATECALL, Opcodes.STATICCALL -> {
        if (stack >= 2) {
          addAddress(Address.fromWord(frame.stackItem(1)));
        }
      }
      default -> {}
    }
  }

  private void addAddress(Address address) {
    if (!excluded.contains(address)) {
      touched.computeIfAbsent(address, a -> new LinkedHashSet<>());
    }
  }

  /** The access list so far; excluded accounts appear only when their storage was touched. */
  public List<AccessListEntry> accessList() {
    List<AccessListEntry> out = new ArrayList<>(touched.size());
    touched.forEach(
        (address, slots) -> {
          if (!excluded.contains(address) || !slots.isEmpty()) {
            out.add(new AccessListEntry(address, new ArrayList<>(slots)));
          }
        });
    return out;
  }
}
