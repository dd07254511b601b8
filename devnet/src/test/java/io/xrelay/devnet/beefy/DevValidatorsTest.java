package io.xrelay.devnet.beefy;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.devnet.beefy.DevValidators.SigningOutcome;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyFinalityVerifier;
import io.xrelay.proofs.beefy.BeefyValidatorSet;
import io.xrelay.proofs.beefy.SignedCommitment;
import io.xrelay.proofs.beefy.VersionedFinalityProof;
import io.xrelay.scale.Hex;
import io.xrelay.substrate.keys.KeyPair;
import io.xrelay.substrate.keys.KeyScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevValidatorsTest {
  /** Beefy.Authorities in the genesis of kusama-local.json (fixtures/chains/PROVENANCE.md). */
  private static final List<byte[]> GENESIS_AUTHORITIES =
      List.of(
          Hex.decode("0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1"),
          Hex.decode("0x0390084fdbf27d2b79d26a4f13f0ccd982cb755a661969143c37cbc49ef5b91f27"));

  private static final DevValidators VALIDATORS = DevValidators.aliceAndBob();
  private static final BeefyCommitment COMMITMENT =
      BeefyCommitment.ofMmrRoot(
          H256.fromHex("0xaeed6dba8582dbc0fd7e1c552a96ca408004d4c15bac804705e6855b5522e524"),
          42,
          0);

  @Test
  void shouldHoldTheKeysOfTheGenesisBeefyAuthorities() {
    assertThat(VALIDATORS.publicKeys()).containsExactlyElementsOf(GENESIS_AUTHORITIES);
  }

  @Test
  void shouldSignEverySlotSoThatTheProofsModuleAcceptsTheJustification() {
    final SigningOutcome outcome = VALIDATORS.sign(COMMITMENT, GENESIS_AUTHORITIES);

    assertThat(outcome).isInstanceOf(SigningOutcome.Signed.class);
    final SignedCommitment signed = ((SigningOutcome.Signed) outcome).signedCommitment();
    assertThat(signed.commitment()).isEqualTo(COMMITMENT);
    assertThat(signed.signerIndices()).containsExactly(0, 1);
    // Through the wire form a node serves, and back.
    final VersionedFinalityProof decoded =
        VersionedFinalityProof.decode(new VersionedFinalityProof(signed).encode());
    assertThat(
            BeefyFinalityVerifier.usingActiveBackend()
                .verify(
                    decoded.signedCommitment(),
                    BeefyValidatorSet.ofAuthorityIds(0, GENESIS_AUTHORITIES))
                .result()
                .reasons())
        .isEmpty();
  }

  @Test
  void shouldSignInTheAuthoritiesOrder() {
    final List<byte[]> swapped = List.of(GENESIS_AUTHORITIES.get(1), GENESIS_AUTHORITIES.get(0));
    final SigningOutcome outcome = VALIDATORS.sign(COMMITMENT, swapped);

    final SignedCommitment signed = ((SigningOutcome.Signed) outcome).signedCommitment();
    assertThat(
            BeefyFinalityVerifier.usingActiveBackend()
                .verify(signed, BeefyValidatorSet.ofAuthorityIds(0, swapped))
                .isValid())
        .isTrue();
  }

  @Test
  void shouldRefuseAnAuthorityItHoldsNoKeyFor() {
    final byte[] charlie = KeyPair.fromUri("//Charlie", KeyScheme.ECDSA).publicKey();
    final SigningOutcome outcome =
        VALIDATORS.sign(COMMITMENT, List.of(GENESIS_AUTHORITIES.get(0), charlie));

    assertThat(outcome)
        .isEqualTo(
            new SigningOutcome.Refused(
                "authority 1 ("
                    + Hex.encode(charlie)
                    + ") is not one of the dev validator keys ["
                    + Hex.encode(GENESIS_AUTHORITIES.get(0))
                    + ", "
                    + Hex.encode(GENESIS_AUTHORITIES.get(1))
                    + "]"));
  }

  @Test
  void shouldRefuseASetThatLacksOneOfItsKeys() {
    final SigningOutcome outcome = VALIDATORS.sign(COMMITMENT, List.of(GENESIS_AUTHORITIES.get(0)));

    assertThat(outcome)
        .isEqualTo(
            new SigningOutcome.Refused(
                "dev validator key "
                    + Hex.encode(GENESIS_AUTHORITIES.get(1))
                    + " is not among the 1 authorities of set 0"));
    assertThat(VALIDATORS.sign(COMMITMENT, List.of()))
        .isEqualTo(new SigningOutcome.Refused("Beefy.Authorities is empty"));
  }
}
