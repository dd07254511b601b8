package io.xrelay.substrate.block;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A finality proof attached to a block: the consensus engine ({@code FRNK}, {@code BEEF}) and its
 * bytes.
 */
public record Justification(String engineId, byte[] encoded) {
  public static final String GRANDPA = "FRNK";
  public static final String BEEFY = "BEEF";

  public static Justification of(final byte[] engineId, final byte[] encoded) {
    return new Justification(new String(engineId, StandardCharsets.US_ASCII), encoded);
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof Justification that
        && engineId.equals(that.engineId)
        && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return 31 * engineId.hashCode() + Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Justification[" + engineId + ", " + encoded.length + " bytes]";
  }
}
