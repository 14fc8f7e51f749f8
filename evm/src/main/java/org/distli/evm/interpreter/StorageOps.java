package org.distli.evm.interpreter;

import static org.distli.evm.interpreter.Interpreter.OUT_OF_GAS;

import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Address;

/** SLOAD and SSTORE with their fork-dependent pricing and refunds; TLOAD and TSTORE (EIP-1153). */
final class StorageOps {
  private StorageOps() {}

  static long sload(Frame f, long[] s, int sp, long gas) {
    int top = sp - 4;
    UInt256 slot = Words.toUInt256(s, top);
    Evm evm = f.evm;
    if (evm.rules.accessLists && evm.warmSlot(f.address, slot)) {
      gas -= evm.rules.coldSloadGas - evm.rules.warmReadGas;
      if (gas < 0) {
        return OUT_OF_GAS;
      }
    }
    Words.fromUInt256(evm.state.getStorage(f.address, slot), s, top);
    return gas;
  }

  static long sstore(Frame f, long[] s, int sp, long gas) {
    if (f.isStatic) {
      return Interpreter.WRITE_PROTECTION;
    }
    Evm evm = f.evm;
    Rules rules = evm.rules;
    // EIP-2200: SSTORE may not run on the call stipend alone.
    if (rules.sstoreRule == Rules.SstoreRule.NET_METERING_WITH_GUARD && gas <= Gas.CALL_STIPEND) {
      return OUT_OF_GAS;
    }
    Address address = f.address;
    UInt256 slot = Words.toUInt256(s, sp - 4);
    UInt256 value = Words.toUInt256(s, sp - 8);
    long cost = 0;
    if (rules.accessLists && evm.warmSlot(address, slot)) {
      cost += rules.coldSloadGas;
    }
    UInt256 current = evm.state.getStorage(address, slot);
    if (rules.sstoreRule == Rules.SstoreRule.LEGACY) {
      if (current.isZero() && !value.isZero()) {
        cost += rules.sstoreSetGas;
      } else {
        cost += rules.sstoreResetGas;
        if (!current.isZero() && value.isZero()) {
          evm.refund += rules.sstoreClearsRefund;
        }
      }
    } else {
      cost += netMeteredCost(evm, rules, address, slot, current, value);
    }
    gas -= cost;
    if (gas < 0) {
      return OUT_OF_GAS;
    }
    if (!current.equals(value)) {
      evm.state.setStorage(address, slot, value);
    }
    return gas;
  }

  /** EIP-1283 / EIP-2200 net gas metering: the cost, with refunds adjusted on the way. */
  private static long netMeteredCost(
      Evm evm, Rules rules, Address address, UInt256 slot, UInt256 current, UInt256 value) {
    if (current.equals(value)) {
      return rules.sstoreNoopGas;
    }
    UInt256 original = evm.state.getCommittedStorage(address, slot);
    if (original.equals(current)) {
      if (original.isZero()) {
        return rules.sstoreSetGas;
      }
      if (value.isZero()) {
        evm.refund += rules.sstoreClearsRefund;
      }
      return rules.sstoreResetGas;
    }
    // The slot is already dirty in this transaction.
    if (!original.isZero()) {
      if (current.isZero()) {
        evm.refund -= rules.sstoreClearsRefund;
      } else if (value.isZero()) {
        evm.refund += rules.sstoreClearsRefund;
      }
    }
    if (original.equals(value)) {
      if (original.isZero()) {
        evm.refund += rules.sstoreSetGas - rules.sstoreNoopGas;
      } else {
        evm.refund += rules.sstoreResetGas - rules.sstoreNoopGas;
      }
    }
    return rules.sstoreNoopGas;
  }

  static void tload(Frame f, long[] s, int sp) {
    int top = sp - 4;
    UInt256 value = f.evm.transientStorage(f.address, Words.toUInt256(s, top));
    Words.fromUInt256(value, s, top);
  }

  static long tstore(Frame f, long[] s, int sp, long gas) {
    if (f.isStatic) {
      return Interpreter.WRITE_PROTECTION;
    }
    f.evm.setTransientStorage(f.address, Words.toUInt256(s, sp - 4), Words.toUInt256(s, sp - 8));
    return gas;
  }
}
