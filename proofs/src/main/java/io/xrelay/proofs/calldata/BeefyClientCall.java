package io.xrelay.proofs.calldata;

import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.mmr.MmrLeaf;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import java.math.BigInteger;
import java.util.List;

/** The decoded arguments of one BeefyClient submission. */
public sealed interface BeefyClientCall {

  BeefyClientFunction function();

  BeefyCommitment commitment();

  /**
   * The claimed signers as BeefyClient's {@code uint256[]}: validator i is bit {@code i % 256} of
   * word {@code i / 256}.
   */
  List<BigInteger> bitfield();

  /** The validator proofs carried (one for submitInitial). */
  List<ValidatorProof> validatorProofs();

  /** {@code submitInitial(commitment, bitfield, proof)}. */
  record SubmitInitial(BeefyCommitment commitment, List<BigInteger> bitfield, ValidatorProof proof)
      implements BeefyClientCall {
    public SubmitInitial {
      bitfield = List.copyOf(bitfield);
    }

    @Override
    public BeefyClientFunction function() {
      return BeefyClientFunction.SUBMIT_INITIAL;
    }

    @Override
    public List<ValidatorProof> validatorProofs() {
      return List.of(proof);
    }
  }

  /**
   * {@code submitFinal} and {@code submitFiatShamir}, which take the same arguments: {@code
   * (commitment, bitfield, proofs, leaf, leafProof, leafProofOrder)}.
   */
  record SubmitFinal(
      BeefyClientFunction function,
      BeefyCommitment commitment,
      List<BigInteger> bitfield,
      List<ValidatorProof> validatorProofs,
      MmrLeaf leaf,
      SimplifiedMmrProof leafProof)
      implements BeefyClientCall {
    public SubmitFinal {
      if (function == BeefyClientFunction.SUBMIT_INITIAL) {
        throw new IllegalArgumentException("submitInitial has no MMR leaf");
      }
      bitfield = List.copyOf(bitfield);
      validatorProofs = List.copyOf(validatorProofs);
    }
  }
}
