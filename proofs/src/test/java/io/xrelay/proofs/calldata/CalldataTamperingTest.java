package io.xrelay.proofs.calldata;

import static org.assertj.core.api.Assertions.assertThat;

import io.xrelay.proofs.Failure;
import io.xrelay.proofs.FailureReason;
import io.xrelay.proofs.H256;
import io.xrelay.proofs.VerificationResult;
import io.xrelay.proofs.beefy.BeefyCommitment;
import io.xrelay.proofs.beefy.BeefyPayloadItem;
import io.xrelay.proofs.mmr.MmrLeaf;
import io.xrelay.proofs.mmr.SimplifiedMmrProof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Flipping any bit of a real submitFinal's signatures, validator proofs, leaf, leaf proof,
 * commitment or bitfield gives an invalid verdict naming what broke, and never an exception.
 */
class CalldataTamperingTest {
  private static final BeefyCallAudit AUDIT = BeefyCallAudit.usingActiveBackend();
  private static final BeefyClientCall.SubmitFinal CALL =
      (BeefyClientCall.SubmitFinal)
          BeefyClientCalldata.decode(CalldataFixtures.calldata("prod_submitFinal.hex"));
  private static final AuditExpectations KNOWN_SET =
      new AuditExpectations(
          Optional.of(
              H256.fromHex("0xaa35b595056b5e391b82c64a3d06a230eb32970fb39e798200e568fc67ff64a7")),
          OptionalInt.of(600));

  @Test
  void shouldStartFromAValidCall() {
    assertThat(AUDIT.audit(CALL, KNOWN_SET).result().isValid()).isTrue();
  }

  @Test
  void shouldRejectEveryFlippedBitOfASignature() {
    final int target = 7;
    final ValidatorProof original = CALL.validatorProofs().get(target);
    for (int bit = 0; bit < 512; bit++) {
      final H256 r = bit < 256 ? flip(original.r(), bit) : original.r();
      final H256 s = bit < 256 ? original.s() : flip(original.s(), bit - 256);
      final ValidatorProof tampered =
          new ValidatorProof(
              original.v(), r, s, original.index(), original.account(), original.proof());
      final VerificationResult result = audit(withProof(target, tampered));
      assertThat(result.isValid()).as("bit %d", bit).isFalse();
      assertThat(result.failures())
          .as("bit %d", bit)
          .allSatisfy(f -> assertThat(f.detail()).startsWith("signature " + target + " "))
          .anySatisfy(
              f ->
                  assertThat(f.reason())
                      .isIn(FailureReason.SIGNER_MISMATCH, FailureReason.SIGNATURE_UNRECOVERABLE));
    }
    for (final int v : List.of(original.v() ^ 1, 0, 1, 29)) {
      final ValidatorProof tampered =
          new ValidatorProof(
              v,
              original.r(),
              original.s(),
              original.index(),
              original.account(),
              original.proof());
      final VerificationResult result = audit(withProof(target, tampered));
      assertThat(result.isValid()).isFalse();
      if (v != (original.v() ^ 1)) {
        assertThat(result.hasFailure(FailureReason.SIGNATURE_BAD_V)).isTrue();
      }
    }
  }

  @Test
  void shouldRejectAFlippedBitInAnyValidatorProofItem() {
    final Random random = new Random(11);
    for (int p = 0; p < CALL.validatorProofs().size(); p++) {
      final ValidatorProof original = CALL.validatorProofs().get(p);
      for (int item = 0; item < original.proof().size(); item++) {
        // Every bit of proof 0's first item; two random bits of every other item.
        final int bits = p == 0 && item == 0 ? 256 : 2;
        for (int n = 0; n < bits; n++) {
          final int bit = bits == 256 ? n : random.nextInt(256);
          final List<H256> items = new ArrayList<>(original.proof());
          items.set(item, flip(items.get(item), bit));
          final ValidatorProof tampered =
              new ValidatorProof(
                  original.v(),
                  original.r(),
                  original.s(),
                  original.index(),
                  original.account(),
                  items);
          final VerificationResult result = audit(withProof(p, tampered));
          final String expectedPrefix = "signature " + p + " (validator " + original.index() + ")";
          assertThat(result.failures())
              .as("proof %d item %d bit %d", p, item, bit)
              .singleElement()
              .satisfies(
                  f -> {
                    assertThat(f.reason()).isEqualTo(FailureReason.VALIDATOR_ROOT_MISMATCH);
                    assertThat(f.detail()).startsWith(expectedPrefix);
                  });
        }
      }
    }
  }

  @Test
  void shouldRejectEveryFlippedBitOfTheLeaf() {
    final byte[] encoded = CALL.leaf().encode();
    for (int bit = 0; bit < encoded.length * 8; bit++) {
      final byte[] tampered = encoded.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      final MmrLeaf leaf = MmrLeaf.decode(tampered);
      final VerificationResult result =
          audit(
              new BeefyClientCall.SubmitFinal(
                  CALL.function(),
                  CALL.commitment(),
                  CALL.bitfield(),
                  CALL.validatorProofs(),
                  leaf,
                  CALL.leafProof()));
      assertThat(reasons(result))
          .as("leaf bit %d", bit)
          .containsExactly(FailureReason.MMR_ROOT_MISMATCH);
    }
  }

  @Test
  void shouldRejectEveryFlippedBitOfTheLeafProof() {
    final List<H256> items = CALL.leafProof().items();
    for (int item = 0; item < items.size(); item++) {
      for (int bit = 0; bit < 256; bit += item == 0 ? 1 : 37) {
        final List<H256> tampered = new ArrayList<>(items);
        tampered.set(item, flip(items.get(item), bit));
        final VerificationResult result =
            audit(withLeafProof(new SimplifiedMmrProof(tampered, CALL.leafProof().order())));
        assertThat(reasons(result)).containsExactly(FailureReason.MMR_ROOT_MISMATCH);
      }
    }
    for (int bit = 0; bit < items.size(); bit++) {
      final VerificationResult result =
          audit(
              withLeafProof(new SimplifiedMmrProof(items, CALL.leafProof().order().flipBit(bit))));
      assertThat(reasons(result))
          .as("order bit %d", bit)
          .containsExactly(FailureReason.MMR_ROOT_MISMATCH);
    }
  }

  @Test
  void shouldRejectEveryFlippedBitOfTheCommitment() {
    final BeefyCommitment original = CALL.commitment();
    final H256 mmrRoot = original.mmrRoot().orElseThrow();
    for (int bit = 0; bit < 256 + 32 + 64; bit++) {
      final BeefyCommitment tampered;
      if (bit < 256) {
        tampered =
            BeefyCommitment.ofMmrRoot(
                flip(mmrRoot, bit), original.blockNumber(), original.validatorSetId());
      } else if (bit < 256 + 32) {
        tampered =
            BeefyCommitment.ofMmrRoot(
                mmrRoot, original.blockNumber() ^ (1L << (bit - 256)), original.validatorSetId());
      } else {
        tampered =
            BeefyCommitment.ofMmrRoot(
                mmrRoot, original.blockNumber(), original.validatorSetId() ^ (1L << (bit - 288)));
      }
      final VerificationResult result =
          audit(
              new BeefyClientCall.SubmitFinal(
                  CALL.function(),
                  tampered,
                  CALL.bitfield(),
                  CALL.validatorProofs(),
                  CALL.leaf(),
                  CALL.leafProof()));
      final List<FailureReason> reasons = reasons(result);
      assertThat(reasons).as("commitment bit %d", bit).contains(FailureReason.SIGNER_MISMATCH);
      assertThat(reasons.stream().filter(r -> r == FailureReason.SIGNER_MISMATCH)).hasSize(28);
      if (bit < 256) {
        assertThat(reasons).contains(FailureReason.MMR_ROOT_MISMATCH);
      }
    }
    final BeefyCommitment renamed =
        new BeefyCommitment(
            List.of(new BeefyPayloadItem(BeefyPayloadItem.MMR_ROOT_ID ^ 1, mmrRoot.bytes())),
            original.blockNumber(),
            original.validatorSetId());
    assertThat(
            reasons(
                audit(
                    new BeefyClientCall.SubmitFinal(
                        CALL.function(),
                        renamed,
                        CALL.bitfield(),
                        CALL.validatorProofs(),
                        CALL.leaf(),
                        CALL.leafProof()))))
        .contains(FailureReason.SIGNER_MISMATCH, FailureReason.NO_MMR_ROOT_IN_PAYLOAD);
  }

  @Test
  void shouldRejectFlippedBitfieldBitsThatCanBeCheckedWithoutTheTicket() {
    final Set<Integer> proven =
        Set.copyOf(CALL.validatorProofs().stream().map(p -> p.index().intValueExact()).toList());
    int additions = 0;
    for (int bit = 0; bit < 768; bit++) {
      final List<BigInteger> bitfield = new ArrayList<>(CALL.bitfield());
      final boolean wasSet = bitfield.get(bit / 256).testBit(bit % 256);
      bitfield.set(bit / 256, bitfield.get(bit / 256).flipBit(bit % 256));
      final VerificationResult result =
          audit(
              new BeefyClientCall.SubmitFinal(
                  CALL.function(),
                  CALL.commitment(),
                  bitfield,
                  CALL.validatorProofs(),
                  CALL.leaf(),
                  CALL.leafProof()));
      final List<FailureReason> reasons = reasons(result);
      if (wasSet) {
        // Every claimed signer counts: the call claims exactly the quorum, 401 of 600.
        assertThat(reasons).as("bit %d", bit).contains(FailureReason.QUORUM_NOT_REACHED);
        if (proven.contains(bit)) {
          assertThat(reasons).contains(FailureReason.SIGNER_NOT_IN_BITFIELD);
        }
      } else if (bit >= 600) {
        assertThat(reasons).as("bit %d", bit).containsExactly(FailureReason.BITFIELD_PADDING);
      } else {
        // One more claimed signer below the set size is a claim only the contract's ticket (the
        // bitfield hash stored by submitInitial) can refute.
        assertThat(result.isValid()).as("bit %d", bit).isTrue();
        additions++;
      }
    }
    assertThat(additions).isEqualTo(600 - 401);
  }

  private static VerificationResult audit(final BeefyClientCall call) {
    return AUDIT.audit(call, KNOWN_SET).result();
  }

  private static List<FailureReason> reasons(final VerificationResult result) {
    return result.failures().stream().map(Failure::reason).toList();
  }

  private static BeefyClientCall withProof(final int index, final ValidatorProof proof) {
    final List<ValidatorProof> proofs = new ArrayList<>(CALL.validatorProofs());
    proofs.set(index, proof);
    return new BeefyClientCall.SubmitFinal(
        CALL.function(), CALL.commitment(), CALL.bitfield(), proofs, CALL.leaf(), CALL.leafProof());
  }

  private static BeefyClientCall withLeafProof(final SimplifiedMmrProof leafProof) {
    return new BeefyClientCall.SubmitFinal(
        CALL.function(),
        CALL.commitment(),
        CALL.bitfield(),
        CALL.validatorProofs(),
        CALL.leaf(),
        leafProof);
  }

  static H256 flip(final H256 hash, final int bit) {
    final byte[] bytes = hash.bytes();
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    return H256.wrap(bytes);
  }
}
