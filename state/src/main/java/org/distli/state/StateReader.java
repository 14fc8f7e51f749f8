package org.distli.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.distli.primitives.Account;
import org.distli.primitives.Address;
import org.distli.primitives.Hash;

/**
 * Read access to committed world state at one state root. Implementations are immutable snapshots
 * and safe to share between threads: RPC readers hold one while the chain writer moves on.
 */
public interface StateReader {
  /** The state root this reader sees. */
  Hash rootHash();

  /** The account at {@code address}, or {@code null} when the state holds none. */
  Account account(Address address);

  /** The value of a storage slot; {@link UInt256#ZERO} when unset or when the account is absent. */
  UInt256 storage(Address address, UInt256 slot);

  /**
   * Code by its hash; empty for {@link Hash#EMPTY_CODE}.
   *
   * @throws IllegalStateException when the code is unknown, which means the database is corrupt
   */
  Bytes code(Hash codeHash);
}
