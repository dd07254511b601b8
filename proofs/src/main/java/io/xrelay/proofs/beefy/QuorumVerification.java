package io.xrelay.proofs.beefy;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.VerificationResult;

/**
 * The outcome of checking a signed commitment against a validator set.
 *
 * @param commitmentHash the hash the signatures were checked against
 * @param signaturesChecked how many signatures the proof carried
 * @param validSigners distinct validators whose signature recovered to their own address
 * @param required the quorum {@code n - (n - 1) / 3} of the validator set
 */
public record QuorumVerification(
    VerificationResult result,
    H256 commitmentHash,
    int signaturesChecked,
    int validSigners,
    int required) {

  public boolean isValid() {
    return result.isValid();
  }
}
