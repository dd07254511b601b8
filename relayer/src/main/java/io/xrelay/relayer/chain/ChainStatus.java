package io.xrelay.relayer.chain;

/** What the API and the readiness check show of one chain. */
public record ChainStatus(
    String name,
    String kind,
    boolean connected,
    String endpoint,
    long finalizedBlock,
    long secondsSinceFinalized,
    boolean caughtUp) {}
