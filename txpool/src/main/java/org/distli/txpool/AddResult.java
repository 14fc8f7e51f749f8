package org.distli.txpool;

import java.util.Optional;
import org.distli.primitives.Hash;

/**
 * What became of an accepted transaction.
 *
 * @param pending true when it is executable now (its nonce is next for its sender), false when it
 *     waits queued behind a nonce gap
 * @param replaced the transaction with the same sender and nonce it replaced, if any
 */
public record AddResult(Hash hash, boolean pending, Optional<Hash> replaced) {}
