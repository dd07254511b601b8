package io.xrelay.ethereum.logs;

import java.util.ArrayList;
import java.util.List;

/** An inclusive range of block numbers, the unit of one {@code eth_getLogs} backfill call. */
public record BlockRange(long from, long to) {
  public BlockRange {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad block range " + from + ".." + to);
    }
  }

  /**
   * Splits {@code from..to} (inclusive) into consecutive ranges of at most {@code size} blocks, in
   * order; empty when {@code to < from} (nothing to backfill).
   */
  public static List<BlockRange> chunks(final long from, final long to, final int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1, not " + size);
    }
    if (from < 0) {
      throw new IllegalArgumentException("block number must not be negative: " + from);
    }
    final List<BlockRange> ranges = new ArrayList<>();
    long start = from;
    while (start <= to) {
      final long end = to - start < size ? to : start + size - 1;
      ranges.add(new BlockRange(start, end));
      if (end == Long.MAX_VALUE) {
        break;
      }
      start = end + 1;
    }
    return ranges;
  }
}
