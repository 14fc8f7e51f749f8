package org.distli.txpool;

import org.distli.chain.transaction.InvalidTransactionException;
import org.distli.primitives.Hash;

/** One transaction's outcome in a batch submission: accepted with a result, or refused. */
public record SubmissionOutcome(Hash hash, AddResult result, InvalidTransactionException error) {
  public boolean accepted() {
    return error == null;
  }
}
