package org.distli.state;

import org.distli.primitives.Hash;

/**
 * Committed state that can also tell the root a set of changes would produce, without persisting
 * them: what a {@link JournaledWorldState} needs to answer {@link WorldState#rootHash()}.
 */
public interface StateBackend extends StateReader {
  /** The state root after applying {@code changes} on top of this state. Persists nothing. */
  Hash rootAfter(StateChanges changes);
}
