package io.xrelay.proofs.mmr;

import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.VerificationResult;
import java.math.BigInteger;
import java.util.List;

/**
 * Snowbridge's flat MMR proof ({@code MMRProof.sol}): items folded from the leaf hash upwards,
 * where bit i of {@code order} set means item i goes on the left: {@code acc = keccak(item ‖ acc)},
 * else {@code acc = keccak(acc ‖ item)}. The contract takes at most 256 items.
 */
public record SimplifiedMmrProof(List<H256> items, BigInteger order) {
  public static final int MAX_ITEMS = 256;

  public SimplifiedMmrProof {
    items = List.copyOf(items);
    if (order.signum() < 0) {
      throw new IllegalArgumentException("order must not be negative");
    }
  }

  /** The root the proof leads to from {@code leafHash}. */
  public H256 fold(final H256 leafHash) {
    H256 acc = leafHash;
    for (int i = 0; i < items.size(); i++) {
      acc =
          order.testBit(i)
              ? Hashing.keccak256(items.get(i), acc)
              : Hashing.keccak256(acc, items.get(i));
    }
    return acc;
  }

  public VerificationResult verify(final H256 root, final H256 leafHash) {
    if (items.size() > MAX_ITEMS) {
      return VerificationResult.invalid(
          FailureReason.MMR_PROOF_TOO_LONG,
          "MMR proof has " + items.size() + " items, BeefyClient accepts at most " + MAX_ITEMS);
    }
    final H256 computed = fold(leafHash);
    if (!computed.equals(root)) {
      return VerificationResult.invalid(
          FailureReason.MMR_ROOT_MISMATCH,
          "MMR leaf " + leafHash + " folds to " + computed + ", not the root " + root);
    }
    return VerificationResult.valid();
  }
}
