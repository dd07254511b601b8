package io.xrelay.substrate.client;

/** The parts of {@code state_getRuntimeVersion} that signing and metadata caching need. */
public record RuntimeVersion(String specName, long specVersion, long transactionVersion) {}
