package io.xrelay.ethereum.beefy;

import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import java.math.BigInteger;

/** A validator set as BeefyClient stores it: {@code (id, length, root)}. */
public record ValidatorSetState(BigInteger id, BigInteger length, H256 root) {

  /** What the contract holds for {@code set}: its id, size and keyset merkle root. */
  public static ValidatorSetState of(final BeefyValidatorSet set) {
    return new ValidatorSetState(
        BigInteger.valueOf(set.id()), BigInteger.valueOf(set.size()), set.root());
  }
}
