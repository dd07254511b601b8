package io.xrelay.proofs.beefy;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.Failure;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.VerificationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a BEEFY signed commitment (a justification from a node, or a gossiped finality proof)
 * against the validator set that should have signed it: the set id must match, every signature must
 * recover to the validator in its slot, no validator may count twice, and at least {@code n - (n -
 * 1) / 3} distinct validators must have signed.
 *
 * <p>Strict: one bad signature makes the proof invalid even when the others reach the quorum,
 * because an honest node never serves one.
 */
public final class BeefyFinalityVerifier {
  private final SignatureRecovery recovery;

  public BeefyFinalityVerifier(final SignatureRecovery recovery) {
    this.recovery = recovery;
  }

  public static BeefyFinalityVerifier usingActiveBackend() {
    return new BeefyFinalityVerifier(SignatureRecovery.usingActiveBackend());
  }

  public QuorumVerification verify(
      final SignedCommitment signedCommitment, final BeefyValidatorSet validatorSet) {
    final List<Failure> failures = new ArrayList<>();
    final BeefyCommitment commitment = signedCommitment.commitment();
    final H256 hash = commitment.hash();
    if (commitment.validatorSetId() != validatorSet.id()) {
      failures.add(
          Failure.of(
              FailureReason.WRONG_VALIDATOR_SET_ID,
              "commitment is signed by validator set "
                  + Long.toUnsignedString(commitment.validatorSetId())
                  + ", expected set "
                  + Long.toUnsignedString(validatorSet.id())));
    }
    if (signedCommitment.validatorSetLength() != validatorSet.size()) {
      failures.add(
          Failure.of(
              FailureReason.VALIDATOR_SET_LENGTH_MISMATCH,
              "proof has "
                  + signedCommitment.validatorSetLength()
                  + " signature slots, the validator set has "
                  + validatorSet.size()
                  + " members"));
    }
    final List<Integer> slots = signedCommitment.signerIndices();
    final List<EcdsaSignature> signatures = new ArrayList<>(slots.size());
    for (final int slot : slots) {
      signatures.add(signedCommitment.signatures().get(slot).orElseThrow());
    }
    final List<Optional<EthereumAddress>> recovered = recovery.recoverAddresses(hash, signatures);
    final Map<EthereumAddress, Integer> counted = new HashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      final int slot = slots.get(i);
      final Optional<EthereumAddress> signer = recovered.get(i);
      if (signer.isEmpty()) {
        failures.add(
            Failure.of(
                FailureReason.SIGNATURE_UNRECOVERABLE,
                "signature " + slot + " recovers to no public key"));
        continue;
      }
      if (slot >= validatorSet.size()) {
        failures.add(
            Failure.of(
                FailureReason.SIGNER_OUTSIDE_SET,
                "signature "
                    + slot
                    + " recovers to "
                    + signer.get()
                    + " but the validator set has only "
                    + validatorSet.size()
                    + " members"));
        continue;
      }
      final Optional<EthereumAddress> expected = validatorSet.members().get(slot);
      if (!expected.equals(signer)) {
        failures.add(
            Failure.of(
                FailureReason.SIGNER_MISMATCH,
                "signature "
                    + slot
                    + " recovers to "
                    + signer.get()
                    + " which is not validator "
                    + slot
                    + expected.map(address -> " (" + address + ")").orElse(" (no valid key)")));
        continue;
      }
      final Integer earlier = counted.putIfAbsent(signer.get(), slot);
      if (earlier != null) {
        failures.add(
            Failure.of(
                FailureReason.DUPLICATE_SIGNER,
                "signature "
                    + slot
                    + " is by "
                    + signer.get()
                    + " who already signed in slot "
                    + earlier));
      }
    }
    final int required = validatorSet.quorum();
    if (counted.size() < required) {
      failures.add(
          Failure.of(
              FailureReason.QUORUM_NOT_REACHED,
              counted.size()
                  + " distinct valid signers of "
                  + validatorSet.size()
                  + ", "
                  + required
                  + " needed"));
    }
    return new QuorumVerification(
        VerificationResult.of(failures), hash, slots.size(), counted.size(), required);
  }
}
