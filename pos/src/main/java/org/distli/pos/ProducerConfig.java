package org.distli.pos;

import java.time.Duration;
import org.apache.tuweni.bytes.Bytes;
import org.distli.genesis.EmptyBlockPolicy;

/**
 * How this node produces blocks.
 *
 * @param blockTime the slot: a block is due this long after the previous one
 * @param automine also produce as soon as transactions are pending (a dev chain, like Hardhat)
 * @param emptyBlocks whether a slot without transactions produces an empty block
 * @param gasLimit the gas limit to aim for
 * @param vanity the 32 bytes at the start of the extra data
 */
public record ProducerConfig(
    Duration blockTime,
    boolean automine,
    EmptyBlockPolicy emptyBlocks,
    long gasLimit,
    Bytes vanity) {}
