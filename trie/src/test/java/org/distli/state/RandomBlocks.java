package org.distli.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.crypto.Keccak256;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;
import org.distli.primitives.Wei;

/**
 * Deterministic pseudo-random blocks of state changes over a small pool of accounts, with a plain
 * model of the state they lead to. Block {@code n} of a seed is always the same, so a crashed
 * writer's work can be replayed by the checker.
 */
final class RandomBlocks {
  final long seed;
  final int poolSize;
  final int accountsPerBlock;

  /** The model: account fields and storage, as plain maps. */
  final Map<Address, ModelAccount> state = new HashMap<>();

  static final class ModelAccount {
    long nonce;
    Wei balance = Wei.ZERO;
    Hash codeHash = Hash.EMPTY_CODE;
    final TreeMap<UInt256, UInt256> storage = new TreeMap<>();
  }

  RandomBlocks(long seed, int poolSize, int accountsPerBlock) {
    this.seed = seed;
    this.poolSize = poolSize;
    this.accountsPerBlock = accountsPerBlock;
  }

  static Address address(int index) {
    byte[] raw = new byte[20];
    raw[0] = (byte) 0xaa;
    raw[16] = (byte) (index >>> 24);
    raw[17] = (byte) (index >>> 16);
    raw[18] = (byte) (index >>> 8);
    raw[19] = (byte) index;
    return Address.of(raw);
  }

  /** The changes of block {@code number}, applied to the model as they are made. */
  StateChanges next(long number) {
    Random random = new Random(seed * 1_000_003L + number);
    Map<Address, StateChanges.AccountUpdate> updates = new HashMap<>();
    Map<Hash, Bytes> code = new HashMap<>();
    for (int i = 0; i < accountsPerBlock; i++) {
      Address address = address(random.nextInt(poolSize));
      if (updates.containsKey(address)) {
        continue;
      }
      int action = random.nextInt(20);
      ModelAccount account = state.get(address);
      if (action == 0 && account != null) {
        state.remove(address);
        updates.put(address, StateChanges.AccountUpdate.deletion());
        continue;
      }
      boolean recreate = action == 1 && account != null;
      if (account == null || recreate) {
        account = new ModelAccount();
        state.put(address, account);
        if (random.nextInt(3) == 0) {
          Bytes contract = Bytes.random(1 + random.nextInt(40), random);
          account.codeHash = Keccak256.hash(contract);
          code.put(account.codeHash, contract);
        }
      }
      account.nonce += random.nextInt(3);
      account.balance = Wei.of(random.nextLong(1L << 60));
      TreeMap<UInt256, UInt256> writes = new TreeMap<>();
      int slots = random.nextInt(6);
      for (int s = 0; s < slots; s++) {
        UInt256 slot = UInt256.valueOf(random.nextInt(12));
        UInt256 value =
            random.nextInt(4) == 0 ? UInt256.ZERO : UInt256.valueOf(random.nextLong() >>> 1);
        writes.put(slot, value);
        if (value.isZero()) {
          account.storage.remove(slot);
        } else {
          account.storage.put(slot, value);
        }
      }
      updates.put(
          address,
          new StateChanges.AccountUpdate(
              false, account.nonce, account.balance, account.codeHash, recreate, writes));
    }
    return new StateChanges(updates, code);
  }

  /** The whole model state as changes from the empty state. */
  StateChanges asGenesis() {
    Map<Address, StateChanges.AccountUpdate> updates = new HashMap<>();
    state.forEach(
        (address, account) ->
            updates.put(
                address,
                new StateChanges.AccountUpdate(
                    false,
                    account.nonce,
                    account.balance,
                    account.codeHash,
                    false,
                    new TreeMap<>(account.storage))));
    return new StateChanges(updates, Map.of());
  }

  /** The root of the model state, computed from scratch. */
  Hash expectedRoot() {
    try (StateDatabase fresh = StateDatabase.inMemory()) {
      return fresh.at(Hash.EMPTY_TRIE_ROOT).rootAfter(asGenesis());
    }
  }

  /** Asserts that {@code reader} holds exactly the model state over the account pool. */
  void assertMatches(StateReader reader) {
    for (int i = 0; i < poolSize; i++) {
      Address address = address(i);
      ModelAccount expected = state.get(address);
      var actual = reader.account(address);
      if (expected == null) {
        if (actual != null) {
          throw new AssertionError(address + " should not exist, found " + actual);
        }
        for (int s = 0; s < 12; s++) {
          if (!reader.storage(address, UInt256.valueOf(s)).isZero()) {
            throw new AssertionError(address + " is absent but has storage");
          }
        }
        continue;
      }
      if (actual == null
          || actual.nonce() != expected.nonce
          || !actual.balance().equals(expected.balance)
          || !actual.codeHash().equals(expected.codeHash)) {
        throw new AssertionError(
            address + " expected nonce " + expected.nonce + " found " + actual);
      }
      for (int s = 0; s < 12; s++) {
        UInt256 slot = UInt256.valueOf(s);
        UInt256 value = expected.storage.getOrDefault(slot, UInt256.ZERO);
        if (!reader.storage(address, slot).equals(value)) {
          throw new AssertionError(
              address
                  + " slot "
                  + s
                  + " expected "
                  + value
                  + " found "
                  + reader.storage(address, slot));
        }
      }
    }
  }
}
