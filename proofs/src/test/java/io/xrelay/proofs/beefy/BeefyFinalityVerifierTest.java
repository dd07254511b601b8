package io.xrelay.proofs.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.crypto.secp256k1.EcdsaSignature;
import io.xrelay.crypto.secp256k1.EthereumAddress;
import io.xrelay.proofs.FailureReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeefyFinalityVerifierTest {
  private static final TestValidators VALIDATORS = TestValidators.of(10);
  private static final BeefyValidatorSet SET = VALIDATORS.validatorSet(42);
  private static final BeefyFinalityVerifier VERIFIER = BeefyFinalityVerifier.usingActiveBackend();

  @Test
  void shouldAcceptAQuorumOfSignaturesOfTheRightSet() {
    assertThat(SET.quorum()).isEqualTo(7);
    final QuorumVerification result =
        VERIFIER.verify(VALIDATORS.sign(TestValidators.commitment(100, 42), 7), SET);
    assertThat(result.result().reasons()).isEmpty();
    assertThat(result.isValid()).isTrue();
    assertThat(result.validSigners()).isEqualTo(7);
    assertThat(result.signaturesChecked()).isEqualTo(7);
    assertThat(result.required()).isEqualTo(7);
  }

  @Test
  void shouldRejectOneSignatureShortOfTheQuorum() {
    final QuorumVerification result =
        VERIFIER.verify(VALIDATORS.sign(TestValidators.commitment(100, 42), 6), SET);
    assertThat(result.isValid()).isFalse();
    assertThat(result.result().failures())
        .extracting(f -> f.reason())
        .containsExactly(FailureReason.QUORUM_NOT_REACHED);
    assertThat(result.result().reasons())
        .containsExactly("6 distinct valid signers of 10, 7 needed");
  }

  @Test
  void shouldRejectTheWrongValidatorSetId() {
    final QuorumVerification result =
        VERIFIER.verify(VALIDATORS.sign(TestValidators.commitment(100, 41), 10), SET);
    assertThat(result.result().hasFailure(FailureReason.WRONG_VALIDATOR_SET_ID)).isTrue();
    assertThat(result.result().reasons())
        .contains("commitment is signed by validator set 41, expected set 42");
  }

  @Test
  void shouldRejectSignaturesOverAnotherCommitment() {
    final SignedCommitment honest = VALIDATORS.sign(TestValidators.commitment(100, 42), 10);
    final List<Optional<EcdsaSignature>> signatures = new ArrayList<>(honest.signatures());
    final SignedCommitment other = VALIDATORS.sign(TestValidators.commitment(101, 42), 10);
    signatures.set(3, other.signatures().get(3));
    final QuorumVerification result =
        VERIFIER.verify(new SignedCommitment(honest.commitment(), signatures), SET);
    assertThat(result.isValid()).isFalse();
    assertThat(result.validSigners()).isEqualTo(9);
    assertThat(result.result().failures()).hasSize(1);
    assertThat(result.result().failures().get(0).reason()).isEqualTo(FailureReason.SIGNER_MISMATCH);
    assertThat(result.result().reasons().get(0))
        .startsWith("signature 3 recovers to 0x")
        .endsWith("which is not validator 3 (" + SET.members().get(3).orElseThrow() + ")");
  }

  @Test
  void shouldRejectSignersOutsideTheSet() {
    final TestValidators eleven = TestValidators.of(11);
    final QuorumVerification result =
        VERIFIER.verify(eleven.sign(TestValidators.commitment(100, 42), 11), SET);
    assertThat(result.result().hasFailure(FailureReason.VALIDATOR_SET_LENGTH_MISMATCH)).isTrue();
    assertThat(result.result().hasFailure(FailureReason.SIGNER_OUTSIDE_SET)).isTrue();
    assertThat(result.validSigners()).isEqualTo(10);
  }

  @Test
  void shouldCountADuplicatedValidatorOnce() {
    // A set that lists validator 0's address twice (slots 0 and 1): its two signatures count once.
    final List<EthereumAddress> addresses = new ArrayList<>(VALIDATORS.addresses());
    addresses.set(1, addresses.get(0));
    final BeefyValidatorSet set = BeefyValidatorSet.ofAddresses(42, addresses);
    final SignedCommitment honest = VALIDATORS.sign(TestValidators.commitment(100, 42), 7);
    final List<Optional<EcdsaSignature>> signatures = new ArrayList<>(honest.signatures());
    signatures.set(1, signatures.get(0));
    final QuorumVerification result =
        VERIFIER.verify(new SignedCommitment(honest.commitment(), signatures), set);
    assertThat(result.result().hasFailure(FailureReason.DUPLICATE_SIGNER)).isTrue();
    assertThat(result.result().hasFailure(FailureReason.QUORUM_NOT_REACHED)).isTrue();
    assertThat(result.validSigners()).isEqualTo(6);
  }

  @Test
  void shouldRejectSignaturesThatRecoverToNoKey() {
    final SignedCommitment honest = VALIDATORS.sign(TestValidators.commitment(100, 42), 8);
    final List<Optional<EcdsaSignature>> signatures = new ArrayList<>(honest.signatures());
    signatures.set(2, Optional.of(EcdsaSignature.fromBytes(new byte[65])));
    final QuorumVerification result =
        VERIFIER.verify(new SignedCommitment(honest.commitment(), signatures), SET);
    assertThat(result.result().reasons()).containsExactly("signature 2 recovers to no public key");
  }

  @Test
  void shouldBuildTheValidatorSetFromAuthorityIds() {
    final List<byte[]> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(VALIDATORS.signer(i).publicKey().compressed());
    }
    assertThat(BeefyValidatorSet.ofAuthorityIds(42, ids)).isEqualTo(SET);
    ids.set(4, new byte[33]);
    final BeefyValidatorSet withInvalidKey = BeefyValidatorSet.ofAuthorityIds(42, ids);
    assertThat(withInvalidKey.members().get(4)).isEmpty();
    assertThat(withInvalidKey.root()).isNotEqualTo(SET.root());
  }

  @Test
  void shouldComputeTheQuorumThreshold() {
    assertThat(BeefyQuorum.threshold(600)).isEqualTo(401);
    assertThat(BeefyQuorum.threshold(297)).isEqualTo(199);
    assertThat(BeefyQuorum.threshold(1000)).isEqualTo(667);
    assertThat(BeefyQuorum.threshold(1)).isEqualTo(1);
    assertThat(BeefyQuorum.threshold(3)).isEqualTo(3);
    assertThat(BeefyQuorum.threshold(4)).isEqualTo(3);
    assertThat(BeefyQuorum.threshold(0)).isZero();
  }
}
