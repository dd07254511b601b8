package io.xrelay.proofs.merkle;

import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.VerificationResult;
import java.util.List;
import java.util.Optional;

/**
 * A proof that a leaf sits at {@code position} in a {@link BinaryMerkleTree} of {@code width}
 * leaves.
 *
 * <p>Verification walks the tree's geometry: at each layer it knows from the position and the
 * layer's width whether the node has a sibling (and on which side) or is promoted, and it requires
 * the proof to hold exactly one item per sibling. Folding over however many items the proof has
 * instead (Snowbridge before PR #1798, and upstream {@code verify_proof}) lets a short proof made
 * for a promoted path verify at many positions, so one key could be counted many times towards a
 * quorum.
 */
public record BinaryMerkleProof(List<H256> items, long position, long width) {

  public BinaryMerkleProof {
    items = List.copyOf(items);
  }

  /**
   * How many items a proof for {@code position} in a tree of {@code width} leaves has; -1 when the
   * position is not inside the tree.
   */
  public static int expectedLength(final long position, final long width) {
    if (position < 0 || width <= 0 || position >= width) {
      return -1;
    }
    int count = 0;
    long pos = position;
    long layerWidth = width;
    while (layerWidth > 1) {
      if (!isPromoted(pos, layerWidth)) {
        count++;
      }
      pos >>= 1;
      layerWidth = (layerWidth + 1) / 2;
    }
    return count;
  }

  private static boolean isPromoted(final long position, final long layerWidth) {
    return position + 1 == layerWidth && layerWidth % 2 == 1;
  }

  /** The root this proof leads to from {@code leafHash}; empty when the geometry does not fit. */
  public Optional<H256> computeRoot(final H256 leafHash) {
    if (expectedLength(position, width) != items.size()) {
      return Optional.empty();
    }
    H256 node = leafHash;
    int used = 0;
    long pos = position;
    long layerWidth = width;
    while (layerWidth > 1) {
      if (!isPromoted(pos, layerWidth)) {
        final H256 sibling = items.get(used++);
        node = (pos & 1) == 1 ? Hashing.keccak256(sibling, node) : Hashing.keccak256(node, sibling);
      }
      pos >>= 1;
      layerWidth = (layerWidth + 1) / 2;
    }
    return Optional.of(node);
  }

  /**
   * Checks that the leaf with hash {@code leafHash} is at this proof's position under {@code root}.
   */
  public VerificationResult verify(final H256 root, final H256 leafHash) {
    final VerificationResult geometry = checkGeometry();
    if (!geometry.isValid()) {
      return geometry;
    }
    final H256 computed = computeRoot(leafHash).orElseThrow();
    if (!computed.equals(root)) {
      return VerificationResult.invalid(
          FailureReason.MERKLE_ROOT_MISMATCH,
          "leaf at position " + position + " folds to " + computed + ", not the root " + root);
    }
    return VerificationResult.valid();
  }

  /** Whether the position is inside the tree and the proof has exactly the items it needs. */
  public VerificationResult checkGeometry() {
    final int expected = expectedLength(position, width);
    if (expected < 0) {
      return VerificationResult.invalid(
          FailureReason.MERKLE_POSITION_OUT_OF_RANGE,
          "position " + position + " is outside a tree of " + width + " leaves");
    }
    if (expected != items.size()) {
      return VerificationResult.invalid(
          FailureReason.MERKLE_PROOF_LENGTH,
          "proof has "
              + items.size()
              + " items, position "
              + position
              + " in a tree of "
              + width
              + " leaves needs "
              + expected);
    }
    return VerificationResult.valid();
  }
}
