package io.xrelay.substrate.extrinsic;

/**
 * A transaction's validity window: immortal, or mortal for {@code period} blocks from a birth
 * block. The encoding is Substrate's: one byte 0 for immortal, else two bytes packing the period's
 * power of two and the quantized phase.
 */
public record Era(long period, long phase) {
  public static final Era IMMORTAL = new Era(0, 0);

  /**
   * A mortal era of about {@code period} blocks (rounded to a power of two in 4..65536) from {@code
   * current}.
   */
  public static Era mortal(final long period, final long current) {
    final long rounded =
        Math.min(1L << 16, Math.max(4, Long.highestOneBit(Math.max(1, period - 1)) << 1));
    final long quantizeFactor = Math.max(rounded >> 12, 1);
    final long phase = (current % rounded) / quantizeFactor * quantizeFactor;
    return new Era(rounded, phase);
  }

  public boolean isImmortal() {
    return period == 0;
  }

  /** The first block of the window, whose hash the signature commits to. */
  public long birth(final long current) {
    if (isImmortal()) {
      return 0;
    }
    return (Math.max(current, phase) - phase) / period * period + phase;
  }

  public byte[] encode() {
    if (isImmortal()) {
      return new byte[] {0};
    }
    final long quantizeFactor = Math.max(period >> 12, 1);
    final int encoded =
        (int) Math.min(15, Math.max(1, Long.numberOfTrailingZeros(period) - 1))
            | (int) ((phase / quantizeFactor) << 4);
    return new byte[] {(byte) encoded, (byte) (encoded >>> 8)};
  }
}
