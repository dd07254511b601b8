package io.xrelay.crypto;

import net.openhft.hashing.LongHashFunction;

/**
 * Substrate's "twox" hashes: xxHash64 with seeds 0, 1, ... concatenated, each 64-bit result written
 * little endian. Used for storage prefixes ({@code twox128("System")}) and keys.
 */
public final class Twox {
  private static final LongHashFunction[] SEEDED = {
    LongHashFunction.xx(0), LongHashFunction.xx(1), LongHashFunction.xx(2), LongHashFunction.xx(3)
  };

  private Twox() {}

  public static byte[] hash64(final byte[] input) {
    return hash(input, 1);
  }

  public static byte[] hash128(final byte[] input) {
    return hash(input, 2);
  }

  public static byte[] hash256(final byte[] input) {
    return hash(input, 4);
  }

  /** xxHash64 of {@code input} with {@code seed}. */
  public static long xxHash64(final byte[] input, final long seed) {
    return seed >= 0 && seed < SEEDED.length
        ? SEEDED[(int) seed].hashBytes(input)
        : LongHashFunction.xx(seed).hashBytes(input);
  }

  private static byte[] hash(final byte[] input, final int rounds) {
    final byte[] out = new byte[8 * rounds];
    for (int seed = 0; seed < rounds; seed++) {
      final long value = SEEDED[seed].hashBytes(input);
      for (int i = 0; i < 8; i++) {
        out[8 * seed + i] = (byte) (value >>> (8 * i));
      }
    }
    return out;
  }
}
