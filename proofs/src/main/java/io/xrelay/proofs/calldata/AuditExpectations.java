package io.xrelay.proofs.calldata;

import io.xrelay.proofs.H256;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the auditor knows about the validator set a call claims, typically BeefyClient's {@code
 * currentValidatorSet} or {@code nextValidatorSet}. Both are optional: without a root the proofs
 * must agree on one; without a count it is inferred from the bitfield and the proofs.
 */
public record AuditExpectations(Optional<H256> validatorSetRoot, OptionalInt validatorCount) {

  public static AuditExpectations none() {
    return new AuditExpectations(Optional.empty(), OptionalInt.empty());
  }
}
