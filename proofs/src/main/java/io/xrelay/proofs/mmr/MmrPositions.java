package io.xrelay.proofs.mmr;

/**
 * Position arithmetic of a Merkle Mountain Range stored in post-order (nervos/ckb layout, which
 * Substrate's pallet-mmr uses): positions are 0-based, leaves and inner nodes interleaved.
 */
final class MmrPositions {
  private MmrPositions() {}

  /** Position of the leaf with 0-based index {@code leafIndex}. */
  static long leafPosition(final long leafIndex) {
    return 2 * leafIndex - Long.bitCount(leafIndex);
  }

  /** Number of nodes of an MMR with {@code leafCount} leaves. */
  static long size(final long leafCount) {
    return 2 * leafCount - Long.bitCount(leafCount);
  }

  /** Height of the node at {@code position} (leaves are at height 0). */
  static int height(final long position) {
    long p = position + 1;
    // A node whose 1-based position is all ones (2^k - 1) is the top of a perfect tree of height
    // k - 1; any other position is in a right-hand subtree, and moving left by the size of the
    // left sibling tree keeps the height.
    while ((p & (p + 1)) != 0) {
      p -= Long.highestOneBit(p) - 1;
    }
    return 63 - Long.numberOfLeadingZeros(p);
  }

  /** Positions of the peaks, left to right: one per set bit of the leaf count, highest first. */
  static long[] peaks(final long leafCount) {
    final long[] peaks = new long[Long.bitCount(leafCount)];
    long start = 0;
    int next = 0;
    for (int h = 62; h >= 0; h--) {
      if ((leafCount >>> h & 1) != 0) {
        final long treeSize = (1L << (h + 1)) - 1;
        peaks[next++] = start + treeSize - 1;
        start += treeSize;
      }
    }
    return peaks;
  }
}
