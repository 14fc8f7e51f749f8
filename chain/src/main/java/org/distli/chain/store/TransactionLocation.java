package org.distli.chain.store;

import org.distli.primitives.Hash;

/** Where a canonical transaction sits: its block and its index in that block. */
public record TransactionLocation(Hash blockHash, long blockNumber, int index) {}
