package io.xrelay.proofs.parachain;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.merkle.BinaryMerkleProof;
import io.xrelay.proofs.merkle.BinaryMerkleTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parachain heads root that the relay chain puts in each MMR leaf's {@code leaf_extra}: a
 * keccak binary merkle tree over {@code u32le(paraId) ‖ compact(len) ‖ head}, sorted by para id.
 */
public final class ParachainHeads {
  private ParachainHeads() {}

  public static H256 root(final List<ParachainHead> heads) {
    return BinaryMerkleTree.root(leaves(sorted(heads)));
  }

  /**
   * The proof of one parachain's head in the heads root.
   *
   * @throws IllegalArgumentException when {@code paraId} is not among the heads, or appears twice
   */
  public static ParachainHeadProof proof(final List<ParachainHead> heads, final long paraId) {
    final List<ParachainHead> sorted = sorted(heads);
    int position = -1;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).paraId() == paraId) {
        if (position >= 0) {
          throw new IllegalArgumentException("para " + paraId + " has two heads");
        }
        position = i;
      }
    }
    if (position < 0) {
      throw new IllegalArgumentException("no head for para " + paraId);
    }
    final BinaryMerkleProof proof = BinaryMerkleTree.proof(leaves(sorted), position);
    return new ParachainHeadProof(sorted.get(position), proof);
  }

  private static List<ParachainHead> sorted(final List<ParachainHead> heads) {
    final List<ParachainHead> sorted = new ArrayList<>(heads);
    sorted.sort(Comparator.comparingLong(ParachainHead::paraId));
    return sorted;
  }

  private static List<byte[]> leaves(final List<ParachainHead> sorted) {
    return sorted.stream().map(ParachainHead::leaf).toList();
  }
}
