package io.xrelay.substrate.client;

import io.xrelay.substrate.block.BlockHeader;

/** One finalized block, delivered in order by a {@link FinalizedBlockStream}. */
public record FinalizedBlock(long number, String hash, BlockHeader header) {}
