package io.xrelay.proofs.mmr;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * An MMR kept in memory with every node, so that it can produce proofs as {@code mmr_generateProof}
 * would (a relayer needs this where no node serves MMR proofs, e.g. on a chopsticks devnet). Nodes
 * are merged with {@code keccak(left ‖ right)}, peaks bagged right to left, as pallet-mmr with the
 * BEEFY hasher does. Not thread safe.
 *
 * <p>It holds about two hashes per leaf; to follow only the root, use {@link MmrPeaks}.
 */
public final class MerkleMountainRange {
  private final List<H256> nodes = new ArrayList<>();
  private long leafCount;

  public static MerkleMountainRange of(final List<H256> leafHashes) {
    final MerkleMountainRange mmr = new MerkleMountainRange();
    leafHashes.forEach(mmr::append);
    return mmr;
  }

  /** Appends a leaf and returns its 0-based leaf index. */
  public long append(final H256 leafHash) {
    nodes.add(leafHash);
    int height = 0;
    // While the next free position sits above the current node, the node closed a subtree.
    while (MmrPositions.height(nodes.size()) > height) {
      final int right = nodes.size() - 1;
      final int left = right - ((2 << height) - 1);
      nodes.add(Hashing.keccak256(nodes.get(left), nodes.get(right)));
      height++;
    }
    return leafCount++;
  }

  public long leafCount() {
    return leafCount;
  }

  public H256 root() {
    final long[] peaks = MmrPositions.peaks(leafCount);
    final List<H256> hashes = new ArrayList<>(peaks.length);
    for (final long peak : peaks) {
      hashes.add(nodes.get((int) peak));
    }
    return MmrProof.bag(hashes);
  }

  /**
   * The proof of one leaf in {@code mmr_generateProof}'s layout.
   *
   * @throws IndexOutOfBoundsException when the leaf is not in the MMR
   */
  public MmrProof proof(final long leafIndex) {
    if (leafIndex < 0 || leafIndex >= leafCount) {
      throw new IndexOutOfBoundsException("leaf " + leafIndex + " of " + leafCount);
    }
    final long leafPosition = MmrPositions.leafPosition(leafIndex);
    final long[] peaks = MmrPositions.peaks(leafCount);
    final List<H256> items = new ArrayList<>();
    int peakIndex = 0;
    while (peaks[peakIndex] < leafPosition) {
      items.add(nodes.get((int) peaks[peakIndex]));
      peakIndex++;
    }
    long position = leafPosition;
    for (int height = 0; position != peaks[peakIndex]; height++) {
      final long offset = (2L << height) - 1;
      if (MmrPositions.height(position + 1) > height) {
        items.add(nodes.get((int) (position - offset)));
        position = position + 1;
      } else {
        items.add(nodes.get((int) (position + offset)));
        position = position + offset + 1;
      }
    }
    if (peakIndex < peaks.length - 1) {
      final List<H256> right = new ArrayList<>();
      for (int i = peakIndex + 1; i < peaks.length; i++) {
        right.add(nodes.get((int) peaks[i]));
      }
      items.add(MmrProof.bag(right));
    }
    return new MmrProof(List.of(leafIndex), leafCount, items);
  }
}
