package io.xrelay.proofs.mmr;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An MMR known from some leaf on: the peaks it had then (as pallet-mmr keeps them in {@code
 * Mmr.Nodes}) and every node appended since. That is enough for its root and for the proof of any
 * leaf from the start on, because a node left of the start that such a proof needs is always one of
 * the start's peaks. A relayer uses it where no node serves {@code mmr_generateProof} and the chain
 * already has many leaves. Not thread safe.
 */
public final class PartialMerkleMountainRange {
  /** Nodes by position (post-order, 0-based): the start's peaks and everything after. */
  private final NavigableMap<Long, H256> nodes;

  private long leafCount;
  private long firstProvableLeaf;

  private PartialMerkleMountainRange(
      final NavigableMap<Long, H256> nodes, final long leafCount, final long firstProvableLeaf) {
    this.nodes = nodes;
    this.leafCount = leafCount;
    this.firstProvableLeaf = firstProvableLeaf;
  }

  /**
   * The MMR of {@code leafCount} leaves whose peaks, left to right, are {@code peaks}.
   *
   * @throws IllegalArgumentException when the number of peaks does not fit the leaf count
   */
  public static PartialMerkleMountainRange fromPeaks(final long leafCount, final List<H256> peaks) {
    final long[] positions = MmrPositions.peaks(leafCount);
    if (positions.length != peaks.size()) {
      throw new IllegalArgumentException(
          "an MMR of "
              + leafCount
              + " leaves has "
              + positions.length
              + " peaks, "
              + peaks.size()
              + " given");
    }
    final NavigableMap<Long, H256> nodes = new TreeMap<>();
    for (int i = 0; i < positions.length; i++) {
      nodes.put(positions[i], peaks.get(i));
    }
    return new PartialMerkleMountainRange(nodes, leafCount, leafCount);
  }

  /**
   * Restores what {@link #nodes()}, {@link #leafCount()} and {@link #firstProvableLeaf()} returned.
   *
   * @throws IllegalArgumentException when a peak or a node the proofs need is missing
   */
  public static PartialMerkleMountainRange restore(
      final long leafCount, final long firstProvableLeaf, final Map<Long, H256> nodes) {
    if (firstProvableLeaf < 0 || firstProvableLeaf > leafCount) {
      throw new IllegalArgumentException(
          "first provable leaf " + firstProvableLeaf + " outside 0.." + leafCount);
    }
    final PartialMerkleMountainRange mmr =
        new PartialMerkleMountainRange(new TreeMap<>(nodes), leafCount, firstProvableLeaf);
    for (final long peak : MmrPositions.peaks(leafCount)) {
      if (!mmr.nodes.containsKey(peak)) {
        throw new IllegalArgumentException("node " + peak + " (a peak) is missing");
      }
    }
    for (final long peak : MmrPositions.peaks(firstProvableLeaf)) {
      if (!mmr.nodes.containsKey(peak)) {
        throw new IllegalArgumentException(
            "node " + peak + " (a peak at leaf " + firstProvableLeaf + ") is missing");
      }
    }
    final long start = MmrPositions.size(firstProvableLeaf);
    final long end = MmrPositions.size(leafCount);
    if (mmr.nodes.subMap(start, end).size() != end - start) {
      throw new IllegalArgumentException(
          "nodes " + start + ".." + (end - 1) + " are not all present");
    }
    return mmr;
  }

  /** Appends a leaf and returns its 0-based leaf index. */
  public long append(final H256 leafHash) {
    long position = MmrPositions.size(leafCount);
    nodes.put(position, leafHash);
    H256 node = leafHash;
    int height = 0;
    // While the next free position sits above the current node, the node closed a subtree whose
    // left half is a complete subtree: one of the start's peaks or a node appended since.
    while (MmrPositions.height(position + 1) > height) {
      final long left = position - ((2L << height) - 1);
      node = Hashing.keccak256(node(left), node);
      position++;
      nodes.put(position, node);
      height++;
    }
    return leafCount++;
  }

  public long leafCount() {
    return leafCount;
  }

  /** The lowest leaf index this MMR can prove. */
  public long firstProvableLeaf() {
    return firstProvableLeaf;
  }

  /**
   * The root: peaks bagged right to left.
   *
   * @throws IllegalStateException when the MMR is empty
   */
  public H256 root() {
    if (leafCount == 0) {
      throw new IllegalStateException("an empty MMR has no root");
    }
    return MmrProof.bag(peaks());
  }

  /** The peaks, left to right. */
  public List<H256> peaks() {
    final long[] positions = MmrPositions.peaks(leafCount);
    final List<H256> peaks = new ArrayList<>(positions.length);
    for (final long position : positions) {
      peaks.add(node(position));
    }
    return peaks;
  }

  /**
   * The proof of one leaf in {@code mmr_generateProof}'s layout.
   *
   * @throws IndexOutOfBoundsException when the leaf is not in the MMR or before the start
   */
  public MmrProof proof(final long leafIndex) {
    return proof(leafIndex, leafCount);
  }

  /**
   * The proof of one leaf against the root the MMR had when it held {@code atLeafCount} leaves
   * (nodes never change once written, so an older root's proofs stay available): what a BEEFY
   * commitment of an earlier block needs.
   *
   * @throws IndexOutOfBoundsException when the leaf is not in that MMR or before the start
   */
  public MmrProof proof(final long leafIndex, final long atLeafCount) {
    if (atLeafCount > leafCount) {
      throw new IndexOutOfBoundsException(
          "the MMR has " + leafCount + " leaves, not yet " + atLeafCount);
    }
    if (leafIndex < firstProvableLeaf || leafIndex >= atLeafCount) {
      throw new IndexOutOfBoundsException(
          "leaf " + leafIndex + " is not in " + firstProvableLeaf + ".." + (atLeafCount - 1));
    }
    final long leafPosition = MmrPositions.leafPosition(leafIndex);
    final long[] peaks = MmrPositions.peaks(atLeafCount);
    final List<H256> items = new ArrayList<>();
    int peakIndex = 0;
    while (peaks[peakIndex] < leafPosition) {
      items.add(node(peaks[peakIndex]));
      peakIndex++;
    }
    long position = leafPosition;
    for (int height = 0; position != peaks[peakIndex]; height++) {
      final long offset = (2L << height) - 1;
      if (MmrPositions.height(position + 1) > height) {
        items.add(node(position - offset));
        position = position + 1;
      } else {
        items.add(node(position + offset));
        position = position + offset + 1;
      }
    }
    if (peakIndex < peaks.length - 1) {
      final List<H256> right = new ArrayList<>();
      for (int i = peakIndex + 1; i < peaks.length; i++) {
        right.add(node(peaks[i]));
      }
      items.add(MmrProof.bag(right));
    }
    return new MmrProof(List.of(leafIndex), atLeafCount, items);
  }

  /**
   * Forgets the nodes that only proofs of leaves before {@code leafIndex} need, keeping the peaks
   * the MMR had at that leaf, so that memory and snapshots stay bounded.
   */
  public void forgetBefore(final long leafIndex) {
    if (leafIndex <= firstProvableLeaf) {
      return;
    }
    final long target = Math.min(leafIndex, leafCount);
    final long[] keep = MmrPositions.peaks(target);
    final Map<Long, H256> kept = new TreeMap<>();
    for (final long position : keep) {
      kept.put(position, node(position));
    }
    nodes.headMap(MmrPositions.size(target), false).clear();
    nodes.putAll(kept);
    firstProvableLeaf = target;
  }

  /** Every node held, by position: what a snapshot must keep to {@link #restore} this MMR. */
  public Map<Long, H256> nodes() {
    return Collections.unmodifiableMap(nodes);
  }

  private H256 node(final long position) {
    final H256 node = nodes.get(position);
    if (node == null) {
      throw new IllegalStateException("MMR node " + position + " is not held");
    }
    return node;
  }
}
