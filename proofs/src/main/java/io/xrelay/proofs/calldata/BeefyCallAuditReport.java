package io.xrelay.proofs.calldata;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.Verdict;
import io.xrelay.proofs.VerificationResult;
import java.util.Optional;

/**
 * Everything an audit of one BeefyClient call established.
 *
 * @param validatorSetRoot the root the validator proofs lead to (the one most of them agree on)
 * @param validatorCount the set size the proofs were walked with: given, or inferred
 * @param signaturesValid proofs whose signature recovers to their account, in a form the contract
 *     accepts (v of 27 or 28, low s)
 * @param mmrLeafHash for submitFinal and submitFiatShamir: the MMR leaf's hash
 * @param mmrRoot the root the leaf proof folds to
 * @param mmrRootMatchesPayload whether that root is the commitment's {@code mh} payload
 */
public record BeefyCallAuditReport(
    BeefyClientFunction function,
    long blockNumber,
    long validatorSetId,
    H256 commitmentHash,
    Optional<H256> validatorSetRoot,
    long validatorCount,
    int signaturesChecked,
    int signaturesValid,
    Optional<H256> mmrLeafHash,
    Optional<H256> mmrRoot,
    Optional<Boolean> mmrRootMatchesPayload,
    VerificationResult result) {

  public Verdict verdict() {
    return result.verdict();
  }
}
