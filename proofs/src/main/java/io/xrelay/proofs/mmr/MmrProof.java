package io.xrelay.proofs.mmr;

import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.MalformedProofException;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.scale.ScaleReader;
import io.xrelay.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * An MMR proof as Substrate serves it ({@code mmr_generateProof}, nervos/ckb layout): the proven
 * leaves' 0-based indices, the leaf count of the MMR, and the items. Items come in peak order: the
 * hash of each peak left of the proven leaves, the siblings on the way up inside the peaks that
 * hold proven leaves, then the peaks to the right bagged into one item (or the single right peak).
 *
 * <p>The root bags the peaks right to left: {@code root = keccak(keccak(P2 ‖ P1) ‖ P0)}.
 */
public record MmrProof(List<Long> leafIndices, long leafCount, List<H256> items) {
  private static final String TYPE = "MmrProof";

  public MmrProof {
    leafIndices = List.copyOf(leafIndices);
    items = List.copyOf(items);
  }

  /** Reads {@code LeafProof { leaf_indices: Vec<u64>, leaf_count: u64, items: Vec<H256> }}. */
  public static MmrProof decode(final ScaleReader reader) {
    final int indexCount = reader.readLength("MmrProof.leaf_indices", 8);
    final List<Long> indices = new ArrayList<>(indexCount);
    for (int i = 0; i < indexCount; i++) {
      indices.add(reader.readU64());
    }
    final long leafCount = reader.readU64();
    final int itemCount = reader.readLength("MmrProof.items", H256.LENGTH);
    final List<H256> items = new ArrayList<>(itemCount);
    for (int i = 0; i < itemCount; i++) {
      items.add(H256.read(reader));
    }
    return new MmrProof(indices, leafCount, items);
  }

  /** Decodes the {@code proof} field of {@code mmr_generateProof} (0x-hex SCALE). */
  public static MmrProof decodeHex(final String hex) {
    final ScaleReader reader = ScaleReader.ofHex(hex);
    final MmrProof proof = decode(reader);
    reader.requireEnd(TYPE);
    return proof;
  }

  public byte[] encode() {
    final ScaleWriter writer = new ScaleWriter(16 + 8 * leafIndices.size() + 32 * items.size());
    writer.writeCompact(leafIndices.size());
    leafIndices.forEach(writer::writeU64);
    writer.writeU64(leafCount).writeCompact(items.size());
    items.forEach(item -> item.write(writer));
    return writer.toByteArray();
  }

  /**
   * Checks that the leaves with these hashes (one per index, in the order of {@link
   * #leafIndices()}) are in the MMR with the given root.
   */
  public VerificationResult verify(final H256 root, final List<H256> leafHashes) {
    final H256 computed;
    try {
      computed = computeRoot(leafHashes);
    } catch (MalformedProofException e) {
      return VerificationResult.invalid(FailureReason.MMR_PROOF_MALFORMED, e.getMessage());
    }
    if (!computed.equals(root)) {
      return VerificationResult.invalid(
          FailureReason.MMR_ROOT_MISMATCH,
          "MMR proof leads to " + computed + ", not the root " + root);
    }
    return VerificationResult.valid();
  }

  /**
   * The root this proof leads to from the given leaf hashes.
   *
   * @throws MalformedProofException when the proof does not fit the leaves and leaf count (an index
   *     outside the MMR, a duplicate index, too few or too many items)
   */
  public H256 computeRoot(final List<H256> leafHashes) {
    final Node[] leaves = provenLeaves(leafHashes);
    final long[] peaks = MmrPositions.peaks(leafCount);
    final List<H256> peakHashes = new ArrayList<>(peaks.length);
    final ItemCursor cursor = new ItemCursor(items);
    int nextLeaf = 0;
    for (final long peak : peaks) {
      final int first = nextLeaf;
      while (nextLeaf < leaves.length && leaves[nextLeaf].position <= peak) {
        nextLeaf++;
      }
      if (first < nextLeaf) {
        peakHashes.add(peakRoot(Arrays.copyOfRange(leaves, first, nextLeaf), peak, cursor));
      } else if (cursor.hasNext()) {
        // A peak with no proven leaf: its hash or, right of the proven leaves, usually all the
        // remaining peaks bagged into one item (after which the items run out).
        peakHashes.add(cursor.next("peak"));
      } else {
        break;
      }
    }
    if (cursor.hasNext()) {
      throw new MalformedProofException(
          "MMR proof has " + items.size() + " items, " + cursor.used + " were used");
    }
    return bag(peakHashes);
  }

  /**
   * Converts a single-leaf proof to Snowbridge's simplified form: the path inside the leaf's peak
   * (bit set where the sibling is on the left), then the bagged right-hand peaks (bit set), then
   * the left-hand peaks from right to left (bit clear).
   *
   * @throws MalformedProofException when the proof is not for exactly one leaf of the MMR or has
   *     the wrong number of items
   */
  public SimplifiedMmrProof toSimplified() {
    if (leafIndices.size() != 1) {
      throw new MalformedProofException(
          "only single-leaf proofs convert, this one proves " + leafIndices.size() + " leaves");
    }
    final long leafIndex = leafIndices.get(0);
    if (leafIndex < 0 || leafIndex >= leafCount) {
      throw new MalformedProofException(
          "leaf index " + Long.toUnsignedString(leafIndex) + " is outside an MMR of " + leafCount);
    }
    final long leafPosition = MmrPositions.leafPosition(leafIndex);
    final long[] peaks = MmrPositions.peaks(leafCount);
    int peakIndex = 0;
    while (peaks[peakIndex] < leafPosition) {
      peakIndex++;
    }
    final int pathLength = MmrPositions.height(peaks[peakIndex]);
    final int rightItems = peakIndex < peaks.length - 1 ? 1 : 0;
    final int expected = peakIndex + pathLength + rightItems;
    if (items.size() != expected) {
      throw new MalformedProofException(
          "MMR proof for leaf "
              + leafIndex
              + " of "
              + leafCount
              + " needs "
              + expected
              + " items, it has "
              + items.size());
    }
    final List<H256> simplified = new ArrayList<>(expected);
    BigInteger order = BigInteger.ZERO;
    long position = leafPosition;
    for (int height = 0; height < pathLength; height++) {
      simplified.add(items.get(peakIndex + height));
      if (MmrPositions.height(position + 1) > height) {
        order = order.setBit(height);
        position = position + 1;
      } else {
        position = position + (2L << height);
      }
    }
    if (rightItems == 1) {
      order = order.setBit(simplified.size());
      simplified.add(items.get(peakIndex + pathLength));
    }
    for (int left = peakIndex - 1; left >= 0; left--) {
      simplified.add(items.get(left));
    }
    return new SimplifiedMmrProof(simplified, order);
  }

  /** {@code bag_peaks}: fold the peaks from the right, {@code keccak(right ‖ left)}. */
  static H256 bag(final List<H256> peakHashes) {
    if (peakHashes.isEmpty()) {
      throw new MalformedProofException("an MMR with no peaks has no root");
    }
    H256 acc = peakHashes.get(peakHashes.size() - 1);
    for (int i = peakHashes.size() - 2; i >= 0; i--) {
      acc = Hashing.keccak256(acc, peakHashes.get(i));
    }
    return acc;
  }

  private record Node(long position, H256 hash, int height) {}

  private Node[] provenLeaves(final List<H256> leafHashes) {
    if (leafIndices.isEmpty()) {
      throw new MalformedProofException("MMR proof proves no leaf");
    }
    if (leafHashes.size() != leafIndices.size()) {
      throw new MalformedProofException(
          leafHashes.size() + " leaf hashes for " + leafIndices.size() + " proven leaves");
    }
    if (leafCount <= 0 || leafCount > (1L << 62)) {
      throw new MalformedProofException(
          "leaf count " + Long.toUnsignedString(leafCount) + " is not a valid MMR size");
    }
    final Node[] leaves = new Node[leafIndices.size()];
    for (int i = 0; i < leaves.length; i++) {
      final long index = leafIndices.get(i);
      if (index < 0 || index >= leafCount) {
        throw new MalformedProofException(
            "leaf index " + Long.toUnsignedString(index) + " is outside an MMR of " + leafCount);
      }
      leaves[i] = new Node(MmrPositions.leafPosition(index), leafHashes.get(i), 0);
    }
    Arrays.sort(leaves, (a, b) -> Long.compare(a.position, b.position));
    for (int i = 1; i < leaves.length; i++) {
      if (leaves[i].position == leaves[i - 1].position) {
        throw new MalformedProofException("leaf index is proven twice");
      }
    }
    return leaves;
  }

  /**
   * Climbs from the proven leaves under one peak to the peak, level by level: a node's sibling is
   * the next proven node when that is its sibling, otherwise the next proof item.
   */
  private static H256 peakRoot(final Node[] leaves, final long peak, final ItemCursor cursor) {
    final Deque<Node> queue = new ArrayDeque<>(Arrays.asList(leaves));
    while (!queue.isEmpty()) {
      final Node node = queue.pollFirst();
      if (node.position == peak) {
        if (!queue.isEmpty()) {
          throw new MalformedProofException("proven leaves do not fold into one peak");
        }
        return node.hash;
      }
      final long siblingOffset = (2L << node.height) - 1;
      final boolean isRightChild = MmrPositions.height(node.position + 1) > node.height;
      final long siblingPosition =
          isRightChild ? node.position - siblingOffset : node.position + siblingOffset;
      final H256 sibling;
      if (!queue.isEmpty() && queue.peekFirst().position == siblingPosition) {
        sibling = queue.pollFirst().hash;
      } else {
        sibling = cursor.next("sibling");
      }
      final long parentPosition = isRightChild ? node.position + 1 : siblingPosition + 1;
      final H256 parent =
          isRightChild
              ? Hashing.keccak256(sibling, node.hash)
              : Hashing.keccak256(node.hash, sibling);
      if (parentPosition > peak) {
        throw new MalformedProofException("proof climbs past its peak");
      }
      queue.addLast(new Node(parentPosition, parent, node.height + 1));
    }
    throw new MalformedProofException("proven leaves do not reach their peak");
  }

  private static final class ItemCursor {
    private final List<H256> items;
    private int used;

    ItemCursor(final List<H256> items) {
      this.items = items;
    }

    boolean hasNext() {
      return used < items.size();
    }

    H256 next(final String what) {
      if (used >= items.size()) {
        throw new MalformedProofException(
            "MMR proof runs out of items (" + items.size() + ") looking for a " + what);
      }
      return items.get(used++);
    }
  }

  @Override
  public String toString() {
    return "MmrProof[leafIndices="
        + leafIndices
        + ", leafCount="
        + leafCount
        + ", "
        + items.size()
        + " items]";
  }
}
