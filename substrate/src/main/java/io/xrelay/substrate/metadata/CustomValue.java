package io.xrelay.substrate.metadata;

/** A custom metadata value (V15+): a type and its SCALE-encoded value. */
public record CustomValue(int type, byte[] value) {}
