package org.distli.chain;

import org.distli.chain.execution.BlockExecutionResult;
import org.distli.primitives.Hash;
import org.distli.state.WorldState;

/**
 * A block executed on its parent's state but not committed yet.
 *
 * @param result receipts, gas, bloom and the state changes
 * @param stateRoot the state root the changes give, when already computed (null otherwise)
 * @param state the world state after the block, for readers of the post-state before it is
 *     committed
 */
record ExecutedBlock(BlockExecutionResult result, Hash stateRoot, WorldState state) {}
