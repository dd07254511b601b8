package io.xrelay.proofs.parachain;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Hashing;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.proofs.merkle.BinaryMerkleProof;

/**
 * A parachain head with its merkle proof in the parachain heads root: what Snowbridge's {@code
 * Verification.sol} checks (position and width are the head's index among the sorted heads and
 * their count).
 */
public record ParachainHeadProof(ParachainHead head, BinaryMerkleProof proof) {

  public H256 leafHash() {
    return Hashing.keccak256(head.leaf());
  }

  /** Checks the head against a parachain heads root (an MMR leaf's {@code leaf_extra}). */
  public VerificationResult verify(final H256 parachainHeadsRoot) {
    return proof.verify(parachainHeadsRoot, leafHash());
  }
}
