package io.xrelay.proofs.merkle;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * Substrate's {@code binary-merkle-tree} with keccak-256, as used for the BEEFY validator set and
 * the parachain heads: leaves are hashed, a node is {@code keccak(left ‖ right)} (pairs are not
 * sorted), and the last node of an odd layer is promoted unchanged. An empty tree has the zero
 * root; a one-leaf tree's root is the leaf's hash.
 */
public final class BinaryMerkleTree {
  private BinaryMerkleTree() {}

  /** Root over raw leaves, each hashed with keccak-256 first. */
  public static H256 root(final List<byte[]> leaves) {
    return rootOfHashes(hashLeaves(leaves));
  }

  /** Root over leaves that are already hashed. */
  public static H256 rootOfHashes(final List<H256> leafHashes) {
    if (leafHashes.isEmpty()) {
      return H256.ZERO;
    }
    List<H256> layer = leafHashes;
    while (layer.size() > 1) {
      layer = nextLayer(layer);
    }
    return layer.get(0);
  }

  /**
   * The proof for the leaf at {@code index}: its sibling at each layer from the leaves up, with no
   * entry where the node is promoted.
   *
   * @throws IndexOutOfBoundsException when {@code index} is not a leaf's position
   */
  public static BinaryMerkleProof proof(final List<byte[]> leaves, final int index) {
    return proofOfHashes(hashLeaves(leaves), index);
  }

  public static BinaryMerkleProof proofOfHashes(final List<H256> leafHashes, final int index) {
    if (index < 0 || index >= leafHashes.size()) {
      throw new IndexOutOfBoundsException("leaf " + index + " of " + leafHashes.size());
    }
    final List<H256> items = new ArrayList<>();
    List<H256> layer = leafHashes;
    int position = index;
    while (layer.size() > 1) {
      final int sibling = position ^ 1;
      if (sibling < layer.size()) {
        items.add(layer.get(sibling));
      }
      layer = nextLayer(layer);
      position >>= 1;
    }
    return new BinaryMerkleProof(items, index, leafHashes.size());
  }

  private static List<H256> hashLeaves(final List<byte[]> leaves) {
    final List<H256> hashes = new ArrayList<>(leaves.size());
    for (final byte[] leaf : leaves) {
      hashes.add(Hashing.keccak256(leaf));
    }
    return hashes;
  }

  private static List<H256> nextLayer(final List<H256> layer) {
    final List<H256> next = new ArrayList<>((layer.size() + 1) / 2);
    for (int i = 0; i + 1 < layer.size(); i += 2) {
      next.add(Hashing.keccak256(layer.get(i), layer.get(i + 1)));
    }
    if (layer.size() % 2 == 1) {
      next.add(layer.get(layer.size() - 1));
    }
    return next;
  }
}
