package io.xrelay.proofs.mmr;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows an MMR's root with only its peaks in memory (at most 64 hashes), so a relayer can append
 * each block's leaf and compare its root with the runtime's {@code Mmr.RootHash}. Not thread safe.
 */
public final class MmrPeaks {
  private final List<H256> peaks = new ArrayList<>();
  private final List<Integer> heights = new ArrayList<>();
  private long leafCount;

  public void append(final H256 leafHash) {
    H256 node = leafHash;
    int height = 0;
    while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
      final H256 left = peaks.remove(peaks.size() - 1);
      heights.remove(heights.size() - 1);
      node = Hashing.keccak256(left, node);
      height++;
    }
    peaks.add(node);
    heights.add(height);
    leafCount++;
  }

  public long leafCount() {
    return leafCount;
  }

  /**
   * The root (peaks bagged right to left).
   *
   * @throws IllegalStateException when no leaf was appended
   */
  public H256 root() {
    if (peaks.isEmpty()) {
      throw new IllegalStateException("an empty MMR has no root");
    }
    return MmrProof.bag(peaks);
  }

  /** Root over a list of leaf hashes. */
  public static H256 rootOf(final List<H256> leafHashes) {
    final MmrPeaks accumulator = new MmrPeaks();
    leafHashes.forEach(accumulator::append);
    return accumulator.root();
  }
}
