package io.xrelay.xcm.model;

/**
 * {@code sp_weights::Weight}: two unsigned 64-bit dimensions, each held in a {@code long}'s bits
 * (use {@link Long#toUnsignedString(long)} to print them).
 */
public record Weight(long refTime, long proofSize) {
  public static final Weight ZERO = new Weight(0, 0);
}
